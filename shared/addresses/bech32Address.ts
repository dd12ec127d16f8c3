import { bech32 } from '@scure/base';
import { StrataError } from '../errors';

/** Longest bech32 string we accept; Cosmos addresses (20 or 32 bytes of data) are far below it. */
const MAX_LENGTH = 128;

export function encodeBech32Address(prefix: string, data: Uint8Array): string {
  return bech32.encode(prefix, bech32.toWords(data), MAX_LENGTH);
}

/**
 * Parses a bech32 account address and checks its prefix against the chain's.
 * @returns the normalized (lowercase) address and its data bytes (20 or 32)
 */
export function parseBech32Address(input: string, expectedPrefix: string): { address: string; data: Uint8Array } {
  const address = input.trim();
  let decoded: { prefix: string; words: number[] };
  try {
    decoded = bech32.decode(address as `${string}1${string}`, MAX_LENGTH);
  } catch {
    throw new StrataError('INVALID_ADDRESS', 'Not a valid bech32 address (bad characters or checksum)');
  }
  if (decoded.prefix !== expectedPrefix) {
    throw new StrataError(
      'INVALID_ADDRESS',
      `This address is for another chain: prefix "${decoded.prefix}", expected "${expectedPrefix}"`,
    );
  }
  const data = bech32.fromWords(decoded.words);
  if (data.length !== 20 && data.length !== 32) {
    throw new StrataError('INVALID_ADDRESS', 'A bech32 account address holds 20 or 32 bytes');
  }
  return { address: address.toLowerCase(), data };
}
