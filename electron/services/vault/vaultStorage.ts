/**
 * Where the vault lives in its directory and how it is read and written: `vault.json`, its previous version
 * `vault.json.bak`, and leftovers of interrupted writes. Node errors become StrataErrors here.
 */
import { constants } from 'node:fs';
import { lstat, open, unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { StrataError } from '../../../shared/errors';
import { ensurePrivateDir, removeStaleTempFiles, writeFileAtomic } from '../storage/atomicWrite';
import { parseVaultFile, serializeVaultFile, type VaultFile, type VaultHeader } from './vaultFile';

export const VAULT_FILE_NAME = 'vault.json';
export const BACKUP_FILE_NAME = 'vault.json.bak';
/** A real vault is a few KiB; anything far larger is not ours and is not read into memory. */
const MAX_FILE_BYTES = 16 * 1024 * 1024;

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

function unsafePath(path: string): StrataError {
  return new StrataError('VAULT_UNSAFE_PATH', `${basename(path)} is a symbolic link; Strata will not follow it`);
}

/** O_NOFOLLOW where the platform has it: a symlink swapped in between the check and the open still fails (ELOOP). */
const READ_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0);

function ioError(action: string, cause: unknown): StrataError {
  // Node's messages carry paths only, never vault content, so keeping the cause is safe and useful in logs.
  return new StrataError('IO_ERROR', `Could not ${action} the vault file`, { cause });
}

function sameHeader(a: VaultHeader, b: VaultHeader): boolean {
  const bytesEqual = (x: Uint8Array, y: Uint8Array): boolean => x.length === y.length && x.every((v, i) => v === y[i]);
  return (
    a.params.N === b.params.N &&
    a.params.r === b.params.r &&
    a.params.p === b.params.p &&
    a.params.dkLen === b.params.dkLen &&
    bytesEqual(a.salt, b.salt) &&
    bytesEqual(a.keyCheck, b.keyCheck)
  );
}

export class VaultStorage {
  readonly vaultPath: string;
  readonly backupPath: string;

  constructor(readonly dir: string) {
    this.vaultPath = join(dir, VAULT_FILE_NAME);
    this.backupPath = join(dir, BACKUP_FILE_NAME);
  }

  /** True when vault.json or vault.json.bak exists. VAULT_UNSAFE_PATH when either is a symlink (even a dangling one). */
  async exists(): Promise<boolean> {
    let found = false;
    for (const path of [this.vaultPath, this.backupPath]) {
      if (await this.isPresentFile(path)) found = true;
    }
    return found;
  }

  /** Makes the directory 0700 (creating it when missing). */
  async securePrivateDir(): Promise<void> {
    try {
      await ensurePrivateDir(this.dir);
    } catch (error) {
      throw ioError('secure the directory of', error);
    }
  }

  /**
   * Reads and parses the vault: vault.json, or vault.json.bak only when vault.json is missing (a damaged vault.json
   * is reported, never silently replaced by an older version). VAULT_NOT_FOUND when neither exists.
   */
  async read(): Promise<VaultFile> {
    for (const path of [this.vaultPath, this.backupPath]) {
      const text = await this.readText(path);
      if (text !== null) return parseVaultFile(text);
    }
    throw new StrataError('VAULT_NOT_FOUND', 'No vault exists yet');
  }

  /** Atomically replaces vault.json, keeping the previous version as vault.json.bak. VAULT_UNSAFE_PATH, IO_ERROR. */
  async write(file: VaultFile): Promise<void> {
    await this.exists();
    try {
      await ensurePrivateDir(this.dir);
      await writeFileAtomic(this.vaultPath, serializeVaultFile(file), { backup: this.backupPath });
    } catch (error) {
      throw ioError('write', error);
    }
  }

  /**
   * Atomically replaces vault.json.bak with `file` (no backup of the backup). After a password change or a KDF
   * upgrade the previous version, sealed under the old key, must not stay on disk: the caller writes the new
   * vault.json first (durable once write() returns) and then re-seals the backup under the new key here.
   */
  async replaceBackup(file: VaultFile): Promise<void> {
    await this.exists();
    try {
      await writeFileAtomic(this.backupPath, serializeVaultFile(file));
    } catch (error) {
      throw ioError('write', error);
    }
  }

  /** Deletes vault.json.bak (absent is fine). */
  async removeBackup(): Promise<void> {
    try {
      await unlink(this.backupPath);
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw ioError('remove the backup of', error);
    }
  }

  /**
   * Whether vault.json.bak is absent or sealed under `header` (same salt, cost and key check). A damaged backup
   * counts as not matching, so it gets replaced.
   */
  async backupMatches(header: VaultHeader): Promise<boolean> {
    let text: string | null;
    try {
      text = await this.readText(this.backupPath);
    } catch {
      return false;
    }
    if (text === null) return true;
    try {
      const backup = parseVaultFile(text).header;
      return sameHeader(backup, header);
    } catch {
      return false;
    }
  }

  /** Best effort: a leftover that cannot be deleted must not keep the user out of the vault. */
  async removeStaleTempFiles(): Promise<void> {
    await removeStaleTempFiles(this.dir, [VAULT_FILE_NAME, BACKUP_FILE_NAME]).catch(() => undefined);
  }

  /**
   * Whether something is at `path` (false when absent); VAULT_UNSAFE_PATH for a symlink, dangling or not. Anything
   * else that is not a file (a directory) fails later as IO_ERROR when it is read or replaced.
   */
  private async isPresentFile(path: string): Promise<boolean> {
    try {
      const info = await lstat(path);
      if (info.isSymbolicLink()) throw unsafePath(path);
      return true;
    } catch (error) {
      if (error instanceof StrataError) throw error;
      if (errorCode(error) === 'ENOENT') return false;
      throw ioError('check', error);
    }
  }

  private async readText(path: string): Promise<string | null> {
    if (!(await this.isPresentFile(path))) return null;
    let handle;
    try {
      handle = await open(path, READ_FLAGS);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return null;
      if (errorCode(error) === 'ELOOP') throw unsafePath(path);
      throw ioError('read', error);
    }
    try {
      const { size } = await handle.stat();
      if (size > MAX_FILE_BYTES) throw new StrataError('VAULT_CORRUPT', 'The vault file is damaged or not a Strata vault');
      return await handle.readFile('utf8');
    } catch (error) {
      if (error instanceof StrataError) throw error;
      throw ioError('read', error);
    } finally {
      await handle.close();
    }
  }
}
