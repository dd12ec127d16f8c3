import { decodeFunctionResult, encodeFunctionData, erc20Abi, type Hex } from 'viem';

/** The part of ERC-20 the wallet calls, on viem's `erc20Abi`: balances and plain transfers. */

/** Calldata of `balanceOf(owner)`. */
export function encodeBalanceOf(owner: string): Hex {
  return encodeFunctionData({ abi: erc20Abi, functionName: 'balanceOf', args: [owner as Hex] });
}

/** Calldata of `transfer(to, amount)` (amount in base units). */
export function encodeTransfer(to: string, amount: bigint): Hex {
  return encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [to as Hex, amount] });
}

/** A `balanceOf` answer as a uint256. @throws (viem's decoding error) for data that is not one */
export function decodeBalanceOf(data: string): bigint {
  return decodeFunctionResult({ abi: erc20Abi, functionName: 'balanceOf', data: data as Hex });
}
