import { getAddress } from 'viem';
import { StrataError } from '../../../../shared/errors';
import { checkAddress, type Address } from '../../evm/evmCall';

// The EVM call basics live in evm/evmCall; re-exported for the Uniswap modules that take them from here.
export { checkAddress, checkAmount, type Address, type EvmCall, type Hex } from '../../evm/evmCall';

/** Where a Uniswap V2 deployment lives on one chain. `weth` is the router's WETH (what 'native' trades as). */
export interface UniswapV2Deployment {
  router: Address;
  factory: Address;
  weth: Address;
}

/** A token of a swap: an ERC-20 address, or 'native' for the chain's coin (wrapped through WETH by the router). */
export type SwapToken = 'native' | Address;

/** The two-token path the router trades along: 'native' becomes WETH. @throws INVALID_INPUT for the same token twice */
export function swapPath(deployment: UniswapV2Deployment, tokenIn: SwapToken, tokenOut: SwapToken): [Address, Address] {
  const resolve = (token: SwapToken, what: string): Address => (token === 'native' ? getAddress(deployment.weth) : checkAddress(token, what));
  const path: [Address, Address] = [resolve(tokenIn, 'The input token'), resolve(tokenOut, 'The output token')];
  if (path[0] === path[1]) throw new StrataError('INVALID_INPUT', 'A swap needs two different tokens (native and WETH are the same pool side)');
  return path;
}
