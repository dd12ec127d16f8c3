/**
 * The vault format's regression anchor (issue #18 item 1). A committed vault file written by today's format must open
 * with its password forever; the key derivation gives committed bytes for a fixed password and salt (cross-checked
 * with node:crypto's scrypt and HKDF, a second implementation); the associated data binds every header field; and no
 * derived secret is written to the file.
 */
import { hkdfSync, scryptSync } from 'node:crypto';
import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { base64 } from '@scure/base';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addressFromPublicKey } from '../../shared/addresses/addressFromPublicKey';
import { deriveKeys, open } from '../../electron/services/vault/encryption';
import { openPayload } from '../../electron/services/vault/sealedPayload';
import { headerAssociatedData, parseVaultFile } from '../../electron/services/vault/vaultFile';
import { expectStrataError, HARDHAT_ADDRESS_0, HARDHAT_ADDRESS_1, makeTempDir, newVault, PASSWORD, removeDir, snapshot, TEST_MNEMONIC, vaultPath } from './helpers';

const FIXTURE = join(__dirname, '..', 'fixtures', 'vault-v1', 'vault.json');
const EVM = { addressScheme: 'evm', bech32Prefix: null } as const;
const KDF = { N: 1024, r: 8, p: 1, dkLen: 32 };
/** 0x00, 0x01, ..., 0x1f */
const SALT = Uint8Array.from({ length: 32 }, (_, i) => i);
/** scrypt(PASSWORD, SALT, N=1024, r=8, p=1, 32) and its two HKDF-SHA256 outputs (empty salt). */
const MASTER_HEX = 'b6b0e04f381ba81d73ffd3476078a3b8f335a54dc276bf28ada6c1209940842f';
const ENCRYPTION_KEY_HEX = '94728f2d50ef0fc058ba44174d8e16fffd4ac0a39e2c9de14c25f617e99075c8';
const KEY_CHECK_HEX = '1ff53b4ec3904385d7b033a5ec784052';
/** The fixture's own keys (its salt is random, fixed forever by the commit). */

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(async () => removeDir(dir));

describe('vault key derivation (known answers)', () => {
  it('gives the committed encryption key and key-check value for a fixed password and salt', async () => {
    const keys = await deriveKeys(PASSWORD, SALT, KDF);
    expect(hex(keys.encryptionKey)).toBe(ENCRYPTION_KEY_HEX);
    expect(hex(keys.keyCheck)).toBe(KEY_CHECK_HEX);
  });

  it('matches node:crypto scrypt + HKDF-SHA256 with the labels strata-vault/v1/encryption and strata-vault/v1/key-check', () => {
    const master = scryptSync(PASSWORD, SALT, 32, { N: 1024, r: 8, p: 1 });
    expect(master.toString('hex')).toBe(MASTER_HEX);
    const encryption = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'strata-vault/v1/encryption', 32));
    const check = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'strata-vault/v1/key-check', 16));
    expect(encryption.toString('hex')).toBe(ENCRYPTION_KEY_HEX);
    expect(check.toString('hex')).toBe(KEY_CHECK_HEX);
  });

  it('NFKC-normalizes the password: composed and decomposed accents give the same keys', async () => {
    const composed = await deriveKeys('caf\u00e9 password', SALT, KDF);
    const decomposed = await deriveKeys('cafe\u0301 password', SALT, KDF);
    expect(hex(decomposed.encryptionKey)).toBe(hex(composed.encryptionKey));
    expect(hex(composed.encryptionKey)).toBe(
      Buffer.from(hkdfSync('sha256', scryptSync('caf\u00e9 password', SALT, 32, { N: 1024, r: 8, p: 1 }), Buffer.alloc(0), 'strata-vault/v1/encryption', 32)).toString('hex'),
    );
  });

  it('the key-check value is not a prefix (or any part) of the encryption key', async () => {
    const keys = await deriveKeys(PASSWORD, SALT, KDF);
    expect(hex(keys.encryptionKey).includes(hex(keys.keyCheck))).toBe(false);
  });
});

