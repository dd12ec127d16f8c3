/**
 * The on-disk envelope of the vault (`vault.json`): parse and validate the header, serialize it, and build the
 * associated data that binds the header to the ciphertext.
 *
 * {
 *   "format": "strata-vault", "version": 1,
 *   "kdf": { "name": "scrypt", "N": 131072, "r": 8, "p": 1, "dkLen": 32, "salt": <b64>, "check": <b64> },
 *   "cipher": { "name": "xchacha20-poly1305", "nonce": <b64> },
 *   "ciphertext": <b64>
 * }
 *
 * Error classes: anything structurally wrong is VAULT_CORRUPT; a `version` above ours is VAULT_NEWER_FORMAT,
 * decided right after the JSON envelope ({format, version}) is recognised so that a newer app's file is never
 * reported as damaged.
 */
import { base64 } from '@scure/base';
import { z } from 'zod';
import { StrataError } from '../../../shared/errors';
import { KEY_CHECK_LENGTH, NONCE_LENGTH } from './encryption';
import { isSaneScryptParams, type ScryptParams } from './scryptParams';

export const VAULT_FORMAT = 'strata-vault';
export const VAULT_VERSION = 1;
const KDF_NAME = 'scrypt';
const CIPHER_NAME = 'xchacha20-poly1305';
const MIN_SALT = 16;
const MAX_SALT = 32;
/** Poly1305 tag length: the shortest possible ciphertext. */
const TAG_LENGTH = 16;

export interface VaultHeader {
  params: ScryptParams;
  salt: Uint8Array;
  keyCheck: Uint8Array;
}

export interface VaultFile {
  header: VaultHeader;
  nonce: Uint8Array;
  ciphertext: Uint8Array;
}

const FileSchema = z.strictObject({
  format: z.literal(VAULT_FORMAT),
  version: z.literal(VAULT_VERSION),
  kdf: z.strictObject({
    name: z.literal(KDF_NAME),
    N: z.number().int(),
    r: z.number().int(),
    p: z.number().int(),
    dkLen: z.number().int(),
    salt: z.string(),
    check: z.string(),
  }),
  cipher: z.strictObject({ name: z.literal(CIPHER_NAME), nonce: z.string() }),
  ciphertext: z.string(),
});

function corrupt(): StrataError {
  return new StrataError('VAULT_CORRUPT', 'The vault file is damaged or not a Strata vault');
}

function decodeBase64(text: string, minLength: number, maxLength: number): Uint8Array {
  let bytes: Uint8Array;
  try {
    bytes = base64.decode(text);
  } catch {
    throw corrupt();
  }
  if (bytes.length < minLength || bytes.length > maxLength) throw corrupt();
  return bytes;
}

/** Parses and validates vault.json's text. Throws VAULT_NEWER_FORMAT or VAULT_CORRUPT; never returns partial data. */
export function parseVaultFile(text: string): VaultFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw corrupt();
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw corrupt();
  const envelope = raw as { format?: unknown; version?: unknown };
  if (envelope.format !== VAULT_FORMAT) throw corrupt();
  if (typeof envelope.version === 'number' && Number.isInteger(envelope.version) && envelope.version > VAULT_VERSION) {
    throw new StrataError('VAULT_NEWER_FORMAT', 'The vault was written by a newer version of Strata; update the app');
  }

  const parsed = FileSchema.safeParse(raw);
  if (!parsed.success) throw corrupt();
  const { kdf, cipher, ciphertext } = parsed.data;
  const params: ScryptParams = { N: kdf.N, r: kdf.r, p: kdf.p, dkLen: kdf.dkLen };
  if (!isSaneScryptParams(params)) throw corrupt();
  return {
    header: {
      params,
      salt: decodeBase64(kdf.salt, MIN_SALT, MAX_SALT),
      keyCheck: decodeBase64(kdf.check, KEY_CHECK_LENGTH, KEY_CHECK_LENGTH),
    },
    nonce: decodeBase64(cipher.nonce, NONCE_LENGTH, NONCE_LENGTH),
    ciphertext: decodeBase64(ciphertext, TAG_LENGTH, Number.MAX_SAFE_INTEGER),
  };
}

/** Serializes a vault file (pretty-printed JSON, trailing newline). */
export function serializeVaultFile(file: VaultFile): string {
  const { params, salt, keyCheck } = file.header;
  const json = {
    format: VAULT_FORMAT,
    version: VAULT_VERSION,
    kdf: { name: KDF_NAME, N: params.N, r: params.r, p: params.p, dkLen: params.dkLen, salt: base64.encode(salt), check: base64.encode(keyCheck) },
    cipher: { name: CIPHER_NAME, nonce: base64.encode(file.nonce) },
    ciphertext: base64.encode(file.ciphertext),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

/**
 * The associated data of the AEAD: every header field except the nonce (which the cipher authenticates by itself),
 * in a fixed order, so changing any of them makes decryption fail.
 */
export function headerAssociatedData(header: VaultHeader): Uint8Array {
  const { params, salt, keyCheck } = header;
  const fields = [
    VAULT_FORMAT,
    VAULT_VERSION,
    KDF_NAME,
    params.N,
    params.r,
    params.p,
    params.dkLen,
    base64.encode(salt),
    base64.encode(keyCheck),
    CIPHER_NAME,
  ];
  return new TextEncoder().encode(JSON.stringify(fields));
}
