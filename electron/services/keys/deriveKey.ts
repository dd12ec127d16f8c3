import { HDKey } from '@scure/bip32';
import { StrataError } from '../../../shared/errors';

/** A derived secp256k1 key. The caller owns `privateKey` and should wipe it (`fill(0)`) when done. */
export interface DerivedKey {
  path: string;
  privateKey: Uint8Array;
  /** 33-byte compressed public key */
  publicKey: Uint8Array;
}

/** BIP-32 derivation from a BIP-39 seed along a path such as m/44'/60'/0'/0/0. */
export function deriveKey(seed: Uint8Array, path: string): DerivedKey {
  let node: HDKey;
  try {
    node = HDKey.fromMasterSeed(seed).derive(path);
  } catch {
    throw new StrataError('INVALID_PATH', 'Derivation failed for this path');
  }
  if (!node.privateKey || !node.publicKey) throw new StrataError('INTERNAL', 'Derivation produced no key');
  return { path, privateKey: node.privateKey, publicKey: node.publicKey };
}
