import { secp256k1 } from '@noble/curves/secp256k1.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { PubKey } from 'cosmjs-types/cosmos/crypto/secp256k1/keys';
import type { Any } from 'cosmjs-types/google/protobuf/any';
import type { ChainInfo } from '../../../shared/domain/chain';
import { StrataError } from '../../../shared/errors';

/**
 * How a Cosmos chain checks signatures. Coin type 118 chains use plain secp256k1 over sha256(sign bytes); chains with
 * Ethereum keys (addressScheme `eth-bech32`: Injective, Ethermint/Evmos) use eth_secp256k1 over keccak256(sign bytes)
 * and their own public key type. Both keep the key compressed (33 bytes) in the transaction.
 */
export interface CosmosKeyScheme {
  readonly algorithm: 'secp256k1' | 'eth_secp256k1';
  readonly pubkeyTypeUrl: string;
  /** The 32 bytes that are actually signed. */
  digest(signBytes: Uint8Array): Uint8Array;
}

const SECP256K1: CosmosKeyScheme = {
  algorithm: 'secp256k1',
  pubkeyTypeUrl: '/cosmos.crypto.secp256k1.PubKey',
  digest: (signBytes) => sha256(signBytes),
};

const INJECTIVE_ETH_SECP256K1: CosmosKeyScheme = {
  algorithm: 'eth_secp256k1',
  pubkeyTypeUrl: '/injective.crypto.v1beta1.ethsecp256k1.PubKey',
  digest: (signBytes) => keccak_256(signBytes),
};

const ETHERMINT_ETH_SECP256K1: CosmosKeyScheme = {
  algorithm: 'eth_secp256k1',
  pubkeyTypeUrl: '/ethermint.crypto.v1.ethsecp256k1.PubKey',
  digest: (signBytes) => keccak_256(signBytes),
};

/** The key scheme of a Cosmos chain, from its address scheme (and chain id for the eth_secp256k1 type name). */
export function cosmosKeyScheme(chain: Pick<ChainInfo, 'id' | 'addressScheme'>): CosmosKeyScheme {
  switch (chain.addressScheme) {
    case 'cosmos':
      return SECP256K1;
    case 'eth-bech32':
      return chain.id.startsWith('cosmos:injective-') ? INJECTIVE_ETH_SECP256K1 : ETHERMINT_ETH_SECP256K1;
    case 'evm':
      throw new StrataError('UNKNOWN_CHAIN', 'Not a Cosmos chain');
  }
}

/**
 * The signer's public key as it goes into AuthInfo. Every scheme's PubKey message is `{ bytes key = 1 }`, so the
 * cosmos secp256k1 encoder serves all of them with the scheme's type URL.
 */
export function encodeCosmosPubkey(scheme: CosmosKeyScheme, pubkey: Uint8Array): Any {
  assertCompressedPubkey(pubkey);
  return { typeUrl: scheme.pubkeyTypeUrl, value: PubKey.encode({ key: pubkey }).finish() };
}

/** True when `signature` (r || s, low-s) is the key's signature of the scheme's digest of `signBytes`. */
export function verifyCosmosSignature(
  scheme: CosmosKeyScheme,
  signBytes: Uint8Array,
  signature: Uint8Array,
  pubkey: Uint8Array,
): boolean {
  if (signature.length !== 64) return false;
  try {
    return secp256k1.verify(signature, scheme.digest(signBytes), pubkey, { prehash: false, lowS: true });
  } catch {
    return false;
  }
}

export function assertCompressedPubkey(pubkey: Uint8Array): void {
  if (!(pubkey instanceof Uint8Array) || pubkey.length !== 33 || (pubkey[0] !== 2 && pubkey[0] !== 3)) {
    throw new StrataError('INVALID_INPUT', 'Expected a 33-byte compressed secp256k1 public key');
  }
}
