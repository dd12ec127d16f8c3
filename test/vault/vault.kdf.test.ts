import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SCRYPT, Vault } from '../../electron/services/vault/vault';
import {
  backupPath,
  HARDHAT_KEY_0,
  hexToBytes,
  makeTempDir,
  newVault,
  PASSWORD,
  readVaultJson,
  removeDir,
  snapshot,
  TEST_MNEMONIC,
  vaultPath,
} from './helpers';

let dir: string;

beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(async () => removeDir(dir));

describe('Vault scrypt parameters', () => {
  it('uses N=2^17, r=8, p=1, dkLen=32 and a 32-byte salt by default', async () => {
    expect(DEFAULT_SCRYPT).toEqual({ N: 131072, r: 8, p: 1, dkLen: 32 });
    const vault = new Vault({ dir });
    await vault.create(PASSWORD, { privateKey: hexToBytes(HARDHAT_KEY_0) });
    const json = await readVaultJson(vaultPath(dir));
    expect(json.kdf).toMatchObject({ name: 'scrypt', N: 131072, r: 8, p: 1, dkLen: 32 });
    expect(Buffer.from(json.kdf.salt, 'base64')).toHaveLength(32);
  }, 20_000);

  it('raises N on the next unlock when the defaults grew, re-encrypting atomically; the password is unchanged', async () => {
    const old = newVault(dir, { N: 2 ** 10 });
    await old.create(PASSWORD, { mnemonic: TEST_MNEMONIC, passphrase: '' });
    await old.addHdAccount('second');
    const accounts = old.accounts();
    old.lock();
    const before = await readVaultJson(vaultPath(dir));
    expect(before.kdf.N).toBe(1024);
    const beforeBytes = (await snapshot(dir)).main!;

    const upgraded = newVault(dir, { N: 2 ** 11 });
    await upgraded.unlock(PASSWORD);
    const after = await readVaultJson(vaultPath(dir));
    expect(after.kdf).toMatchObject({ name: 'scrypt', N: 2048, r: 8, p: 1, dkLen: 32 });
    expect(after.kdf.salt).not.toBe(before.kdf.salt);
    // the backup is re-sealed under the new key and cost: no file left on disk has the old, cheaper parameters
    const backup = await readVaultJson(backupPath(dir));
    expect(backup.kdf).toEqual(after.kdf);
    expect(backup.cipher.nonce).not.toBe(after.cipher.nonce);
    expect((await snapshot(dir)).backup!.equals(beforeBytes)).toBe(false);

    // later writes keep the new parameters (the in-memory key was replaced)
    await upgraded.rename(accounts[1]!.id, 'renamed');
    expect((await readVaultJson(vaultPath(dir))).kdf.N).toBe(2048);

    // same password still works, and lower defaults never downgrade (nothing is written)
    const lower = newVault(dir, { N: 2 ** 10 });
    const bytes = (await snapshot(dir)).main!;
    await lower.unlock(PASSWORD);
    expect((await snapshot(dir)).main!.equals(bytes)).toBe(true);
    expect(lower.accounts().map((a) => a.label)).toEqual(['Account 1', 'renamed']);
  });

  it('does not rewrite the file when the parameters already match the defaults', async () => {
    const vault = newVault(dir);
    await vault.create(PASSWORD, { privateKey: hexToBytes(HARDHAT_KEY_0) });
    vault.lock();
    const before = await snapshot(dir);
    await newVault(dir).unlock(PASSWORD);
    const after = await snapshot(dir);
    expect(after.main!.equals(before.main!)).toBe(true);
    expect(after.backup).toBeNull();
  });

  it('raises r and p too, keeping the higher N of the file', async () => {
    const vault = newVault(dir, { N: 2 ** 11, r: 4, p: 1 });
    await vault.create(PASSWORD, { privateKey: hexToBytes(HARDHAT_KEY_0) });
    await newVault(dir, { N: 2 ** 10, r: 8, p: 2 }).unlock(PASSWORD);
    expect((await readVaultJson(vaultPath(dir))).kdf).toMatchObject({ N: 2048, r: 8, p: 2 });
  });

  it('changePassword keeps the raised parameters', async () => {
    await newVault(dir, { N: 2 ** 10 }).create(PASSWORD, { privateKey: hexToBytes(HARDHAT_KEY_0) });
    const higher = new Vault({ dir, kdf: { N: 2 ** 12 } });
    await higher.unlock(PASSWORD);
    expect((await readVaultJson(vaultPath(dir))).kdf.N).toBe(4096);
    await higher.changePassword(PASSWORD, 'another password');
    expect((await readVaultJson(vaultPath(dir))).kdf.N).toBe(4096);
    await newVault(dir).unlock('another password');
  });
});
