import { HDKey } from '@scure/bip32';
import { entropyToMnemonic } from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import vectors from '../fixtures/bip39-vectors.json';
import { generateMnemonic, parseMnemonic, seedFromMnemonic } from '../../electron/services/keys/mnemonic';
import { expectStrataError } from './expectStrataError';

describe('BIP-39 reference vectors (passphrase "TREZOR")', () => {
  it('has all 24 English vectors', () => {
    expect(vectors.english).toHaveLength(24);
  });

  for (const [i, v] of vectors.english.entries()) {
    it(`vector ${i}: entropy -> mnemonic -> seed -> master xprv`, async () => {
      expect(entropyToMnemonic(hexToBytes(v.entropy), wordlist)).toBe(v.mnemonic);
      expect(parseMnemonic(v.mnemonic)).toBe(v.mnemonic);
      const seed = await seedFromMnemonic(v.mnemonic, vectors.passphrase);
      expect(bytesToHex(seed)).toBe(v.seed);
      expect(HDKey.fromMasterSeed(seed).privateExtendedKey).toBe(v.xprv);
    });
  }
});

describe('parseMnemonic', () => {
  const valid = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';

  it('normalizes case and white space', () => {
    expect(parseMnemonic(`  ABANDON abandon\tabandon abandon abandon abandon\nabandon abandon abandon abandon abandon about \n`)).toBe(valid);
  });

  it('rejects a bad checksum, an unknown word and a wrong length with INVALID_MNEMONIC', () => {
    expectStrataError(() => parseMnemonic(valid.replace(/about$/, 'abandon')), 'INVALID_MNEMONIC', /checksum/);
    expectStrataError(() => parseMnemonic(valid.replace(/about$/, 'bitcoin')), 'INVALID_MNEMONIC', /Word 12 is not in the BIP-39/);
    expectStrataError(() => parseMnemonic('abandon abandon abandon'), 'INVALID_MNEMONIC', /not 3/);
    expectStrataError(() => parseMnemonic(''), 'INVALID_MNEMONIC', /not 1/);
  });

  it('never repeats the words in its error message', () => {
    const typo = 'legal winner thank year wave sausage worth useful legal winner thank yellowx';
    try {
      parseMnemonic(typo);
      expect.unreachable();
    } catch (error) {
      for (const word of ['legal', 'winner', 'sausage', 'yellowx']) expect((error as Error).message).not.toContain(word);
    }
  });
});

describe('generateMnemonic', () => {
  it('makes valid 12- and 24-word phrases, different every time', () => {
    const a = generateMnemonic(12);
    const b = generateMnemonic(12);
    expect(a.split(' ')).toHaveLength(12);
    expect(generateMnemonic(24).split(' ')).toHaveLength(24);
    expect(parseMnemonic(a)).toBe(a);
    expect(a).not.toBe(b);
  });
});
