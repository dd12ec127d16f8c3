/**
 * Crash-safe file replacement. The invariant: once the target exists, it always holds a complete old or new
 * version (it is only ever replaced by rename(2), never written in place), and the backup holds the version before.
 *
 *   1. write `<target>.tmp-<random>` (mode 0600), fsync it;
 *   2. hard-link the current target to `<backup>.tmp-<random>` (copy + fsync where links are unsupported), rename
 *      that over the backup, fsync the directory;
 *   3. rename the temp file over the target, fsync the directory.
 *
 * A crash at any point leaves at most stray `*.tmp-*` files, which removeStaleTempFiles deletes. One process owns
 * the directory at a time (the app holds Electron's single-instance lock), so temp files are never another
 * writer's work in progress.
 */
import { bytesToHex, randomBytes } from '@noble/hashes/utils.js';
import { chmod, copyFile, link, mkdir, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const FILE_MODE = 0o600;
const DIR_MODE = 0o700;
const TEMP_MARKER = '.tmp-';

function tempName(path: string): string {
  return `${path}${TEMP_MARKER}${bytesToHex(randomBytes(8))}`;
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/**
 * Creates the directory (and parents) with mode 0700 when missing, and takes group and other access away from an
 * existing one (a data directory made by hand, or by an older version, may be 0755). A directory owned by someone
 * else (EPERM) is left as it is: that is the user's explicit setup, and refusing would lock them out.
 */
export async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: DIR_MODE });
  if (process.platform === 'win32') return;
  const { mode } = await stat(dir);
  if ((mode & 0o077) === 0) return;
  try {
    await chmod(dir, mode & 0o700);
  } catch (error) {
    if (errorCode(error) !== 'EPERM') throw error;
  }
}

/** fsync a directory so renames in it survive power loss. Windows cannot open directories for this: skipped there. */
async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function writeSynced(path: string, data: string | Uint8Array): Promise<void> {
  const handle = await open(path, 'wx', FILE_MODE);
  try {
    await handle.writeFile(data);
    // The umask can only clear bits, but an inherited ACL or odd umask should not matter either.
    await handle.chmod(FILE_MODE);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.chmod(FILE_MODE);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes `backup` a complete copy of `target`'s current content; does nothing when the target does not exist. */
async function snapshotToBackup(target: string, backup: string): Promise<void> {
  const temp = tempName(backup);
  try {
    try {
      // Files are only ever replaced, never modified, so sharing the inode is a true snapshot.
      await link(target, temp);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return;
      await copyFile(target, temp);
      await syncFile(temp);
    }
    await rename(temp, backup);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    if (errorCode(error) === 'ENOENT') return;
    throw error;
  }
}

/**
 * Atomically replaces `target` with `data` (mode 0600). With `backup`, the previous content of `target` is kept
 * there first. Throws the underlying Node error on failure; the target is then unchanged.
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array, options: { backup?: string } = {}): Promise<void> {
  const dir = dirname(target);
  const temp = tempName(target);
  try {
    await writeSynced(temp, data);
    if (options.backup !== undefined) {
      await snapshotToBackup(target, options.backup);
      await syncDir(dir);
    }
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDir(dir);
}

/** Deletes leftovers of interrupted writes (`<name>.tmp-*`) for the given file names in `dir`; returns how many. */
export async function removeStaleTempFiles(dir: string, names: readonly string[]): Promise<number> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return 0;
    throw error;
  }
  const prefixes = names.map((name) => `${basename(name)}${TEMP_MARKER}`);
  let removed = 0;
  for (const entry of entries) {
    if (!prefixes.some((prefix) => entry.startsWith(prefix))) continue;
    try {
      await unlink(join(dir, entry));
      removed += 1;
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error;
    }
  }
  return removed;
}
