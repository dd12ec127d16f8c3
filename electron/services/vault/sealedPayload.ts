/**
 * Payload <-> vault file: encrypt a payload under a header, and open a parsed file with derived keys, telling a wrong
 * password from a damaged file.
 *
 * Error policy: the header's key-check value decides the password. If it differs, the answer is WRONG_PASSWORD; a
 * tampered salt or cost parameter lands here too, since it changes the derived key exactly like a wrong password
 * does and no one can tell the two apart. If the check matches but the AEAD tag fails (flipped ciphertext, nonce or
 * other header byte), or the plaintext is not a valid payload, the answer is VAULT_CORRUPT.
 */
import { StrataError } from '../../../shared/errors';
import { open, sameKeyCheck, seal, type VaultKeys } from './encryption';
import { decodePayload, encodePayload, type VaultPayload } from './payload';
import { headerAssociatedData, type VaultFile, type VaultHeader } from './vaultFile';

/** Encrypts a payload with a fresh nonce. The plaintext buffer is wiped before returning. */
export function sealPayload(keys: VaultKeys, header: VaultHeader, payload: VaultPayload): VaultFile {
  const plaintext = encodePayload(payload);
  try {
    const { nonce, ciphertext } = seal(keys.encryptionKey, plaintext, headerAssociatedData(header));
    return { header, nonce, ciphertext };
  } finally {
    plaintext.fill(0);
  }
}

/** Throws WRONG_PASSWORD when the keys do not belong to this file's password and salt. */
export function assertKeysMatch(keys: VaultKeys, header: VaultHeader): void {
  if (!sameKeyCheck(keys.keyCheck, header.keyCheck)) throw new StrataError('WRONG_PASSWORD', 'Wrong password');
}

/** Decrypts and validates the payload. Throws WRONG_PASSWORD or VAULT_CORRUPT. */
export function openPayload(keys: VaultKeys, file: VaultFile): VaultPayload {
  assertKeysMatch(keys, file.header);
  const plaintext = open(keys.encryptionKey, file.nonce, file.ciphertext, headerAssociatedData(file.header));
  if (plaintext === null) throw new StrataError('VAULT_CORRUPT', 'The vault file is damaged (authentication failed)');
  try {
    return decodePayload(plaintext);
  } finally {
    plaintext.fill(0);
  }
}
