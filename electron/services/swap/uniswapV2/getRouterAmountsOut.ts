import type { JsonRpcCall } from '../../rpc/httpJsonRpc';
import { readContract } from '../../evm/readContract';
import { UNISWAP_V2_ROUTER_ABI } from './uniswapV2Abi';
import { checkAmount, type Address } from './uniswapV2Types';

/**
 * The router's own getAmountsOut(amountIn, path): one amount per path entry, the first being amountIn. A cross-check
 * of quoteExactIn, and the way to quote multi-hop paths.
 * @throws StrataError INVALID_AMOUNT; a revert (no pair, no liquidity) as the RPC transport throws it
 */
export async function getRouterAmountsOut(rpc: JsonRpcCall, router: Address, amountIn: bigint, path: readonly Address[]): Promise<bigint[]> {
  checkAmount(amountIn, 'The amount to swap');
  return [...(await readContract(rpc, router, UNISWAP_V2_ROUTER_ABI, 'getAmountsOut', [amountIn, path]))];
}
