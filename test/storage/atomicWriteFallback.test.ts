/**
 * writeFileAtomic where hard links fail (issue #18 item 7): the backup is made by copy + fsync, a failing copy is an
 * error (never silently ignored), and only a vanished file (ENOENT) is skipped. Node's fs is wrapped so a test can make
 * one call fail with a given code; everything else is the real file system.
 */
import { chmod, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { removeStaleTempFiles, writeFileAtomic } from '../../electron/services/storage/atomicWrite';
import { makeTempDir, removeDir } from '../vault/helpers';

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return { ...actual, link: vi.fn(actual.link), copyFile: vi.fn(actual.copyFile), unlink: vi.fn(actual.unlink), open: vi.fn(actual.open) };
});

function fsError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

let dir: string;
let target: string;
let backup: string;

beforeEach(async () => {
  dir = await makeTempDir();
  target = join(dir, 'vault.json');
  backup = join(dir, 'vault.json.bak');
});
afterEach(async () => {
  vi.mocked(fsp.link).mockReset();
  vi.mocked(fsp.copyFile).mockReset();
  vi.mocked(fsp.unlink).mockReset();
  vi.mocked(fsp.open).mockReset();
  const actual = await vi.importActual<typeof import('node:fs/promises')>('node:fs/promises');
  vi.mocked(fsp.link).mockImplementation(actual.link);
  vi.mocked(fsp.copyFile).mockImplementation(actual.copyFile);
  vi.mocked(fsp.unlink).mockImplementation(actual.unlink);
  vi.mocked(fsp.open).mockImplementation(actual.open);
  await removeDir(dir);
});

describe('writeFileAtomic when hard links are unsupported', () => {
  it('copies the previous version to the backup, fsyncs it and sets mode 0600', async () => {
    await writeFile(target, 'one');
    await chmod(target, 0o644);
    vi.mocked(fsp.link).mockRejectedValueOnce(fsError('EPERM'));
    await writeFileAtomic(target, 'two', { backup });
    expect(fsp.copyFile).toHaveBeenCalledTimes(1);
    expect(await readFile(target, 'utf8')).toBe('two');
    expect(await readFile(backup, 'utf8')).toBe('one');
    expect((await stat(backup)).mode & 0o777).toBe(0o600);
    expect((await stat(target)).mode & 0o777).toBe(0o600);
    expect((await readdir(dir)).sort()).toEqual(['vault.json', 'vault.json.bak']);
    // the copy was opened for writing and synced before the rename (r+ is the copy's fsync)
    expect(vi.mocked(fsp.open).mock.calls.some(([path, flags]) => String(path).startsWith(`${backup}.tmp-`) && flags === 'r+')).toBe(true);
  });

  it('fails, leaving target and backup unchanged and no temp file, when the copy fails', async () => {
    await writeFileAtomic(target, 'one', { backup });
    await writeFileAtomic(target, 'two', { backup });
    vi.mocked(fsp.link).mockRejectedValueOnce(fsError('EPERM'));
    vi.mocked(fsp.copyFile).mockRejectedValueOnce(fsError('EIO'));
    await expect(writeFileAtomic(target, 'three', { backup })).rejects.toMatchObject({ code: 'EIO' });
    expect(await readFile(target, 'utf8')).toBe('two');
    expect(await readFile(backup, 'utf8')).toBe('one');
    expect((await readdir(dir)).sort()).toEqual(['vault.json', 'vault.json.bak']);
  });

  it('fails on a link error other than ENOENT when there is no copy to fall back on (EACCES on the copy too)', async () => {
    await writeFileAtomic(target, 'one', { backup });
    vi.mocked(fsp.link).mockRejectedValueOnce(fsError('EACCES'));
    vi.mocked(fsp.copyFile).mockRejectedValueOnce(fsError('EACCES'));
    await expect(writeFileAtomic(target, 'two', { backup })).rejects.toMatchObject({ code: 'EACCES' });
    expect(await readFile(target, 'utf8')).toBe('one');
    expect((await readdir(dir)).sort()).toEqual(['vault.json']);
  });

  it('skips the backup when the target vanished between the link attempt and the copy (ENOENT from copyFile)', async () => {
    vi.mocked(fsp.link).mockRejectedValueOnce(fsError('EPERM'));
    await writeFileAtomic(target, 'first', { backup });
    expect(fsp.copyFile).toHaveBeenCalledTimes(1);
    expect(await readFile(target, 'utf8')).toBe('first');
    expect((await readdir(dir)).sort()).toEqual(['vault.json']);
  });

  it('fails when renaming the backup fails with an error other than ENOENT', async () => {
    await writeFileAtomic(target, 'one', { backup });
    // a directory in the backup's place: rename(file, dir) fails with EISDIR
    await fsp.mkdir(backup);
    await expect(writeFileAtomic(target, 'two', { backup })).rejects.toMatchObject({ code: 'EISDIR' });
    expect(await readFile(target, 'utf8')).toBe('one');
    expect((await readdir(dir)).sort()).toEqual(['vault.json', 'vault.json.bak']);
  });

  it('fsyncs the directory after the backup and after the rename', async () => {
    await writeFileAtomic(target, 'one', { backup });
    vi.mocked(fsp.open).mockClear();
    await writeFileAtomic(target, 'two', { backup });
    const dirOpens = vi.mocked(fsp.open).mock.calls.filter(([path]) => path === dir);
    expect(dirOpens).toHaveLength(2);
    vi.mocked(fsp.open).mockClear();
    await writeFileAtomic(target, 'three');
    expect(vi.mocked(fsp.open).mock.calls.filter(([path]) => path === dir)).toHaveLength(1);
  });
});

