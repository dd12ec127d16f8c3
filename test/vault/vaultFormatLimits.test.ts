/**
 * The limits on a vault file's header (issue #18 items 6 and 8): each scrypt check on its own, the upgrade rule for
 * each cost factor, and fields of the wrong length or version reported as VAULT_CORRUPT / VAULT_NEWER_FORMAT.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCRYPT, isSaneScryptParams, resolveDefaultParams, scryptMemoryBytes, upgradedParams } from '../../electron/services/vault/scryptParams';
import { parseVaultFile, serializeVaultFile } from '../../electron/services/vault/vaultFile';
import { expectStrataError, type LooseJson } from './helpers';

const FIXTURE = join(__dirname, '..', 'fixtures', 'vault-v1', 'vault.json');
const base = { N: 1024, r: 8, p: 1, dkLen: 32 };

describe('isSaneScryptParams: each limit on its own', () => {
  const cases: Array<[string, Partial<typeof base>, boolean]> = [
    ['the fixture parameters', {}, true],
    ['N = 2, the smallest power of two allowed', { N: 2 }, true],
    ['N = 1 (a power of two, below 2)', { N: 1 }, false],
    ['N = 0', { N: 0 }, false],
    ['N = 3 (not a power of two)', { N: 3 }, false],
    ['N = 1536 (not a power of two)', { N: 1536 }, false],
    ['N = 1024.5 (not an integer; 1024.5 & 1023.5 is 0)', { N: 1024.5 }, false],
    ['N = 2^22 with r = 1 (512 MiB)', { N: 2 ** 22, r: 1 }, true],
    ['r = 1', { r: 1 }, true],
    ['r = 0', { r: 0 }, false],
    ['r = 1.5 (not an integer)', { r: 1.5 }, false],
    ['r = 32', { r: 32 }, true],
    ['r = 33 (r * p is still 33)', { r: 33 }, false],
    ['p = 0', { p: 0 }, false],
    ['p = 1.5 (not an integer)', { p: 1.5 }, false],
    ['p = NaN', { p: Number.NaN }, false],
    ['p = 16 with r = 4 (r * p = 64)', { p: 16, r: 4 }, true],
    ['p = 17 with r = 1 (r * p = 17)', { p: 17, r: 1 }, false],
    ['r = 8, p = 8 (r * p = 64)', { r: 8, p: 8 }, true],
    ['r = 16, p = 5 (r * p = 80)', { r: 16, p: 5 }, false],
    ['r = 13, p = 5 (r * p = 65)', { r: 13, p: 5 }, false],
    ['dkLen = 31', { dkLen: 31 }, false],
    ['dkLen = 33', { dkLen: 33 }, false],
    ['dkLen = 32.5', { dkLen: 32.5 }, false],
    ['N = 2^20 with r = 8 (just over 1 GiB)', { N: 2 ** 20 }, false],
    ['N = 2^19 with r = 16 (just over 1 GiB)', { N: 2 ** 19, r: 16 }, false],
    ['N = 2^20 with r = 7 (896 MiB, but 7x the default work)', { N: 2 ** 20, r: 7 }, false],
    ['N = 2^19 with r = 8 (exactly 4x the default work)', { N: 2 ** 19, r: 8 }, true],
    ['N = 2^19 with r = 8, p = 2 (8x the default work)', { N: 2 ** 19, r: 8, p: 2 }, false],
    ['N = 2^19 with r = 9 (4.5x the default work)', { N: 2 ** 19, r: 9 }, false],
  ];
  it.each(cases)('%s -> %s', (_name, change, expected) => {
    expect(isSaneScryptParams({ ...base, ...change })).toBe(expected);
  });

  it('computes the memory need as 128 * r * (N + p) bytes', () => {
    expect(scryptMemoryBytes({ N: 1024, r: 8, p: 1, dkLen: 32 })).toBe(1_049_600);
    expect(scryptMemoryBytes({ N: 2 ** 17, r: 8, p: 2, dkLen: 32 })).toBe(134_219_776);
  });
});

describe('resolveDefaultParams', () => {
  it('fills in the defaults (N=2^17, r=8, p=1, dkLen=32) and freezes the result', () => {
    expect(DEFAULT_SCRYPT).toEqual({ N: 131072, r: 8, p: 1, dkLen: 32 });
    const params = resolveDefaultParams(undefined);
    expect(params).toEqual({ N: 131072, r: 8, p: 1, dkLen: 32 });
    expect(Object.isFrozen(params)).toBe(true);
    expect(resolveDefaultParams({ N: 1024 })).toEqual({ N: 1024, r: 8, p: 1, dkLen: 32 });
  });

  it('refuses insane overrides with INVALID_INPUT', async () => {
    await expectStrataError(() => resolveDefaultParams({ N: 1000 }), 'INVALID_INPUT');
    await expectStrataError(() => resolveDefaultParams({ r: 0 }), 'INVALID_INPUT');
  });
});

describe('upgradedParams: each cost factor raised to the default, never lowered', () => {
  const defaults = { N: 2 ** 17, r: 8, p: 1, dkLen: 32 };
  it('raises N alone', () => {
    expect(upgradedParams({ N: 1024, r: 8, p: 1, dkLen: 32 }, defaults)).toEqual({ N: 131072, r: 8, p: 1, dkLen: 32 });
  });
  it('raises r alone', () => {
    expect(upgradedParams({ N: 2 ** 17, r: 4, p: 1, dkLen: 32 }, defaults)).toEqual({ N: 131072, r: 8, p: 1, dkLen: 32 });
  });
  it('raises p alone', () => {
    expect(upgradedParams({ N: 1024, r: 8, p: 1, dkLen: 32 }, { N: 1024, r: 8, p: 2, dkLen: 32 })).toEqual({ N: 1024, r: 8, p: 2, dkLen: 32 });
  });
  it('keeps a higher stored factor while raising another', () => {
    expect(upgradedParams({ N: 2 ** 18, r: 4, p: 2, dkLen: 32 }, defaults)).toEqual({ N: 262144, r: 8, p: 2, dkLen: 32 });
  });
  it('returns null when nothing is lower than the default', () => {
    expect(upgradedParams({ N: 2 ** 17, r: 8, p: 1, dkLen: 32 }, defaults)).toBeNull();
    expect(upgradedParams({ N: 2 ** 18, r: 16, p: 2, dkLen: 32 }, defaults)).toBeNull();
  });
  it('returns null when the raised combination would not be sane (r * p = 128)', () => {
    expect(upgradedParams({ N: 1024, r: 32, p: 1, dkLen: 32 }, { N: 1024, r: 8, p: 4, dkLen: 32 })).toBeNull();
  });
});

describe('parseVaultFile: wrong lengths and versions', () => {
  async function fixture(): Promise<LooseJson> {
    return JSON.parse(await readFile(FIXTURE, 'utf8')) as LooseJson;
  }
  const b64 = (length: number): string => Buffer.alloc(length, 7).toString('base64');

  it('round-trips the fixture exactly', async () => {
    const text = await readFile(FIXTURE, 'utf8');
    expect(serializeVaultFile(parseVaultFile(text))).toBe(text);
  });

  it.each([
    ['salt', 15],
    ['salt', 33],
    ['check', 15],
    ['check', 17],
  ])('kdf.%s of %i bytes is VAULT_CORRUPT', async (field, length) => {
    const json = await fixture();
    json.kdf[field] = b64(length);
    await expectStrataError(() => parseVaultFile(JSON.stringify(json)), 'VAULT_CORRUPT');
  });

  it.each([16, 32])('a salt of %i bytes is accepted', async (length) => {
    const json = await fixture();
    json.kdf.salt = b64(length);
    expect(parseVaultFile(JSON.stringify(json)).header.salt).toEqual(new Uint8Array(length).fill(7));
  });

  it.each([23, 25])('a nonce of %i bytes is VAULT_CORRUPT', async (length) => {
    const json = await fixture();
    json.cipher.nonce = b64(length);
    await expectStrataError(() => parseVaultFile(JSON.stringify(json)), 'VAULT_CORRUPT');
  });

  it('a ciphertext shorter than the 16-byte tag is VAULT_CORRUPT; exactly 16 bytes parses', async () => {
    const json = await fixture();
    json.ciphertext = b64(15);
    await expectStrataError(() => parseVaultFile(JSON.stringify(json)), 'VAULT_CORRUPT');
    json.ciphertext = b64(16);
    expect(parseVaultFile(JSON.stringify(json)).ciphertext).toHaveLength(16);
  });

  it('bad base64 is VAULT_CORRUPT', async () => {
    const json = await fixture();
    json.kdf.check = '***not base64***';
    await expectStrataError(() => parseVaultFile(JSON.stringify(json)), 'VAULT_CORRUPT');
  });

  it('insane scrypt parameters in the file are VAULT_CORRUPT', async () => {
    const json = await fixture();
    json.kdf.r = 0;
    await expectStrataError(() => parseVaultFile(JSON.stringify(json)), 'VAULT_CORRUPT');
  });

  it.each([
    ['2 (a newer format)', 2, 'VAULT_NEWER_FORMAT'],
    ['"2" (a string)', '2', 'VAULT_CORRUPT'],
    ['1.5', 1.5, 'VAULT_CORRUPT'],
    ['0', 0, 'VAULT_CORRUPT'],
    ['missing', undefined, 'VAULT_CORRUPT'],
  ] as const)('version %s is %s', async (_name, version, code) => {
    const json = await fixture();
    json.version = version;
    await expectStrataError(() => parseVaultFile(JSON.stringify(json)), code);
  });

  it('says what is wrong in words', async () => {
    const json = await fixture();
    json.version = 2;
    const newer = await expectStrataError(() => parseVaultFile(JSON.stringify(json)), 'VAULT_NEWER_FORMAT');
    expect(newer.message).toBe('The vault was written by a newer version of Strata; update the app');
    const corrupt = await expectStrataError(() => parseVaultFile('{}'), 'VAULT_CORRUPT');
    expect(corrupt.message).toBe('The vault file is damaged or not a Strata vault');
  });

  it('a newer version of another format is VAULT_CORRUPT, not VAULT_NEWER_FORMAT', async () => {
    const json = await fixture();
    json.format = 'other-vault';
    json.version = 2;
    await expectStrataError(() => parseVaultFile(JSON.stringify(json)), 'VAULT_CORRUPT');
  });

  it.each(['null', '[]', '"strata-vault"', '{', ''])('%j is VAULT_CORRUPT', async (text) => {
    await expectStrataError(() => parseVaultFile(text), 'VAULT_CORRUPT');
  });
});
