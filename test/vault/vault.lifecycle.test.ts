import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Vault } from '../../electron/services/vault/vault';
import {
  backupPath,
  expectStrataError,
  FAST_KDF,
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

let root: string;
let dir: string;

beforeEach(async () => {
  root = await makeTempDir();
  dir = join(root, 'profile', 'vault');
});
afterEach(async () => removeDir(root));

describe('Vault create / unlock / lock', () => {
  it('creates a mnemonic vault with HD account 0 labelled "Account 1", unlocked, mode 0600 in a 0700 dir', async () => {
    const vault = newVault(dir);
    expect(await vault.exists()).toBe(false);
    await vault.create(PASSWORD, { mnemonic: TEST_MNEMONIC, passphrase: '' });

    expect(vault.isUnlocked).toBe(true);
    expect(vault.hasMnemonic()).toBe(true);
    expect(await vault.exists()).toBe(true);
    const accounts = vault.accounts();
    expect(accounts).toHaveLength(1);
    expect(accounts[0]).toMatchObject({ label: 'Account 1', kind: 'hd', hdIndex: 0, watch: null });
    expect(accounts[0]?.id).toMatch(/^[0-9a-f]{16}$/);

    expect((await stat(vaultPath(dir))).mode & 0o777).toBe(0o600);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    const json = await readVaultJson(vaultPath(dir));
    expect(Object.keys(json)).toEqual(['format', 'version', 'kdf', 'cipher', 'ciphertext']);
    expect(json.format).toBe('strata-vault');
    expect(json.version).toBe(1);
    expect(json.kdf).toMatchObject({ name: 'scrypt', N: 1024, r: 8, p: 1, dkLen: 32 });
    expect(Buffer.from(json.kdf.salt, 'base64')).toHaveLength(32);
    expect(json.cipher.name).toBe('xchacha20-poly1305');
    expect(Buffer.from(json.cipher.nonce, 'base64')).toHaveLength(24);
    // nothing readable in the file
    const text = JSON.stringify(json);
    expect(text).not.toContain('junk');
    expect(text).not.toContain('Account 1');
  });

  it('persists accounts across Vault instances and locks', async () => {
    const first = newVault(dir);
    await first.create(PASSWORD, { mnemonic: TEST_MNEMONIC, passphrase: 'extra' });
    const hd1 = await first.addHdAccount();
    const imported = await first.importPrivateKey(hexToBytes(HARDHAT_KEY_0), 'hot key');
    const watch = await first.addWatch({ family: 'evm', chain: 'eip155:1', address: '0x70997970c51812dc3a010c7d01b50e0d17dc79c8' });
    await first.rename(hd1.id, 'Savings');
    const expected = first.accounts();
    expect(expected.map((a) => [a.kind, a.label, a.hdIndex])).toEqual([
      ['hd', 'Account 1', 0],
      ['hd', 'Savings', 1],
      ['private-key', 'hot key', null],
      ['watch', 'Watch 1', null],
    ]);
    expect(expected[3]?.watch).toEqual({ family: 'evm', chain: 'eip155:1', address: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' });
    expect(imported.kind).toBe('private-key');
    expect(watch.kind).toBe('watch');
    expect(first.requireUnlocked()).toBeUndefined();

    first.lock();
    expect(first.isUnlocked).toBe(false);
    expect((await expectStrataError(() => first.requireUnlocked(), 'VAULT_LOCKED')).message).toBe('Unlock the vault first');
    await expectStrataError(() => first.accounts(), 'VAULT_LOCKED');
    await expectStrataError(() => first.hasMnemonic(), 'VAULT_LOCKED');
    await expectStrataError(first.addHdAccount(), 'VAULT_LOCKED');

    const second = newVault(dir);
    expect(second.isUnlocked).toBe(false);
    await second.unlock(PASSWORD);
    expect(second.accounts()).toEqual(expected);
    expect(await second.revealMnemonic(PASSWORD)).toEqual({ mnemonic: TEST_MNEMONIC, passphrase: 'extra' });

    await first.unlock(PASSWORD);
    expect(first.accounts()).toEqual(expected);
  });

  it('uses a fresh nonce on every write, and keeps the previous version as vault.json.bak', async () => {
    const vault = newVault(dir);
    await vault.create(PASSWORD, { privateKey: hexToBytes(HARDHAT_KEY_0) });
    const id = vault.accounts()[0]!.id;
    await vault.rename(id, 'same');
    const afterFirst = await snapshot(dir);
    await vault.rename(id, 'same');
    const afterSecond = await snapshot(dir);

    const a = JSON.parse(afterFirst.main!.toString('utf8'));
    const b = JSON.parse(afterSecond.main!.toString('utf8'));
    expect(b.cipher.nonce).not.toBe(a.cipher.nonce);
    expect(b.ciphertext).not.toBe(a.ciphertext);
    expect(b.kdf).toEqual(a.kdf); // same key while unlocked: same salt and parameters
    expect(afterSecond.backup?.equals(afterFirst.main!)).toBe(true);
    expect((await stat(backupPath(dir))).mode & 0o777).toBe(0o600);

    const reopened = newVault(dir);
    await reopened.unlock(PASSWORD);
    expect(reopened.accounts()[0]?.label).toBe('same');
  });

  it('creates from a private key: one imported account, no mnemonic', async () => {
    const vault = newVault(dir);
    await vault.create(PASSWORD, { privateKey: hexToBytes(HARDHAT_KEY_0) });
    expect(vault.hasMnemonic()).toBe(false);
    expect(vault.accounts().map((a) => [a.kind, a.label, a.hdIndex])).toEqual([['private-key', 'Imported 1', null]]);
    await expectStrataError(vault.revealMnemonic(PASSWORD), 'NO_MNEMONIC');
    await expectStrataError(vault.addHdAccount(), 'NO_MNEMONIC');
  });
});

describe('Vault passwords', () => {
  it('changes the password with a new salt; the old password stops working', async () => {
    const vault = newVault(dir);
    await vault.create(PASSWORD, { mnemonic: TEST_MNEMONIC, passphrase: '' });
    const before = await readVaultJson(vaultPath(dir));

    await expectStrataError(vault.changePassword('not it', 'new password'), 'WRONG_PASSWORD');
    await vault.changePassword(PASSWORD, 'new password');
    const after = await readVaultJson(vaultPath(dir));
    expect(after.kdf.salt).not.toBe(before.kdf.salt);
    expect(after.kdf.check).not.toBe(before.kdf.check);

    expect(vault.isUnlocked).toBe(true);
    await vault.verifyPassword('new password');
    await expectStrataError(vault.verifyPassword(PASSWORD), 'WRONG_PASSWORD');
    // writes after the change use the new key
    await vault.addHdAccount();

    const other = newVault(dir);
    await expectStrataError(other.unlock(PASSWORD), 'WRONG_PASSWORD');
    await other.verifyPassword('new password'); // locked: checks against the file
    await expectStrataError(other.verifyPassword(PASSWORD), 'WRONG_PASSWORD');
    await other.unlock('new password');
    expect(other.accounts()).toHaveLength(2);
  });

  it('reveals the mnemonic only with the right password', async () => {
    const vault = newVault(dir);
    await vault.create(PASSWORD, { mnemonic: `  ${TEST_MNEMONIC.toUpperCase().replace(/ /g, '   ')} `, passphrase: 'p' });
    await expectStrataError(vault.revealMnemonic('wrong'), 'WRONG_PASSWORD');
    await expectStrataError(vault.revealMnemonic(''), 'INVALID_INPUT');
    expect(await vault.revealMnemonic(PASSWORD)).toEqual({ mnemonic: TEST_MNEMONIC, passphrase: 'p' });
    vault.lock();
    await expectStrataError(vault.revealMnemonic(PASSWORD), 'VAULT_LOCKED');
  });

  it('requires a non-empty password', async () => {
    const vault = newVault(dir);
    await expectStrataError(vault.create('', { mnemonic: TEST_MNEMONIC, passphrase: '' }), 'INVALID_INPUT');
    expect(await vault.exists()).toBe(false);
    await vault.create(PASSWORD, { mnemonic: TEST_MNEMONIC, passphrase: '' });
    await expectStrataError(vault.changePassword(PASSWORD, ''), 'INVALID_INPUT');
    await vault.verifyPassword(PASSWORD);
  });
});

describe('Vault lock', () => {
  it('overwrites the seed, root key, imported keys and the vault key with zeros', async () => {
    const vault = newVault(dir);
    await vault.create(PASSWORD, { mnemonic: TEST_MNEMONIC, passphrase: '' });
    await vault.importPrivateKey(hexToBytes(HARDHAT_KEY_0));
    const internals = vault as unknown as {
      session: {
        keys: { encryptionKey: Uint8Array };
        keyring: { seed: Uint8Array; root: { privateKey: Uint8Array | null }; privateKeys: Map<string, Uint8Array> };
      } | null;
    };
    const session = internals.session!;
    const key = session.keys.encryptionKey;
    const seed = session.keyring.seed;
    const rootKey = session.keyring.root;
    const imported = [...session.keyring.privateKeys.values()];
    expect(key.some((b) => b !== 0)).toBe(true);
    expect(seed).toHaveLength(64);
    expect(imported).toHaveLength(1);

    vault.lock();
    expect(internals.session).toBeNull();
    expect(key.every((b) => b === 0)).toBe(true);
    expect(seed.every((b) => b === 0)).toBe(true);
    expect(imported[0]!.every((b) => b === 0)).toBe(true);
    expect(rootKey.privateKey).toBeNull();
    await expectStrataError(() => vault.accounts(), 'VAULT_LOCKED');
    await expectStrataError(() => vault.publicKeyFor('x', 60), 'VAULT_LOCKED');
    await expectStrataError(vault.signDigest('x', 60, new Uint8Array(32)), 'VAULT_LOCKED');
  });

  it('lock() during an unlock wins: the unlock rejects with VAULT_LOCKED and nothing stays in memory', async () => {
    const vault = newVault(dir);
    await vault.create(PASSWORD, { mnemonic: TEST_MNEMONIC, passphrase: '' });
    vault.lock();
    const unlocking = vault.unlock(PASSWORD);
    vault.lock();
    await expectStrataError(unlocking, 'VAULT_LOCKED');
    expect(vault.isUnlocked).toBe(false);
    await vault.unlock(PASSWORD);
    expect(vault.isUnlocked).toBe(true);
  });

  it('rejects bad scrypt defaults at construction', () => {
    expect(() => new Vault({ dir, kdf: { N: 1000 } })).toThrowError(/scrypt/);
    expect(() => new Vault({ dir, kdf: { dkLen: 64 } })).toThrowError(/scrypt/);
    expect(new Vault({ dir, kdf: FAST_KDF }).isUnlocked).toBe(false);
  });
});
