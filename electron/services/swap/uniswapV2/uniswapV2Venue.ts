import type { JsonRpcCall } from '../../rpc/httpJsonRpc';
import { buildSwapExactIn, type SwapExactInPlan, type SwapExactInRequest } from './buildSwapExactIn';
import { getRouterAmountsOut } from './getRouterAmountsOut';
import { quoteExactIn, type QuoteExactInRequest, type UniswapV2Quote } from './quoteExactIn';
import type { Address, UniswapV2Deployment } from './uniswapV2Types';

/** One Uniswap V2 deployment on one chain, bound to that chain's RPC: what the cross-chain router calls. */
export interface UniswapV2Venue {
  deployment: UniswapV2Deployment;
  quoteExactIn(request: QuoteExactInRequest): Promise<UniswapV2Quote>;
  getAmountsOut(amountIn: bigint, path: readonly Address[]): Promise<bigint[]>;
  buildSwapExactIn(request: SwapExactInRequest): SwapExactInPlan;
}

/** Binds the venue functions to one chain's RPC and deployment. Contacts nothing until a quote is asked for. */
export function createUniswapV2Venue(rpc: JsonRpcCall, deployment: UniswapV2Deployment): UniswapV2Venue {
  return {
    deployment,
    quoteExactIn: (request) => quoteExactIn(rpc, deployment, request),
    getAmountsOut: (amountIn, path) => getRouterAmountsOut(rpc, deployment.router, amountIn, path),
    buildSwapExactIn: (request) => buildSwapExactIn(deployment, request),
  };
}
