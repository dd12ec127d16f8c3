import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { StrataError } from '../errors';

const HEX_ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/** EIP-55 mixed-case checksum encoding of a 20-byte address. */
export function toChecksumAddress(address: string): string {
  if (!HEX_ADDRESS.test(address)) throw new StrataError('INVALID_ADDRESS', 'Not a 20-byte hex address');
  const lower = address.slice(2).toLowerCase();
  const hash = bytesToHex(keccak_256(utf8ToBytes(lower)));
  let out = '0x';
  for (let i = 0; i < 40; i++) {
    const ch = lower[i] as string;
    out += parseInt(hash[i] as string, 16) >= 8 ? ch.toUpperCase() : ch;
  }
  return out;
}

/**
 * Parses a user-supplied EVM address. All-lowercase or all-uppercase hex is accepted (no checksum to check);
 * mixed case must match EIP-55 exactly, because a wrong checksum usually means a typo.
 * @returns the EIP-55 form
 */
export function parseEvmAddress(input: string): string {
  const address = input.trim();
  if (!HEX_ADDRESS.test(address)) throw new StrataError('INVALID_ADDRESS', 'An EVM address is 0x followed by 40 hex digits');
  const body = address.slice(2);
  const checksummed = toChecksumAddress(address);
  const mixed = body !== body.toLowerCase() && body !== body.toUpperCase();
  if (mixed && checksummed !== address) {
    throw new StrataError('INVALID_ADDRESS', 'The address checksum (EIP-55 capitalisation) is wrong: check for a typo');
  }
  return checksummed;
}

/** The EVM address of a secp256k1 public key given uncompressed without its 0x04 prefix (64 bytes). */
export function evmAddressFromUncompressed(publicKey64: Uint8Array): string {
  if (publicKey64.length !== 64) throw new StrataError('INVALID_INPUT', 'Expected a 64-byte uncompressed public key');
  return toChecksumAddress('0x' + bytesToHex(keccak_256(publicKey64).slice(-20)));
}
