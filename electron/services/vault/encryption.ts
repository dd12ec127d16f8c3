/**
 * Key derivation and authenticated encryption for the vault: scrypt(password, salt) -> master key, split with HKDF
 * into an XChaCha20-Poly1305 key and a 16-byte key-check value. Pure JS (@noble), so it behaves the same in plain
 * Node and in Electron's BoringSSL-based Node.
 */
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { equalBytes } from '@noble/ciphers/utils.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { randomBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import type { ScryptParams } from './scryptParams';

export const NONCE_LENGTH = 24;
export const KEY_CHECK_LENGTH = 16;
export const SALT_LENGTH = 32;

export interface VaultKeys {
  /** XChaCha20-Poly1305 key (32 bytes). Secret: wipe with wipeKeys. */
  encryptionKey: Uint8Array;
  /**
   * Stored in the file header. It tells a wrong password (check differs) from a damaged ciphertext (check matches,
   * authentication fails). It gives an attacker nothing the ciphertext's tag does not: both cost one scrypt per guess.
   */
  keyCheck: Uint8Array;
}

/** A fresh random salt for a new password (32 bytes). */
export function newSalt(): Uint8Array {
  return randomBytes(SALT_LENGTH);
}

/**
 * Derives the vault keys from a password. The password is NFKC-normalized so that the same visible password typed on
 * different systems (composed or decomposed accents) opens the vault.
 */
export async function deriveKeys(password: string, salt: Uint8Array, params: ScryptParams): Promise<VaultKeys> {
  const passwordBytes = utf8ToBytes(password.normalize('NFKC'));
  const master = await scryptAsync(passwordBytes, salt, { N: params.N, r: params.r, p: params.p, dkLen: params.dkLen });
  try {
    return {
      encryptionKey: hkdf(sha256, master, undefined, utf8ToBytes('strata-vault/v1/encryption'), 32),
      keyCheck: hkdf(sha256, master, undefined, utf8ToBytes('strata-vault/v1/key-check'), KEY_CHECK_LENGTH),
    };
  } finally {
    master.fill(0);
    passwordBytes.fill(0);
  }
}

/** Overwrites key material in place. */
export function wipeKeys(keys: VaultKeys): void {
  keys.encryptionKey.fill(0);
  keys.keyCheck.fill(0);
}

/** Constant-time comparison of two key-check values. */
export function sameKeyCheck(a: Uint8Array, b: Uint8Array): boolean {
  return equalBytes(a, b);
}

/** Encrypts with a fresh random 24-byte nonce; `aad` (the serialized header) is authenticated, not encrypted. */
export function seal(key: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): { nonce: Uint8Array; ciphertext: Uint8Array } {
  const nonce = randomBytes(NONCE_LENGTH);
  return { nonce, ciphertext: xchacha20poly1305(key, nonce, aad).encrypt(plaintext) };
}

/** Decrypts and authenticates; null when the tag does not verify (wrong key, or any bit of nonce, aad or data changed). */
export function open(key: Uint8Array, nonce: Uint8Array, ciphertext: Uint8Array, aad: Uint8Array): Uint8Array | null {
  try {
    return xchacha20poly1305(key, nonce, aad).decrypt(ciphertext);
  } catch {
    return null;
  }
}
