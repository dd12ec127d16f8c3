import { HDKey } from '@scure/bip32';
import { hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import vectors from '../fixtures/bip32-vectors.json';
import { deriveKey } from '../../electron/services/keys/deriveKey';
import { bip44Path } from '../../electron/services/keys/hdPath';
import { expectStrataError } from './expectStrataError';

describe('BIP-32 test vectors 1 and 2', () => {
  it('has 12 vectors', () => expect(vectors.vectors).toHaveLength(12));

  for (const v of vectors.vectors) {
    it(`${v.seed.slice(0, 8)}… ${v.path}`, () => {
      const key = deriveKey(hexToBytes(v.seed), v.path);
      const expectedPrivate = HDKey.fromExtendedKey(v.xprv);
      const expectedPublic = HDKey.fromExtendedKey(v.xpub);
      expect(key.privateKey).toEqual(expectedPrivate.privateKey);
      expect(key.publicKey).toEqual(expectedPublic.publicKey);
      expect(key.path).toBe(v.path);
    });
  }
});

describe('bip44Path', () => {
  it('builds m/44\'/coin\'/account\'/0/index', () => {
    expect(bip44Path(60)).toBe("m/44'/60'/0'/0/0");
    expect(bip44Path(118, 7)).toBe("m/44'/118'/0'/0/7");
    expect(bip44Path(118, 3, 2)).toBe("m/44'/118'/2'/0/3");
  });

  it('rejects out-of-range parts', () => {
    expectStrataError(() => bip44Path(60, -1), 'INVALID_PATH');
    expectStrataError(() => bip44Path(60, 2 ** 31), 'INVALID_PATH');
    expectStrataError(() => bip44Path(60, 0.5), 'INVALID_PATH');
    expectStrataError(() => deriveKey(new Uint8Array(64), "m/x'"), 'INVALID_PATH');
  });
});
