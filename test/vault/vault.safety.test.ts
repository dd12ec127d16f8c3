/**
 * Issue #12's vault findings: the backup re-sealed after a password change or KDF upgrade (the old password opens no
 * file left on disk), symlinks at the vault path refused, the data directory made 0700, a tampered header's KDF cost
 * capped at 4x the default work, and unlock throttling (5 free failures, then 1 s doubling to 5 min) that survives a
 * restart, with no password check at all on an unlocked vault.
 */
import { chmod, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deriveKeys } from '../../electron/services/vault/encryption';
import { DEFAULT_SCRYPT, isSaneScryptParams, scryptWork } from '../../electron/services/vault/scryptParams';
import { openPayload } from '../../electron/services/vault/sealedPayload';
import { THROTTLE_FILE_NAME, throttleDelayMs } from '../../electron/services/vault/unlockThrottle';
import { Vault } from '../../electron/services/vault/vault';
import { parseVaultFile } from '../../electron/services/vault/vaultFile';
import { FakeClock } from '../support/fakeClock';
import {
  backupPath,
  expectStrataError,
  FAST_KDF,
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

const NEW_PASSWORD = 'a completely different password';
let dir: string;

beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(async () => removeDir(dir));

/**
 * Tries `password` on every file in the directory that parses as a vault; returns how many files were tried and
 * how many opened.
 */
async function filesOpenedBy(password: string): Promise<{ tried: string[]; opened: string[] }> {
  const tried: string[] = [];
  const opened: string[] = [];
  for (const name of await readdir(dir)) {
    let file;
    try {
      file = parseVaultFile(await readFile(join(dir, name), 'utf8'));
    } catch {
      continue;
    }
    tried.push(name);
    const keys = await deriveKeys(password, file.header.salt, file.header.params);
    try {
      openPayload(keys, file);
      opened.push(name);
    } catch {
      // WRONG_PASSWORD
    }
  }
  return { tried: tried.sort(), opened: opened.sort() };
}

async function createWithBackup(kdf = FAST_KDF): Promise<Vault> {
  const vault = newVault(dir, kdf);
  await vault.create(PASSWORD, { mnemonic: TEST_MNEMONIC, passphrase: '' });
  await vault.addHdAccount('second'); // vault.json.bak now exists, sealed under PASSWORD
  return vault;
}

describe('the backup after a password change or KDF upgrade', () => {
  it('after changePassword the old password opens no file in the directory, the new one opens both', async () => {
    const vault = await createWithBackup();
    expect(await filesOpenedBy(PASSWORD)).toEqual({ tried: ['vault.json', 'vault.json.bak'], opened: ['vault.json', 'vault.json.bak'] });

    await vault.changePassword(PASSWORD, NEW_PASSWORD);
    expect(await filesOpenedBy(PASSWORD)).toEqual({ tried: ['vault.json', 'vault.json.bak'], opened: [] });
    expect(await filesOpenedBy(NEW_PASSWORD)).toEqual({ tried: ['vault.json', 'vault.json.bak'], opened: ['vault.json', 'vault.json.bak'] });
    vault.lock();

    // with vault.json deleted, the backup is what unlock reads: the old password is wrong there too
    await rm(vaultPath(dir));
    await expectStrataError(newVault(dir).unlock(PASSWORD), 'WRONG_PASSWORD');
    const reopened = newVault(dir);
    await reopened.unlock(NEW_PASSWORD);
    expect(reopened.accounts().map((a) => a.label)).toEqual(['Account 1', 'second']);
  });

  it('after a KDF upgrade every vault file in the directory carries the new cost and salt', async () => {
    const old = await createWithBackup({ N: 2 ** 10 });
    old.lock();
    const upgraded = newVault(dir, { N: 2 ** 11 });
    await upgraded.unlock(PASSWORD);
    const main = await readVaultJson(vaultPath(dir));
    const backup = await readVaultJson(backupPath(dir));
    expect(main.kdf.N).toBe(2048);
    expect(backup.kdf).toEqual(main.kdf);
    expect(await filesOpenedBy(PASSWORD)).toEqual({ tried: ['vault.json', 'vault.json.bak'], opened: ['vault.json', 'vault.json.bak'] });
  });

  it('a backup left under the old password (a crash between the two writes) is re-sealed on the next unlock', async () => {
    const vault = await createWithBackup();
    vault.lock();
    const oldBytes = await readFile(vaultPath(dir));
    const changer = newVault(dir);
    await changer.unlock(PASSWORD);
    await changer.changePassword(PASSWORD, NEW_PASSWORD);
    changer.lock();
    await writeFile(backupPath(dir), oldBytes); // the state a kill after the first write would leave
    expect((await filesOpenedBy(PASSWORD)).opened).toEqual(['vault.json.bak']);

    await newVault(dir).unlock(NEW_PASSWORD);
    expect(await filesOpenedBy(PASSWORD)).toEqual({ tried: ['vault.json', 'vault.json.bak'], opened: [] });
    expect((await filesOpenedBy(NEW_PASSWORD)).opened).toEqual(['vault.json', 'vault.json.bak']);
  });
});

describe('the vault path and directory', () => {
  it('a symlink at vault.json is refused with VAULT_UNSAFE_PATH and its target is neither read nor written', async () => {
    const elsewhere = await makeTempDir();
    try {
      const real = newVault(elsewhere);
      await real.create(PASSWORD, { mnemonic: TEST_MNEMONIC, passphrase: '' });
      real.lock();
      const targetBefore = await readFile(vaultPath(elsewhere));
      await symlink(vaultPath(elsewhere), vaultPath(dir));

      await expectStrataError(newVault(dir).unlock(PASSWORD), 'VAULT_UNSAFE_PATH');
      await expectStrataError(newVault(dir).exists(), 'VAULT_UNSAFE_PATH');
      await expectStrataError(newVault(dir).create(PASSWORD, { mnemonic: TEST_MNEMONIC, passphrase: '' }), 'VAULT_UNSAFE_PATH');
      expect((await readFile(vaultPath(elsewhere))).equals(targetBefore)).toBe(true);
      expect(await readdir(dir)).toEqual(['vault.json']);
    } finally {
      await removeDir(elsewhere);
    }
  });

  it('a symlink at vault.json.bak (even dangling) is refused before any write', async () => {
    const vault = await createWithBackup();
    await rm(backupPath(dir));
    await symlink(join(dir, 'nowhere'), backupPath(dir));
    const before = await snapshot(dir);
    await expectStrataError(vault.rename(vault.accounts()[0]!.id, 'renamed'), 'VAULT_UNSAFE_PATH');
    expect((await snapshot(dir)).main!.equals(before.main!)).toBe(true);
    await expect(stat(join(dir, 'nowhere'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('an existing data directory with a loose mode is made 0700 by create and by unlock', async () => {
    await chmod(dir, 0o755);
    const vault = newVault(dir);
    await vault.create(PASSWORD, { mnemonic: TEST_MNEMONIC, passphrase: '' });
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    vault.lock();
    await chmod(dir, 0o775);
    await newVault(dir).unlock(PASSWORD);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    const nested = join(dir, 'made', 'here');
    await newVault(nested).create(PASSWORD, { mnemonic: TEST_MNEMONIC, passphrase: '' });
    expect((await stat(nested)).mode & 0o777).toBe(0o700);
  });
});

describe('the header KDF cost cap (4x the default work)', () => {
  it('accepts up to 4x DEFAULT_SCRYPT work and refuses more', () => {
    expect(scryptWork(DEFAULT_SCRYPT)).toBe(2 ** 20);
    expect(isSaneScryptParams({ N: 2 ** 19, r: 8, p: 1, dkLen: 32 })).toBe(true); // 4x
    expect(isSaneScryptParams({ N: 2 ** 17, r: 8, p: 4, dkLen: 32 })).toBe(true); // 4x
    expect(isSaneScryptParams({ N: 2 ** 17, r: 8, p: 5, dkLen: 32 })).toBe(false); // 5x
    expect(isSaneScryptParams({ N: 2 ** 20, r: 4, p: 16, dkLen: 32 })).toBe(false); // 64x, 512 MiB
  });

  it('a header tampered to ask 64x the default work is VAULT_CORRUPT without running scrypt', async () => {
    await createWithBackup();
    const json = await readVaultJson(vaultPath(dir));
    // 64x the default work in 512 MiB: under the memory limit, about a minute of scrypt per attempt
    Object.assign(json.kdf, { N: 2 ** 20, r: 4, p: 16 });
    await writeVaultJson(vaultPath(dir), json);
    const started = performance.now();
    await expectStrataError(newVault(dir).unlock(PASSWORD), 'VAULT_CORRUPT');
    // scrypt at this cost takes tens of seconds; refusing at parse time takes milliseconds
    expect(performance.now() - started).toBeLessThan(2_000);
    await expect(stat(join(dir, THROTTLE_FILE_NAME))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('unlock throttling', () => {
  it('the delay schedule: 5 free failures, then 1 s doubling, capped at 5 minutes', () => {
    expect([0, 4, 5, 6, 7, 8, 13, 14, 50].map(throttleDelayMs)).toEqual([0, 0, 1_000, 2_000, 4_000, 8_000, 256_000, 300_000, 300_000]);
  });

  it('after 5 wrong passwords each attempt waits, even with the right password; the count survives a restart', async () => {
    const clock = new FakeClock();
    const vault = await createWithBackup();
    vault.lock();
    const open = (): Vault => new Vault({ dir, kdf: FAST_KDF, now: () => clock.now() });

    for (let i = 0; i < 5; i += 1) await expectStrataError(open().unlock('wrong password'), 'WRONG_PASSWORD');
    const throttled = await expectStrataError(open().unlock(PASSWORD), 'UNLOCK_THROTTLED');
    expect(throttled.message).toBe('Too many wrong passwords; try again in 1 s');
    expect(await open().unlockWaitMs()).toBe(1_000);

    clock.advance(999);
    await expectStrataError(open().unlock('wrong password'), 'UNLOCK_THROTTLED');
    clock.advance(1);
    await expectStrataError(open().unlock('wrong password'), 'WRONG_PASSWORD'); // 6th failure
    expect(await open().unlockWaitMs()).toBe(2_000);
    clock.advance(2_000);
    await expectStrataError(open().unlock('wrong password'), 'WRONG_PASSWORD'); // 7th
    expect(await open().unlockWaitMs()).toBe(4_000);

    // the other password checks share the throttle
    clock.advance(1_000);
    await expectStrataError(open().verifyPassword(PASSWORD), 'UNLOCK_THROTTLED');
    clock.advance(3_000);
    await expectStrataError(open().verifyPassword('wrong password'), 'WRONG_PASSWORD'); // 8th
    expect(await open().unlockWaitMs()).toBe(8_000);

    // up to the cap
    for (let failures = 9; failures <= 16; failures += 1) {
      clock.advance(throttleDelayMs(failures - 1));
      await expectStrataError(open().unlock('wrong password'), 'WRONG_PASSWORD');
    }
    expect(await open().unlockWaitMs()).toBe(300_000);
    clock.advance(299_000);
    expect((await expectStrataError(open().unlock(PASSWORD), 'UNLOCK_THROTTLED')).message).toBe('Too many wrong passwords; try again in 1 s');

    // the right password after the wait unlocks and resets the count
    clock.advance(1_000);
    const unlocked = open();
    await unlocked.unlock(PASSWORD);
    expect(unlocked.isUnlocked).toBe(true);
    await expect(stat(join(dir, THROTTLE_FILE_NAME))).rejects.toMatchObject({ code: 'ENOENT' });
    unlocked.lock();
    for (let i = 0; i < 5; i += 1) await expectStrataError(open().unlock('wrong password'), 'WRONG_PASSWORD');
    await expectStrataError(open().unlock('wrong password'), 'UNLOCK_THROTTLED');
  });

  it('a garbled throttle file counts as the free failures used up', async () => {
    const clock = new FakeClock();
    await createWithBackup().then((v) => v.lock());
    await writeFile(join(dir, THROTTLE_FILE_NAME), 'not json');
    const vault = new Vault({ dir, kdf: FAST_KDF, now: () => clock.now() });
    await expectStrataError(vault.unlock('wrong password'), 'WRONG_PASSWORD');
    expect(JSON.parse(await readFile(join(dir, THROTTLE_FILE_NAME), 'utf8'))).toEqual({ version: 1, failures: 6, lastFailureAt: clock.now() });
  });

  it('unlock of an unlocked vault is refused before any password check (no oracle, nothing counted)', async () => {
    const vault = await createWithBackup();
    for (let i = 0; i < 7; i += 1) {
      await expectStrataError(vault.unlock(i % 2 === 0 ? 'wrong password' : PASSWORD), 'VAULT_ALREADY_UNLOCKED');
    }
    expect(vault.isUnlocked).toBe(true);
    await expect(stat(join(dir, THROTTLE_FILE_NAME))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
