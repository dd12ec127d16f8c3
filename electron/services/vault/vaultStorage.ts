/**
 * Where the vault lives in its directory and how it is read and written: `vault.json`, its previous version
 * `vault.json.bak`, and leftovers of interrupted writes. Node errors become StrataErrors here.
 */
import { open, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { StrataError } from '../../../shared/errors';
import { ensurePrivateDir, removeStaleTempFiles, writeFileAtomic } from './atomicWrite';
import { parseVaultFile, serializeVaultFile, type VaultFile } from './vaultFile';

export const VAULT_FILE_NAME = 'vault.json';
export const BACKUP_FILE_NAME = 'vault.json.bak';
/** A real vault is a few KiB; anything far larger is not ours and is not read into memory. */
const MAX_FILE_BYTES = 16 * 1024 * 1024;

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

function ioError(action: string, cause: unknown): StrataError {
  // Node's messages carry paths only, never vault content, so keeping the cause is safe and useful in logs.
  return new StrataError('IO_ERROR', `Could not ${action} the vault file`, { cause });
}

export class VaultStorage {
  readonly vaultPath: string;
  readonly backupPath: string;

  constructor(readonly dir: string) {
    this.vaultPath = join(dir, VAULT_FILE_NAME);
    this.backupPath = join(dir, BACKUP_FILE_NAME);
  }

  /** True when vault.json or vault.json.bak exists. */
  async exists(): Promise<boolean> {
    for (const path of [this.vaultPath, this.backupPath]) {
      try {
        await stat(path);
        return true;
      } catch (error) {
        if (errorCode(error) !== 'ENOENT') throw ioError('check', error);
      }
    }
    return false;
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

  /** Atomically replaces vault.json, keeping the previous version as vault.json.bak. */
  async write(file: VaultFile): Promise<void> {
    try {
      await ensurePrivateDir(this.dir);
      await writeFileAtomic(this.vaultPath, serializeVaultFile(file), { backup: this.backupPath });
    } catch (error) {
      throw ioError('write', error);
    }
  }

  /** Best effort: a leftover that cannot be deleted must not keep the user out of the vault. */
  async removeStaleTempFiles(): Promise<void> {
    await removeStaleTempFiles(this.dir, [VAULT_FILE_NAME, BACKUP_FILE_NAME]).catch(() => undefined);
  }

  private async readText(path: string): Promise<string | null> {
    let handle;
    try {
      handle = await open(path, 'r');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return null;
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
