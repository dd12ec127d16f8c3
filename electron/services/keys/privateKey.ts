import { secp256k1 } from '@noble/curves/secp256k1.js';
import { hexToBytes } from '@noble/hashes/utils.js';
import { StrataError } from '../../../shared/errors';

/**
 * Parses a raw secp256k1 private key typed by the user (64 hex digits, optional 0x).
 * @throws StrataError INVALID_PRIVATE_KEY (the message never repeats the key)
 */
export function parsePrivateKey(input: string): Uint8Array {
  const hex = input.trim().replace(/^0x/i, '');
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new StrataError('INVALID_PRIVATE_KEY', 'A private key is 64 hex digits (32 bytes)');
  const key = hexToBytes(hex.toLowerCase());
  if (!secp256k1.utils.isValidSecretKey(key)) {
    key.fill(0);
    throw new StrataError('INVALID_PRIVATE_KEY', 'This value is not a valid secp256k1 private key');
  }
  return key;
}

/** Compressed (33-byte) public key of a private key. */
export function publicKeyOf(privateKey: Uint8Array): Uint8Array {
  return secp256k1.getPublicKey(privateKey, true);
}
