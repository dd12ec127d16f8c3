/**
 * Failure paths: each one has a stable code and leaves vault.json and vault.json.bak byte-identical.
 *
 * Decision on tampering: a header that still parses but whose salt or cost parameters were changed derives a
 * different key, exactly like a wrong password, so it is WRONG_PASSWORD (no one can tell the two apart). A header
 * that does not parse, absurd parameters, or a ciphertext/nonce that fails authentication while the key-check value
 * matches the password, is VAULT_CORRUPT.
 */
import { rm, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deriveKeys, newSalt } from '../../electron/services/vault/encryption';
import type { VaultPayload } from '../../electron/services/vault/payload';
import { sealPayload } from '../../electron/services/vault/sealedPayload';
import { serializeVaultFile } from '../../electron/services/vault/vaultFile';
import { StrataError, type ErrorCode } from '../../shared/errors';
import {
  backupPath,
  expectStrataError,
  FAST_KDF,
  HARDHAT_KEY_0,
  hexToBytes,
  type LooseJson,
  makeTempDir,
  newVault,
  PASSWORD,
  readVaultJson,
  removeDir,
  snapshot,
  TEST_MNEMONIC,
  vaultPath,
  writeVaultJson,
} from './helpers';

let dir: string;
let hdAccountId: string;

beforeEach(async () => {
  dir = await makeTempDir();
  const vault = newVault(dir);
  await vault.create(PASSWORD, { mnemonic: TEST_MNEMONIC, passphrase: '' });
  hdAccountId = vault.accounts()[0]!.id;
  await vault.rename(hdAccountId, 'second version'); // so that vault.json.bak exists
  vault.lock();
});
afterEach(async () => removeDir(dir));

/** Runs `action` on a fresh locked vault, expects `code`, and checks that no file changed. */
async function expectFailureWithoutWrites(code: ErrorCode, action: (vault: ReturnType<typeof newVault>) => Promise<unknown>): Promise<StrataError> {
  const before = await snapshot(dir);
  const vault = newVault(dir);
  const error = await expectStrataError(action(vault), code);
  const after = await snapshot(dir);
  expect(after.main === null ? null : after.main.equals(before.main!)).toBe(before.main === null ? null : true);
  expect(after.backup === null ? null : after.backup.equals(before.backup!)).toBe(before.backup === null ? null : true);
  expect(vault.isUnlocked).toBe(false);
  return error;
}

async function editHeader(edit: (json: LooseJson) => void): Promise<void> {
  const json = await readVaultJson(vaultPath(dir));
  edit(json);
  await writeVaultJson(vaultPath(dir), json);
}

function flipBase64Byte(b64: string, index: number): string {
  const bytes = Buffer.from(b64, 'base64');
  bytes[index] = bytes[index]! ^ 0x01;
  return bytes.toString('base64');
}

