import { getAddress, isAddress } from 'viem';
import { StrataError } from '../../../../shared/errors';

export type Address = `0x${string}`;
export type Hex = `0x${string}`;

/** Where a Uniswap V2 deployment lives on one chain. `weth` is the router's WETH (what 'native' trades as). */
export interface UniswapV2Deployment {
  router: Address;
  factory: Address;
  weth: Address;
}

/** A token of a swap: an ERC-20 address, or 'native' for the chain's coin (wrapped through WETH by the router). */
export type SwapToken = 'native' | Address;

/** One contract call to sign and send: `value` in wei. */
export interface EvmCall {
  to: Address;
  data: Hex;
  value: bigint;
}

/** Checksummed address. @throws StrataError INVALID_ADDRESS */
export function checkAddress(value: string, what: string): Address {
  if (!isAddress(value, { strict: false })) throw new StrataError('INVALID_ADDRESS', `${what} is not an EVM address`);
  return getAddress(value);
}

/** @throws StrataError INVALID_AMOUNT unless a positive bigint that fits uint256 */
export function checkAmount(value: bigint, what: string): bigint {
  if (typeof value !== 'bigint' || value <= 0n || value >= 2n ** 256n) throw new StrataError('INVALID_AMOUNT', `${what} must be a positive whole number of base units`);
  return value;
}

/** The two-token path the router trades along: 'native' becomes WETH. @throws INVALID_INPUT for the same token twice */
export function swapPath(deployment: UniswapV2Deployment, tokenIn: SwapToken, tokenOut: SwapToken): [Address, Address] {
  const resolve = (token: SwapToken, what: string): Address => (token === 'native' ? getAddress(deployment.weth) : checkAddress(token, what));
  const path: [Address, Address] = [resolve(tokenIn, 'The input token'), resolve(tokenOut, 'The output token')];
  if (path[0] === path[1]) throw new StrataError('INVALID_INPUT', 'A swap needs two different tokens (native and WETH are the same pool side)');
  return path;
}
