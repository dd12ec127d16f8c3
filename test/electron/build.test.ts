import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_NAMES, eventChannel, METHOD_NAMES, methodChannel } from '../../shared/ipc/contract';
import { SECURE_METHOD_NAMES, secureChannel } from '../../shared/ipc/secureContract';

const ROOT = path.resolve(__dirname, '..', '..');
const run = promisify(execFile);

/** Every module name a CommonJS bundle passes to a literal require("..."). */
function requiredModules(source: string): string[] {
  return [...new Set([...source.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1] ?? ''))].sort();
}

interface FakeIpc {
  exposed: Map<string, unknown>;
  invoked: Array<[string, unknown]>;
  listeners: Map<string, Set<(event: unknown, payload: unknown) => void>>;
}

/**
 * Runs a preload bundle in a fresh V8 context whose `require` only knows 'electron', like a sandboxed preload.
 * Electron itself cannot run here, so 'electron' is a small recorder of contextBridge and ipcRenderer calls.
 */
function runPreload(source: string): FakeIpc {
  const ipc: FakeIpc = { exposed: new Map(), invoked: [], listeners: new Map() };
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => ipc.exposed.set(key, api) },
    ipcRenderer: {
      invoke: async (channel: string, input: unknown) => {
        ipc.invoked.push([channel, input]);
        return { ok: true, value: null };
      },
      on: (channel: string, listener: (event: unknown, payload: unknown) => void) => {
        const set = ipc.listeners.get(channel) ?? new Set();
        set.add(listener);
        ipc.listeners.set(channel, set);
      },
      removeListener: (channel: string, listener: (event: unknown, payload: unknown) => void) => {
        ipc.listeners.get(channel)?.delete(listener);
      },
    },
  };
  const sandboxRequire = (name: string) => {
    if (name !== 'electron') throw new Error(`sandboxed preload cannot require ${name}`);
    return electron;
  };
  const module = { exports: {} };
  vm.runInNewContext(`(function (require, module, exports) {${source}\n})`, {}, { filename: 'preload.cjs' })(sandboxRequire, module, module.exports);
  return ipc;
}

describe('scripts/build.mjs', () => {
  let out: string;
  let buildLog: string;

  beforeAll(async () => {
    out = await mkdtemp(path.join(tmpdir(), 'strata-build-'));
    const { stdout } = await run(process.execPath, ['scripts/build.mjs', '--out', out, '--skip-renderer'], { cwd: ROOT });
    buildLog = stdout;
  }, 120_000);

  afterAll(async () => {
    await rm(out, { recursive: true, force: true });
  });

  it('writes the main, preload and secure-preload bundles, and the CLI when its source exists', () => {
    expect(existsSync(path.join(out, 'main', 'main.cjs'))).toBe(true);
    expect(existsSync(path.join(out, 'preload', 'preload.cjs'))).toBe(true);
    expect(existsSync(path.join(out, 'preload', 'securePreload.cjs'))).toBe(true);
    expect(existsSync(path.join(out, 'cli', 'strata.cjs'))).toBe(existsSync(path.join(ROOT, 'electron', 'cli', 'main.ts')));
    expect(buildLog).toMatch(/\[build\] done in \d+ ms/);
  });

  it('leaves the preloads requiring nothing but electron, and keeps them small', async () => {
    for (const file of ['preload.cjs', 'securePreload.cjs']) {
      const source = await readFile(path.join(out, 'preload', file), 'utf8');
      expect(requiredModules(source), file).toStrictEqual(['electron']);
      expect(source, file).not.toMatch(/zod/);
      expect(Buffer.byteLength(source), file).toBeLessThan(8 * 1024);
    }
  });

  it('leaves the main bundle requiring only electron, Node built-ins and the native node-hid (Ledger USB)', async () => {
    const source = await readFile(path.join(out, 'main', 'main.cjs'), 'utf8');
    const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
    expect(requiredModules(source).filter((name) => name !== 'electron' && !builtins.has(name))).toStrictEqual(['node-hid']);
    expect(requiredModules(source)).toContain('electron');
  });

  it.skipIf(!existsSync(path.join(ROOT, 'electron', 'cli', 'main.ts')))('keeps the CLI free of electron (node-hid, native, stays external)', async () => {
    const cli = path.join(out, 'cli', 'strata.cjs');
    const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
    expect(requiredModules(await readFile(cli, 'utf8')).filter((name) => !builtins.has(name))).toStrictEqual(['node-hid']);
  });

  it('exposes window.strata with exactly one function per contract method plus `on`', async () => {
    const ipc = runPreload(await readFile(path.join(out, 'preload', 'preload.cjs'), 'utf8'));
    expect([...ipc.exposed.keys()]).toStrictEqual(['strata']);
    const api = ipc.exposed.get('strata') as Record<string, (...args: unknown[]) => unknown>;
    expect(Object.keys(api).sort()).toStrictEqual([...METHOD_NAMES, 'on'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);

    for (const name of METHOD_NAMES) await api[name]?.({ probe: name });
    expect(ipc.invoked).toStrictEqual(METHOD_NAMES.map((name) => [methodChannel(name), { probe: name }]));
  });

  it('forwards only known events, without the IPC event object, and unsubscribes', async () => {
    const ipc = runPreload(await readFile(path.join(out, 'preload', 'preload.cjs'), 'utf8'));
    const api = ipc.exposed.get('strata') as { on: (event: unknown, listener: unknown) => () => void };
    expect(() => api.on('vault.exploded', () => {})).toThrow('Unknown event');
    expect(() => api.on('__proto__', () => {})).toThrow('Unknown event');
    expect(() => api.on('vault.locked', 'not a function')).toThrow('Listener must be a function');
    expect(ipc.listeners.size).toBe(0);

    const received: unknown[][] = [];
    const unsubscribe = api.on('vault.locked', (...args: unknown[]) => received.push(args));
    const channel = eventChannel('vault.locked');
    expect(EVENT_NAMES).toContain('vault.locked');
    for (const listener of ipc.listeners.get(channel) ?? []) listener({ sender: 'ipcRenderer!' }, { reason: 'idle' });
    expect(received).toStrictEqual([[{ reason: 'idle' }]]);
    unsubscribe();
    unsubscribe();
    expect(ipc.listeners.get(channel)?.size).toBe(0);
  });

  it('exposes window.strataSecure with exactly the secure methods', async () => {
    const ipc = runPreload(await readFile(path.join(out, 'preload', 'securePreload.cjs'), 'utf8'));
    expect([...ipc.exposed.keys()]).toStrictEqual(['strataSecure']);
    const api = ipc.exposed.get('strataSecure') as Record<string, (input: unknown) => unknown>;
    expect(Object.keys(api).sort()).toStrictEqual([...SECURE_METHOD_NAMES].sort());
    for (const name of SECURE_METHOD_NAMES) await api[name]?.({});
    expect(ipc.invoked).toStrictEqual(SECURE_METHOD_NAMES.map((name) => [secureChannel(name), {}]));
  });
});
