import { secp256k1 } from '@noble/curves/secp256k1.js';
import { ripemd160 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import type { ChainInfo } from '../domain/chain';
import { StrataError } from '../errors';
import { encodeBech32Address } from './bech32Address';
import { evmAddressFromUncompressed } from './evmAddress';

/** The account address of a compressed (33-byte) secp256k1 public key on a chain, by the chain's address scheme. */
export function addressFromPublicKey(publicKey: Uint8Array, chain: Pick<ChainInfo, 'addressScheme' | 'bech32Prefix'>): string {
  if (publicKey.length !== 33) throw new StrataError('INVALID_INPUT', 'Expected a 33-byte compressed public key');
  switch (chain.addressScheme) {
    case 'evm':
      return evmAddressFromUncompressed(uncompressed(publicKey));
    case 'cosmos':
      return encodeBech32Address(requirePrefix(chain.bech32Prefix), ripemd160(sha256(publicKey)));
    case 'eth-bech32':
      return encodeBech32Address(requirePrefix(chain.bech32Prefix), keccak_256(uncompressed(publicKey)).slice(-20));
  }
}

function uncompressed(publicKey: Uint8Array): Uint8Array {
  let point;
  try {
    point = secp256k1.Point.fromBytes(publicKey);
  } catch {
    throw new StrataError('INVALID_INPUT', 'Not a point on secp256k1');
  }
  return point.toBytes(false).slice(1);
}

function requirePrefix(prefix: string | null): string {
  if (!prefix) throw new StrataError('INTERNAL', 'Chain has no bech32 prefix');
  return prefix;
}
