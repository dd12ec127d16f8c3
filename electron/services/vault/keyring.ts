/**
 * The key material of an unlocked vault: the BIP-39 seed and its BIP-32 root, and the imported private keys. It
 * derives public keys (cached) and signs digests; wipe() overwrites every byte array it holds.
 */
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { hexToBytes } from '@noble/hashes/utils.js';
import { HDKey } from '@scure/bip32';
import { mnemonicToSeed } from '@scure/bip39';
import { StrataError } from '../../../shared/errors';
import { MAX_HD_INDEX, type AccountRecord, type VaultPayload } from './payload';

export interface PublicKeyInfo {
  /** 33-byte compressed secp256k1 public key */
  publicKey: Uint8Array;
  /** BIP-32 path for HD accounts, null for imported keys */
  path: string | null;
}

export interface DigestSignature {
  /** r || s, 64 bytes, low-s */
  signature: Uint8Array;
  /** recovery id, 0 or 1 (2 or 3 only in the negligible case r >= n) */
  recovery: number;
}

/** BIP-44 path of an HD account: m/44'/<coinType>'/0'/0/<index>. */
export function hdPath(coinType: number, index: number): string {
  return `m/44'/${coinType}'/0'/0/${index}`;
}

function assertCoinType(coinType: number): void {
  if (!Number.isSafeInteger(coinType) || coinType < 0 || coinType > MAX_HD_INDEX) {
    throw new StrataError('INVALID_PATH', 'The coin type must be an integer from 0 to 2^31-1');
  }
}

export class Keyring {
  private seed: Uint8Array | null;
  private root: HDKey | null;
  private readonly privateKeys = new Map<string, Uint8Array>();
  private readonly publicKeys = new Map<string, PublicKeyInfo>();

  private constructor(seed: Uint8Array | null) {
    this.seed = seed;
    this.root = seed === null ? null : HDKey.fromMasterSeed(seed);
  }

  /** Computes the seed once (BIP-39 PBKDF2 with the passphrase) and decodes the imported keys. */
  static async fromPayload(payload: VaultPayload): Promise<Keyring> {
    const seed = payload.mnemonic === null ? null : await mnemonicToSeed(payload.mnemonic, payload.passphrase);
    const keyring = new Keyring(seed);
    for (const [id, hex] of Object.entries(payload.privateKeys)) keyring.privateKeys.set(id, hexToBytes(hex));
    return keyring;
  }

  /** Keeps a copy of a newly imported key. */
  addPrivateKey(id: string, privateKey: Uint8Array): void {
    this.privateKeys.set(id, Uint8Array.from(privateKey));
  }

  /** Drops (and wipes) everything held for a removed account. */
  forget(id: string): void {
    this.privateKeys.get(id)?.fill(0);
    this.privateKeys.delete(id);
    for (const key of [...this.publicKeys.keys()]) if (key.startsWith(`${id}:`)) this.publicKeys.delete(key);
  }

  /** Public key of a signing account on a coin type; HD keys are derived once and cached. */
  publicKeyFor(account: AccountRecord, coinType: number): PublicKeyInfo {
    assertCoinType(coinType);
    const cacheKey = `${account.id}:${account.kind === 'hd' ? coinType : '*'}`;
    let info = this.publicKeys.get(cacheKey);
    if (info === undefined) {
      const secret = this.secretKeyFor(account, coinType);
      try {
        info = { publicKey: secp256k1.getPublicKey(secret.key, true), path: secret.path };
      } finally {
        secret.key.fill(0);
      }
      this.publicKeys.set(cacheKey, info);
    }
    return { publicKey: Uint8Array.from(info.publicKey), path: info.path };
  }

  /** ECDSA over a 32-byte digest (no further hashing), deterministic (RFC 6979), low-s. */
  sign(account: AccountRecord, coinType: number, digest: Uint8Array): DigestSignature {
    assertCoinType(coinType);
    if (!(digest instanceof Uint8Array) || digest.length !== 32) {
      throw new StrataError('INVALID_INPUT', 'The digest must be 32 bytes');
    }
    const secret = this.secretKeyFor(account, coinType);
    try {
      const recovered = secp256k1.sign(digest, secret.key, { prehash: false, lowS: true, format: 'recovered' });
      return { signature: recovered.slice(1), recovery: recovered[0] as number };
    } finally {
      secret.key.fill(0);
    }
  }

  /** Overwrites the seed, the root key and every imported key, and drops the caches. */
  wipe(): void {
    this.seed?.fill(0);
    this.seed = null;
    this.root?.wipePrivateData();
    this.root = null;
    for (const key of this.privateKeys.values()) key.fill(0);
    this.privateKeys.clear();
    this.publicKeys.clear();
  }

  /** A fresh copy of the account's secret key; the caller wipes it. */
  private secretKeyFor(account: AccountRecord, coinType: number): { key: Uint8Array; path: string | null } {
    if (account.kind === 'hd' && account.hdIndex !== null && this.root !== null) {
      const path = hdPath(coinType, account.hdIndex);
      const child = this.root.derive(path);
      const key = child.privateKey;
      child.wipePrivateData();
      if (key === null) throw new StrataError('INTERNAL', 'Key derivation failed');
      return { key, path };
    }
    const imported = account.kind === 'private-key' ? this.privateKeys.get(account.id) : undefined;
    if (imported === undefined) throw new StrataError('INVALID_INPUT', 'This account has no signing key');
    return { key: Uint8Array.from(imported), path: null };
  }
}