describe('vault file written by format v1 (test/fixtures/vault-v1/vault.json)', () => {
  it('opens with its password and yields the same accounts and keys', async () => {
    await copyFile(FIXTURE, vaultPath(dir));
    const vault = newVault(dir);
    await vault.unlock(PASSWORD);
    const accounts = vault.accounts();
    expect(accounts.map(({ id, label, kind, hdIndex, watch, createdAt }) => ({ id, label, kind, hdIndex, watch, createdAt }))).toEqual([
      { id: '817af39912b0dd01', label: 'Account 1', kind: 'hd', hdIndex: 0, watch: null, createdAt: 1796600799028 },
      { id: 'ccd4f344ea622882', label: 'Imported', kind: 'private-key', hdIndex: null, watch: null, createdAt: 1796600801545 },
    ]);
    expect(addressFromPublicKey(vault.publicKeyFor('817af39912b0dd01', 60).publicKey, EVM)).toBe(HARDHAT_ADDRESS_0);
    expect(addressFromPublicKey(vault.publicKeyFor('ccd4f344ea622882', 60).publicKey, EVM)).toBe(HARDHAT_ADDRESS_1);
    await expect(vault.revealMnemonic(PASSWORD)).resolves.toEqual({ mnemonic: TEST_MNEMONIC, passphrase: '' });
  });

  it('unlocking it with its own parameters (N=1024) rewrites nothing', async () => {
    await copyFile(FIXTURE, vaultPath(dir));
    const before = await snapshot(dir);
    const vault = newVault(dir);
    await vault.unlock(PASSWORD);
    expect(await snapshot(dir)).toEqual(before);
  });

  it('refuses a wrong password with WRONG_PASSWORD', async () => {
    await copyFile(FIXTURE, vaultPath(dir));
    await expectStrataError(newVault(dir).unlock('correct horse battery stapler'), 'WRONG_PASSWORD');
  });

  it('decrypts with the committed key, the cipher library called directly and the committed associated data', async () => {
    const file = parseVaultFile(await readFile(FIXTURE, 'utf8'));
    expect(file.header.params).toEqual(KDF);
    const aad = headerAssociatedData(file.header);
    expect(new TextDecoder().decode(aad)).toBe(
      '["strata-vault",1,"scrypt",1024,8,1,32,"vQ8XObDWPAwWbSBZZZLBBM7izZv3WkVmNVogFyXAylU=","2eX1oTg7Y+ozT++ofJ0bRg==","xchacha20-poly1305"]',
    );
    const keys = await deriveKeys(PASSWORD, file.header.salt, file.header.params);
    expect(hex(keys.keyCheck)).toBe(hex(file.header.keyCheck));
    const plaintext = open(keys.encryptionKey, file.nonce, file.ciphertext, aad);
    expect(plaintext).not.toBeNull();
    // the same bytes with the cipher library called directly: our open() adds nothing to the format
    const direct = xchacha20poly1305(keys.encryptionKey, file.nonce, aad).decrypt(file.ciphertext);
    expect(hex(plaintext as Uint8Array)).toBe(hex(direct));
    const payload = JSON.parse(new TextDecoder().decode(direct)) as { payloadVersion: number; mnemonic: string; privateKeys: Record<string, string> };
    expect(payload.payloadVersion).toBe(1);
    expect(payload.mnemonic).toBe(TEST_MNEMONIC);
    expect(payload.privateKeys).toEqual({ ccd4f344ea622882: '59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d' });
    expect(openPayload(keys, file).accounts).toHaveLength(2);
  });

  it('binds each header field: the ciphertext does not open when the key check is left out of the associated data', async () => {
    const file = parseVaultFile(await readFile(FIXTURE, 'utf8'));
    const keys = await deriveKeys(PASSWORD, file.header.salt, file.header.params);
    const withoutCheck = new TextEncoder().encode(
      JSON.stringify(['strata-vault', 1, 'scrypt', 1024, 8, 1, 32, base64.encode(file.header.salt), 'xchacha20-poly1305']),
    );
    expect(open(keys.encryptionKey, file.nonce, file.ciphertext, withoutCheck)).toBeNull();
  });
});

describe('no derived secret is written to vault.json', () => {
  it('the file holds neither the master key, the encryption key, the password nor any 8-byte run of them', async () => {
    const vault = newVault(dir);
    await vault.create(PASSWORD, { mnemonic: TEST_MNEMONIC, passphrase: '' });
    const text = await readFile(vaultPath(dir), 'utf8');
    const file = parseVaultFile(text);
    const keys = await deriveKeys(PASSWORD, file.header.salt, file.header.params);
    const master = scryptSync(PASSWORD, file.header.salt, 32, { N: file.header.params.N, r: 8, p: 1 });
    // every byte string stored in the file, decoded
    const stored = [file.header.salt, file.header.keyCheck, file.nonce, file.ciphertext].map(hex).join('|');
    for (const secret of [keys.encryptionKey, Uint8Array.from(master)]) {
      for (let start = 0; start + 8 <= secret.length; start += 1) {
        expect(stored.includes(hex(secret.subarray(start, start + 8)))).toBe(false);
      }
      expect(text.includes(base64.encode(secret.subarray(0, 16)))).toBe(false);
    }
    expect(text.includes(PASSWORD)).toBe(false);
    expect(text.includes('test test')).toBe(false);
    // the key check stored is exactly the derived key-check value, and that value is no part of the encryption key
    expect(hex(file.header.keyCheck)).toBe(hex(keys.keyCheck));
  });
});