describe('Vault error codes, with nothing written', () => {
  it('wrong password -> WRONG_PASSWORD', async () => {
    await expectFailureWithoutWrites('WRONG_PASSWORD', (v) => v.unlock('Correct horse battery staple'));
    await expectFailureWithoutWrites('WRONG_PASSWORD', (v) => v.verifyPassword('nope'));
  });

  it('one flipped ciphertext byte, or nonce byte -> VAULT_CORRUPT', async () => {
    const original = await readVaultJson(vaultPath(dir));
    for (const index of [0, 40, Buffer.from(original.ciphertext, 'base64').length - 1]) {
      await editHeader((json) => {
        json.ciphertext = flipBase64Byte(original.ciphertext, index);
      });
      await expectFailureWithoutWrites('VAULT_CORRUPT', (v) => v.unlock(PASSWORD));
    }
    await writeVaultJson(vaultPath(dir), { ...original, cipher: { ...original.cipher, nonce: flipBase64Byte(original.cipher.nonce, 5) } });
    await expectFailureWithoutWrites('VAULT_CORRUPT', (v) => v.unlock(PASSWORD));
  });

  it('truncated, empty, garbage or non-object files -> VAULT_CORRUPT', async () => {
    const text = (await snapshot(dir)).main!.toString('utf8');
    for (const content of [text.slice(0, text.length / 2), text.slice(0, -3), '', 'garbage', '[]', 'null', '{"format":"strata-vault"}', '\u0000\u0001']) {
      await writeFile(vaultPath(dir), content);
      await expectFailureWithoutWrites('VAULT_CORRUPT', (v) => v.unlock(PASSWORD));
    }
  });

  it('malformed or absurd header fields -> VAULT_CORRUPT', async () => {
    const original = await readVaultJson(vaultPath(dir));
    const edits: Array<(json: LooseJson) => void> = [
      (j) => (j.format = 'other-vault'),
      (j) => (j.version = 0),
      (j) => (j.version = '1'),
      (j) => (j.kdf.name = 'pbkdf2'),
      (j) => (j.kdf.N = 1000), // not a power of two
      (j) => (j.kdf.N = 2 ** 23), // too large
      (j) => (j.kdf.N = 2 ** 22), // 4 GiB with r=8
      (j) => (j.kdf.r = 64),
      (j) => (j.kdf.p = 0),
      (j) => (j.kdf.dkLen = 64),
      (j) => (j.kdf.salt = Buffer.alloc(8).toString('base64')), // too short
      (j) => (j.kdf.salt = '***'),
      (j) => delete j.kdf.check,
      (j) => (j.cipher.name = 'aes-256-gcm'),
      (j) => (j.cipher.nonce = Buffer.alloc(12).toString('base64')),
      (j) => (j.ciphertext = ''),
      (j) => (j.extra = true),
    ];
    for (const edit of edits) {
      await writeVaultJson(vaultPath(dir), original);
      await editHeader(edit);
      await expectFailureWithoutWrites('VAULT_CORRUPT', (v) => v.unlock(PASSWORD));
    }
  });

  it('a tampered salt or cost parameter that still parses -> WRONG_PASSWORD (indistinguishable from a wrong password)', async () => {
    const original = await readVaultJson(vaultPath(dir));
    const edits: Array<(json: LooseJson) => void> = [
      (j) => (j.kdf.N = 2 ** 11),
      (j) => (j.kdf.r = 4),
      (j) => (j.kdf.salt = flipBase64Byte(original.kdf.salt, 3)),
    ];
    for (const edit of edits) {
      await writeVaultJson(vaultPath(dir), original);
      await editHeader(edit);
      await expectFailureWithoutWrites('WRONG_PASSWORD', (v) => v.unlock(PASSWORD));
    }
  });

  it('a key-check value swapped to match but a header bound by the AEAD -> VAULT_CORRUPT', async () => {
    // Re-create the file so that its key check matches PASSWORD under N=2^11 while the ciphertext was sealed for
    // N=2^10: the AAD (which includes N) no longer matches, so authentication fails although the password is right.
    const json = await readVaultJson(vaultPath(dir));
    const salt = Buffer.from(json.kdf.salt, 'base64');
    const keys = await deriveKeys(PASSWORD, salt, { N: 2 ** 11, r: 8, p: 1, dkLen: 32 });
    json.kdf.N = 2 ** 11;
    json.kdf.check = Buffer.from(keys.keyCheck).toString('base64');
    await writeVaultJson(vaultPath(dir), json);
    await expectFailureWithoutWrites('VAULT_CORRUPT', (v) => v.unlock(PASSWORD));
  });

  it('a payload that decrypts but does not validate -> VAULT_CORRUPT', async () => {
    const salt = newSalt();
    const params = { N: FAST_KDF.N, r: 8, p: 1, dkLen: 32 };
    const keys = await deriveKeys(PASSWORD, salt, params);
    const header = { params, salt, keyCheck: Uint8Array.from(keys.keyCheck) };
    const bad = [
      { payloadVersion: 2 },
      { payloadVersion: 1, mnemonic: null, passphrase: '', accounts: [], privateKeys: { abc: HARDHAT_KEY_0 }, nextHdIndex: 0 },
      {
        payloadVersion: 1,
        mnemonic: 'test test test test test test test test test test test test', // bad checksum
        passphrase: '',
        accounts: [],
        privateKeys: {},
        nextHdIndex: 0,
      },
      {
        payloadVersion: 1,
        mnemonic: null,
        passphrase: '',
        accounts: [{ id: '0123456789abcdef', label: 'x', kind: 'hd', hdIndex: 0, watch: null, createdAt: 1 }],
        privateKeys: {},
        nextHdIndex: 1,
      },
    ];
    for (const payload of bad) {
      const file = sealPayload(keys, header, payload as unknown as VaultPayload);
      await writeFile(vaultPath(dir), serializeVaultFile(file));
      await expectFailureWithoutWrites('VAULT_CORRUPT', (v) => v.unlock(PASSWORD));
    }
  });

  it('a newer version -> VAULT_NEWER_FORMAT, decided before the rest of the header is looked at', async () => {
    await editHeader((j) => (j.version = 2));
    await expectFailureWithoutWrites('VAULT_NEWER_FORMAT', (v) => v.unlock(PASSWORD));
    await writeVaultJson(vaultPath(dir), { format: 'strata-vault', version: 7, anything: 'else' });
    await expectFailureWithoutWrites('VAULT_NEWER_FORMAT', (v) => v.unlock(PASSWORD));
    await expectFailureWithoutWrites('VAULT_NEWER_FORMAT', (v) => v.verifyPassword(PASSWORD));
  });

  it('the three main failures have three distinct codes', async () => {
    const codes = new Set<ErrorCode>();
    codes.add((await expectFailureWithoutWrites('WRONG_PASSWORD', (v) => v.unlock('x'))).code);
    const original = await readVaultJson(vaultPath(dir));
    await writeVaultJson(vaultPath(dir), { ...original, ciphertext: flipBase64Byte(original.ciphertext, 1) });
    codes.add((await expectFailureWithoutWrites('VAULT_CORRUPT', (v) => v.unlock(PASSWORD))).code);
    await writeVaultJson(vaultPath(dir), { ...original, version: 2 });
    codes.add((await expectFailureWithoutWrites('VAULT_NEWER_FORMAT', (v) => v.unlock(PASSWORD))).code);
    expect([...codes].sort()).toEqual(['VAULT_CORRUPT', 'VAULT_NEWER_FORMAT', 'WRONG_PASSWORD']);
  });

  it('falls back to vault.json.bak only when vault.json is missing', async () => {
    // corrupt vault.json with a valid backup: an error, not a silent rollback
    await writeFile(vaultPath(dir), '{"format":"strata-vault","version":1');
    await expectFailureWithoutWrites('VAULT_CORRUPT', (v) => v.unlock(PASSWORD));

    await rm(vaultPath(dir));
    const vault = newVault(dir);
    expect(await vault.exists()).toBe(true);
    await vault.unlock(PASSWORD);
    expect(vault.accounts()[0]?.label).toBe('Account 1'); // the backup is the version before the rename
    // the next write recreates vault.json
    await vault.rename(hdAccountId, 'restored');
    const reopened = newVault(dir);
    await reopened.unlock(PASSWORD);
    expect(reopened.accounts()[0]?.label).toBe('restored');
  });

  it('no vault -> VAULT_NOT_FOUND; existing vault (or only its backup) -> VAULT_EXISTS', async () => {
    const secret = { privateKey: hexToBytes(HARDHAT_KEY_0) };
    await expectFailureWithoutWrites('VAULT_EXISTS', (v) => v.create(PASSWORD, secret));
    await rm(vaultPath(dir));
    await expectFailureWithoutWrites('VAULT_EXISTS', (v) => v.create(PASSWORD, secret));
    await rm(backupPath(dir));
    await expectFailureWithoutWrites('VAULT_NOT_FOUND', (v) => v.unlock(PASSWORD));
    await expectFailureWithoutWrites('VAULT_NOT_FOUND', (v) => v.verifyPassword(PASSWORD));
    expect(await newVault(dir).exists()).toBe(false);
  });

  it('failed operations on an unlocked vault write nothing and change nothing in memory', async () => {
    const vault = newVault(dir);
    await vault.unlock(PASSWORD);
    const accounts = vault.accounts();
    const before = await snapshot(dir);
    await expectStrataError(vault.changePassword('wrong', 'next'), 'WRONG_PASSWORD');
    await expectStrataError(vault.revealMnemonic('wrong'), 'WRONG_PASSWORD');
    await expectStrataError(vault.rename('0000000000000000', 'x'), 'ACCOUNT_NOT_FOUND');
    await expectStrataError(vault.rename(hdAccountId, '   '), 'INVALID_INPUT');
    await expectStrataError(vault.remove(hdAccountId), 'INVALID_INPUT');
    await expectStrataError(vault.importPrivateKey(new Uint8Array(32)), 'INVALID_PRIVATE_KEY');
    await expectStrataError(vault.addWatch({ family: 'evm', chain: null, address: '0x1234' }), 'INVALID_ADDRESS');
    const after = await snapshot(dir);
    expect(after.main!.equals(before.main!)).toBe(true);
    expect(after.backup!.equals(before.backup!)).toBe(true);
    expect(vault.accounts()).toEqual(accounts);
  });
});
