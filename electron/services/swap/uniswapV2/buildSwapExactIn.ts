import { encodeFunctionData } from 'viem';
import { StrataError } from '../../../../shared/errors';
import { buildExactApproval } from '../../evm/buildExactApproval';
import { minAmountOut } from '../../evm/minAmountOut';
import { UNISWAP_V2_ROUTER_ABI } from './uniswapV2Abi';
import { checkAddress, checkAmount, swapPath, type Address, type EvmCall, type SwapToken, type UniswapV2Deployment } from './uniswapV2Types';

export interface SwapExactInRequest {
  tokenIn: SwapToken;
  tokenOut: SwapToken;
  /** Base units of tokenIn (wei for 'native'). */
  amountIn: bigint;
  /** The quote's amountOut (quoteExactIn or getRouterAmountsOut). */
  quotedAmountOut: bigint;
  /** Tolerance below the quote, in basis points (50 = 0.5%); the router reverts below quote - tolerance. */
  slippageBps: number;
  /** Who receives tokenOut (usually the sender). */
  recipient: Address;
  /** Unix time in seconds after which the router reverts ('UniswapV2Router: EXPIRED'). */
  deadline: bigint;
}

export interface SwapExactInPlan {
  /** Send first when tokenIn is an ERC-20: approve(router, amountIn), exactly. Null for 'native'. */
  approval: EvmCall | null;
  /** The router call; `value` is amountIn for 'native' input, else 0. */
  swap: EvmCall;
  amountOutMin: bigint;
  /** Which router function `swap` calls. */
  method: 'swapExactETHForTokens' | 'swapExactTokensForTokens' | 'swapExactTokensForETH';
  path: [Address, Address];
}

/**
 * The transactions of an exact-input swap on a Uniswap V2 router: native in -> swapExactETHForTokens, native out ->
 * swapExactTokensForETH, else swapExactTokensForTokens; amountOutMin from the quote and the slippage (minAmountOut);
 * an exact ERC-20 approval when the input is a token. Nothing is sent or signed here.
 * @throws StrataError INVALID_AMOUNT, INVALID_ADDRESS, INVALID_INPUT (slippage, same token twice, bad deadline)
 */
export function buildSwapExactIn(deployment: UniswapV2Deployment, request: SwapExactInRequest): SwapExactInPlan {
  const amountIn = checkAmount(request.amountIn, 'The amount to swap');
  const amountOutMin = minAmountOut(request.quotedAmountOut, request.slippageBps);
  const path = swapPath(deployment, request.tokenIn, request.tokenOut);
  const router = checkAddress(deployment.router, 'The router');
  const to = checkAddress(request.recipient, 'The recipient');
  if (typeof request.deadline !== 'bigint' || request.deadline <= 0n || request.deadline >= 2n ** 256n) {
    throw new StrataError('INVALID_INPUT', 'The swap deadline must be a positive Unix time in seconds');
  }
  const { deadline } = request;
  if (request.tokenIn === 'native') {
    const data = encodeFunctionData({ abi: UNISWAP_V2_ROUTER_ABI, functionName: 'swapExactETHForTokens', args: [amountOutMin, path, to, deadline] });
    return { approval: null, swap: { to: router, data, value: amountIn }, amountOutMin, method: 'swapExactETHForTokens', path };
  }
  const approval = buildExactApproval(path[0], router, amountIn);
  const method = request.tokenOut === 'native' ? 'swapExactTokensForETH' : 'swapExactTokensForTokens';
  const data = encodeFunctionData({ abi: UNISWAP_V2_ROUTER_ABI, functionName: method, args: [amountIn, amountOutMin, path, to, deadline] });
  return { approval, swap: { to: router, data, value: 0n }, amountOutMin, method, path };
}
