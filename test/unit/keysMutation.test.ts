/** Key inputs pinned exactly: BIP-44 path limits per field, private-key anchors and range, mnemonic checks in order. */
import { describe, expect, it } from 'vitest';
import { deriveKey } from '../../electron/services/keys/deriveKey';
import { bip44Path } from '../../electron/services/keys/hdPath';
import { generateMnemonic, normalizeMnemonic, parseMnemonic } from '../../electron/services/keys/mnemonic';
import { parsePrivateKey, publicKeyOf } from '../../electron/services/keys/privateKey';
import { expectStrataError } from './expectStrataError';

/** secp256k1 group order n (SEC 2). */
const N_HEX = 'fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141';
const HARDHAT_KEY_0 = 'ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';
const ABANDON = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';

describe('bip44Path limits, each field on its own', () => {
  it('builds m/44\'/c\'/a\'/0/i and accepts 0 and 2^31-1 everywhere', () => {
    expect(bip44Path(60)).toBe("m/44'/60'/0'/0/0");
    expect(bip44Path(118, 5, 2)).toBe("m/44'/118'/2'/0/5");
    expect(bip44Path(2 ** 31 - 1, 2 ** 31 - 1, 2 ** 31 - 1)).toBe("m/44'/2147483647'/2147483647'/0/2147483647");
  });
  it.each([
    ['coin type', [2 ** 31, 0, 0]],
    ['coin type', [-1, 0, 0]],
    ['coin type', [1.5, 0, 0]],
    ['index', [60, 2 ** 31, 0]],
    ['index', [60, -1, 0]],
    ['index', [60, Number.NaN, 0]],
    ['account', [60, 0, 2 ** 31]],
    ['account', [60, 0, -1]],
    ['account', [60, 0, 0.5]],
  ] as const)('refuses a bad %s %j', (name, [c, i, a]) => {
    expectStrataError(() => bip44Path(c, i, a), 'INVALID_PATH', new RegExp(`^BIP-44 ${name} must be an integer from 0 to 2\\^31-1$`));
  });
  it('deriveKey refuses a malformed path with INVALID_PATH', () => {
    expectStrataError(() => deriveKey(new Uint8Array(64).fill(1), "m/44'/x"), 'INVALID_PATH', /^Derivation failed for this path$/);
  });
});

describe('parsePrivateKey', () => {
  it('accepts 64 hex digits with or without 0x/0X, any case, trimmed', () => {
    for (const text of [HARDHAT_KEY_0, `0x${HARDHAT_KEY_0}`, `0X${HARDHAT_KEY_0.toUpperCase()}`, `  ${HARDHAT_KEY_0}\n`]) {
      expect(Buffer.from(parsePrivateKey(text)).toString('hex')).toBe(HARDHAT_KEY_0);
    }
  });
  it.each([
    ['63 digits', HARDHAT_KEY_0.slice(1)],
    ['65 digits', `${HARDHAT_KEY_0}0`],
    ['text before', `k${HARDHAT_KEY_0}`],
    ['0x twice', `0x0x${HARDHAT_KEY_0}`],
    ['0x in the middle', `${HARDHAT_KEY_0.slice(0, 10)}0x${HARDHAT_KEY_0.slice(10)}`],
    ['a non-hex digit', `${HARDHAT_KEY_0.slice(1)}g`],
  ])('refuses %s', (_name, text) => {
    expectStrataError(() => parsePrivateKey(text), 'INVALID_PRIVATE_KEY', /^A private key is 64 hex digits \(32 bytes\)$/);
  });
  it('refuses 0 and n, accepts 1 and n - 1', () => {
    for (const text of ['0'.repeat(64), N_HEX]) {
      expectStrataError(() => parsePrivateKey(text), 'INVALID_PRIVATE_KEY', /^This value is not a valid secp256k1 private key$/);
    }
    expect(parsePrivateKey(`${'0'.repeat(63)}1`)[31]).toBe(1);
    expect(Buffer.from(parsePrivateKey(`${N_HEX.slice(0, 63)}0`)).toString('hex')).toBe(`${N_HEX.slice(0, 63)}0`);
  });
  it('publicKeyOf gives the compressed key of Hardhat account 0', () => {
    expect(Buffer.from(publicKeyOf(parsePrivateKey(HARDHAT_KEY_0))).toString('hex')).toBe('038318535b54105d4a7aae60c08fc45f9687181b4fdfc625bd1a753fa7397fed75');
  });
});

describe('mnemonics', () => {
  it('normalizes case and white space', () => {
    expect(normalizeMnemonic('  Abandon\tABANDON \n about ')).toBe('abandon abandon about');
    expect(parseMnemonic(` ${ABANDON.toUpperCase().replace(/ /g, '   ')} `)).toBe(ABANDON);
  });
  it.each([11, 13, 23, 25])('refuses %i words, naming the count', (count) => {
    expectStrataError(() => parseMnemonic(Array(count).fill('abandon').join(' ')), 'INVALID_MNEMONIC', new RegExp(`^A recovery phrase has 12, 15, 18, 21 or 24 words, not ${count}$`));
  });
  it('names the first unknown word by position, then checks the checksum', () => {
    expectStrataError(() => parseMnemonic(ABANDON.replace('about', 'aboutt')), 'INVALID_MNEMONIC', /^Word 12 is not in the BIP-39 English list$/);
    expectStrataError(() => parseMnemonic(`zzz ${ABANDON.split(' ').slice(1).join(' ')}`), 'INVALID_MNEMONIC', /^Word 1 is not in the BIP-39 English list$/);
    expectStrataError(() => parseMnemonic(ABANDON.replace('about', 'abandon')), 'INVALID_MNEMONIC', /^The recovery phrase checksum does not match: check the word order$/);
  });
  it('generates 12 or 24 valid words', () => {
    expect(parseMnemonic(generateMnemonic(12)).split(' ')).toHaveLength(12);
    expect(parseMnemonic(generateMnemonic(24)).split(' ')).toHaveLength(24);
  });
});
