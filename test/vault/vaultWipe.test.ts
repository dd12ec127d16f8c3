/**
 * Secrets hygiene (issue #18 item 7): deriveKeys overwrites the scrypt master key and the password bytes before it
 * returns, and wipeKeys overwrites both derived keys. Observed by holding the very buffers scrypt received and returned.
 */
import { describe, expect, it, vi } from 'vitest';

const seen = vi.hoisted(() => ({ password: [] as Uint8Array[], master: [] as Uint8Array[] }));

vi.mock('@noble/hashes/scrypt.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@noble/hashes/scrypt.js')>();
  return {
    ...actual,
    scryptAsync: async (...args: Parameters<typeof actual.scryptAsync>) => {
      seen.password.push(args[0] as Uint8Array);
      const master = await actual.scryptAsync(...args);
      seen.master.push(master);
      return master;
    },
  };
});

const { deriveKeys, sameKeyCheck, wipeKeys } = await import('../../electron/services/vault/encryption');

const SALT = Uint8Array.from({ length: 32 }, (_, i) => i);
const KDF = { N: 1024, r: 8, p: 1, dkLen: 32 };
const zeros = (length: number): Uint8Array => new Uint8Array(length);

describe('deriveKeys wipes what it no longer needs', () => {
  it('overwrites the password bytes and the master key with zeros before returning the derived keys', async () => {
    seen.password.length = 0;
    seen.master.length = 0;
    const keys = await deriveKeys('correct horse battery staple', SALT, KDF);
    expect(seen.password).toHaveLength(1);
    expect(seen.master).toHaveLength(1);
    expect(seen.password[0]).toEqual(zeros(28));
    expect(seen.master[0]).toEqual(zeros(32));
    // the derived keys themselves are intact (known answers in vaultKnownAnswer.test.ts)
    expect(Buffer.from(keys.encryptionKey).toString('hex')).toBe('94728f2d50ef0fc058ba44174d8e16fffd4ac0a39e2c9de14c25f617e99075c8');
    expect(Buffer.from(keys.keyCheck).toString('hex')).toBe('1ff53b4ec3904385d7b033a5ec784052');
  });

  it('wipes them too when scrypt succeeded but the caller gets keys for another password', async () => {
    seen.password.length = 0;
    seen.master.length = 0;
    await deriveKeys('another password', SALT, KDF);
    expect(seen.password[0]).toEqual(zeros('another password'.length));
    expect(seen.master[0]).toEqual(zeros(32));
  });
});

describe('wipeKeys', () => {
  it('overwrites the encryption key and the key-check value in place', async () => {
    const keys = await deriveKeys('correct horse battery staple', SALT, KDF);
    const { encryptionKey, keyCheck } = keys;
    wipeKeys(keys);
    expect(encryptionKey).toEqual(zeros(32));
    expect(keyCheck).toEqual(zeros(16));
  });
});

describe('sameKeyCheck', () => {
  it('is true for equal bytes and false for one differing byte or a different length', () => {
    const a = Uint8Array.from([1, 2, 3, 4]);
    expect(sameKeyCheck(a, Uint8Array.from([1, 2, 3, 4]))).toBe(true);
    expect(sameKeyCheck(a, Uint8Array.from([1, 2, 3, 5]))).toBe(false);
    expect(sameKeyCheck(a, Uint8Array.from([1, 2, 3]))).toBe(false);
  });
});
