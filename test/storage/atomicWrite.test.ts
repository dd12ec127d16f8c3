import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeStaleTempFiles, writeFileAtomic } from '../../electron/services/storage/atomicWrite';
import { makeTempDir, removeDir } from '../vault/helpers';

let dir: string;

beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(async () => removeDir(dir));

describe('writeFileAtomic', () => {
  it('replaces the target (mode 0600), keeps the previous content as the backup and leaves no temp file', async () => {
    const target = join(dir, 'vault.json');
    const backup = join(dir, 'vault.json.bak');
    await writeFileAtomic(target, 'one', { backup });
    expect(await readFile(target, 'utf8')).toBe('one');
    expect((await readdir(dir)).sort()).toEqual(['vault.json']);

    await writeFileAtomic(target, 'two', { backup });
    await writeFileAtomic(target, 'three', { backup });
    expect(await readFile(target, 'utf8')).toBe('three');
    expect(await readFile(backup, 'utf8')).toBe('two');
    expect((await stat(target)).mode & 0o777).toBe(0o600);
    expect((await stat(backup)).mode & 0o777).toBe(0o600);
    // the backup is a snapshot, not the live file: a later write does not change what it held before
    expect((await stat(target)).ino).not.toBe((await stat(backup)).ino);
    expect((await readdir(dir)).sort()).toEqual(['vault.json', 'vault.json.bak']);
  });

  it('fails without touching the target when the directory is missing', async () => {
    await expect(writeFileAtomic(join(dir, 'missing', 'vault.json'), 'x')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('removeStaleTempFiles', () => {
  it('removes only the temp files of the named targets', async () => {
    const names = ['vault.json.tmp-0123', 'vault.json.bak.tmp-abcd', 'vault.json', 'vault.json.bak', 'other.json.tmp-1', 'vault.jsonx.tmp-1'];
    for (const name of names) await writeFile(join(dir, name), name);
    expect(await removeStaleTempFiles(dir, ['vault.json', 'vault.json.bak'])).toBe(2);
    expect((await readdir(dir)).sort()).toEqual(['other.json.tmp-1', 'vault.json', 'vault.json.bak', 'vault.jsonx.tmp-1']);
    expect(await removeStaleTempFiles(join(dir, 'missing'), ['vault.json'])).toBe(0);
  });
});
