import { getAddress, isAddress } from 'viem';
import { StrataError } from '../../../shared/errors';

export type Address = `0x${string}`;
export type Hex = `0x${string}`;

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