describe('file handles', () => {
  it('closes every handle it opens and fsyncs the written file, the copied backup and the directory', async () => {
    const actual = await vi.importActual<typeof import('node:fs/promises')>('node:fs/promises');
    const opened: Array<{ path: string; flags: unknown; synced: number; closed: number }> = [];
    vi.mocked(fsp.open).mockImplementation(async (path, flags, mode) => {
      const handle = await actual.open(path, flags, mode);
      const record = { path: String(path), flags, synced: 0, closed: 0 };
      opened.push(record);
      const sync = handle.sync.bind(handle);
      const close = handle.close.bind(handle);
      handle.sync = async () => {
        record.synced += 1;
        return sync();
      };
      handle.close = async () => {
        record.closed += 1;
        return close();
      };
      return handle;
    });
    await writeFileAtomic(target, 'one', { backup });
    vi.mocked(fsp.link).mockRejectedValueOnce(fsError('EXDEV'));
    await writeFileAtomic(target, 'two', { backup });
    expect(opened.every((h) => h.closed === 1 && h.synced === 1)).toBe(true);
    const kinds = opened.map((h) => (h.path === dir ? 'dir' : h.path.startsWith(`${backup}.tmp-`) ? 'backup-copy' : h.path.startsWith(`${target}.tmp-`) ? 'temp' : h.path));
    // first write: temp, dir (after the backup step), dir (after the rename); second: temp, backup copy, dir, dir
    expect(kinds).toEqual(['temp', 'dir', 'dir', 'temp', 'backup-copy', 'dir', 'dir']);
  });
});

describe('removeStaleTempFiles error handling', () => {
  it('does not count a temp file that vanished (ENOENT) and rethrows any other unlink error', async () => {
    await writeFile(join(dir, 'vault.json.tmp-aa'), 'x');
    await writeFile(join(dir, 'vault.json.tmp-bb'), 'x');
    vi.mocked(fsp.unlink).mockRejectedValueOnce(fsError('ENOENT'));
    expect(await removeStaleTempFiles(dir, ['vault.json'])).toBe(1);
    await writeFile(join(dir, 'vault.json.tmp-cc'), 'x');
    vi.mocked(fsp.unlink).mockRejectedValueOnce(fsError('EACCES'));
    await expect(removeStaleTempFiles(dir, ['vault.json'])).rejects.toMatchObject({ code: 'EACCES' });
  });

  it('rethrows a readdir error other than ENOENT (a file where the directory should be)', async () => {
    await writeFile(join(dir, 'plain'), 'x');
    await expect(removeStaleTempFiles(join(dir, 'plain'), ['vault.json'])).rejects.toMatchObject({ code: 'ENOTDIR' });
  });
});
