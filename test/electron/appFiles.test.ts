import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isInside, readAppFile, resolveAppFile } from '../../electron/services/shell/appFiles';
import { CONTENT_SECURITY_POLICY } from '../../electron/services/shell/csp';

const ROOT = '/opt/strata/dist/renderer';

describe('resolveAppFile', () => {
  it('maps app://strata/ paths to files inside the root with their content type', () => {
    expect(resolveAppFile(ROOT, 'app://strata/index.html')).toStrictEqual({
      filePath: '/opt/strata/dist/renderer/index.html',
      contentType: 'text/html; charset=utf-8',
    });
    expect(resolveAppFile(ROOT, 'app://strata/')).toStrictEqual({
      filePath: '/opt/strata/dist/renderer/index.html',
      contentType: 'text/html; charset=utf-8',
    });
    expect(resolveAppFile(ROOT, 'app://strata/assets/index-Bx1.js?v=1#x')).toStrictEqual({
      filePath: '/opt/strata/dist/renderer/assets/index-Bx1.js',
      contentType: 'text/javascript; charset=utf-8',
    });
    expect(resolveAppFile(ROOT, 'app://strata/assets/Inter%20Var.woff2')?.filePath).toBe('/opt/strata/dist/renderer/assets/Inter Var.woff2');
    expect(resolveAppFile(ROOT, 'app://strata/assets/x.CSS')?.contentType).toBe('text/css; charset=utf-8');
  });

  it.each([
    'app://strata/../x',
    'app://strata/../../etc/passwd',
    'app://strata/assets/../../main/main.cjs',
    'app://strata/%2e%2e/%2e%2e/etc/passwd',
    'app://strata/..%2f..%2fetc%2fpasswd',
    'app://strata/..%5c..%5cwindows%5cwin.ini',
    'app://strata/%2fetc%2fpasswd',
    'app://strata//etc/passwd',
    'app://strata/C:/Windows/win.ini',
    'app://strata/C%3A%5CWindows%5Cwin.ini',
    'app://strata/.vite/manifest.json',
    'app://strata/assets/.env',
    'app://strata/index.html%00.png',
    'app://strata/assets/index.js.map',
    'app://strata/assets/app.exe',
    'app://strata/assets',
    'app://evil/index.html',
    'file:///etc/passwd',
    'https://strata/index.html',
  ])('refuses %j', (url) => {
    expect(resolveAppFile(ROOT, url)).toBeNull();
  });
});

describe('isInside', () => {
  it('is true strictly below the root', () => {
    expect(isInside('/a/b', '/a/b/c')).toBe(true);
    expect(isInside('/a/b', '/a/b')).toBe(false);
    expect(isInside('/a/b', '/a/bc')).toBe(false);
    expect(isInside('/a/b', '/a')).toBe(false);
  });
});

describe('readAppFile (real files)', () => {
  let base: string;
  let root: string;

  beforeAll(async () => {
    base = await mkdtemp(path.join(tmpdir(), 'strata-appfiles-'));
    root = path.join(base, 'renderer');
    await mkdir(path.join(root, 'assets'), { recursive: true });
    await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Strata</title>');
    await writeFile(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(path.join(base, 'secret.txt'), 'outside the root');
    await symlink(path.join(base, 'secret.txt'), path.join(root, 'assets', 'leak.txt'));
    await symlink(path.join(root, 'assets', 'app.js'), path.join(root, 'assets', 'alias.js'));
  });

  afterAll(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it('serves a file with its type and the CSP', async () => {
    const response = await readAppFile(root, 'app://strata/index.html');
    expect(response.status).toBe(200);
    expect(Buffer.from(response.body).toString('utf8')).toBe('<!doctype html><title>Strata</title>');
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(Buffer.from((await readAppFile(root, 'app://strata/assets/app.js')).body).toString('utf8')).toBe('console.log(1)');
  });

  it('follows a symlink that stays inside the root', async () => {
    const response = await readAppFile(root, 'app://strata/assets/alias.js');
    expect(response.status).toBe(200);
    expect(Buffer.from(response.body).toString('utf8')).toBe('console.log(1)');
  });

  it('answers 404 (with the CSP) for a symlink escaping the root, a traversal, a missing file and a directory', async () => {
    for (const url of ['app://strata/assets/leak.txt', 'app://strata/../secret.txt', 'app://strata/missing.js', 'app://strata/assets.js']) {
      const response = await readAppFile(root, url);
      expect(response.status, url).toBe(404);
      expect(Buffer.from(response.body).toString('utf8')).toBe('Not found');
      expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    }
    await mkdir(path.join(root, 'dir.js'));
    expect((await readAppFile(root, 'app://strata/dir.js')).status).toBe(404);
  });
});
