import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../shared/errors';
import { METHOD_NAMES, methods } from '../../shared/ipc/contract';
import { SECURE_METHOD_NAMES, secureMethods } from '../../shared/ipc/secureContract';
import { createCoreHarness, type CoreHarness } from '../support/coreHarness';
import { seededRandom } from '../../shared/seededRandom';


const KEYS = ['password', 'sessionId', 'purpose', 'wordCount', 'label', 'chain', 'address', 'id', 'current', 'next',
  'autoLockMinutes', 'lockOnSuspend', 'answers', 'mnemonic', 'passphrase', 'privateKey', '__proto__', 'constructor', 'toString', ''];

/** Random JSON-ish values biased towards the shapes the contract uses, plus hostile ones. */
function randomValue(rand: () => number, depth = 0): unknown {
  const pick = Math.floor(rand() * 16);
  switch (pick) {
    case 0: return null;
    case 1: return undefined;
    case 2: return rand() < 0.5;
    case 3: return [0, -1, 1.5, NaN, Infinity, -Infinity, 2 ** 53, 12, 24, 15][Math.floor(rand() * 10)];
    case 4: return 'x'.repeat(Math.floor(rand() * 3000));
    case 5: return ['', ' ', 'create-mnemonic', 'import-mnemonic', 'eip155:1', 'ethereum', '0x', 'a'.repeat(32), '\u0000', '../../etc/passwd'][Math.floor(rand() * 10)];
    case 6: return BigInt(Math.floor(rand() * 1000));
    case 7: return new Uint8Array(Math.floor(rand() * 40));
    case 8: return depth > 3 ? 1 : Array.from({ length: Math.floor(rand() * 4) }, () => randomValue(rand, depth + 1));
    default: {
      if (depth > 3) return {};
      const obj: Record<string, unknown> = {};
      const n = Math.floor(rand() * 4);
      // Own data properties, as structured clone and JSON.parse make them: a `__proto__` key stays a plain key.
      const put = (key: string, value: unknown) => Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
      for (let i = 0; i < n; i++) put(KEYS[Math.floor(rand() * KEYS.length)] as string, randomValue(rand, depth + 1));
      if (rand() < 0.1) put('__proto__', { polluted: true });
      return obj;
    }
  }
}

async function snapshot(h: CoreHarness): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of (await readdir(h.dataDir)).sort()) files[name] = (await readFile(join(h.dataDir, name))).toString('base64');
  const status = await h.core.call('vault.status', {});
  const accounts = await h.core.call('accounts.list', {});
  const settings = await h.core.call('settings.get', {});
  return { ...files, status: JSON.stringify(status), accounts: JSON.stringify(accounts), settings: JSON.stringify(settings) };
}

describe('IPC fuzzing', () => {
  it('thousands of malformed payloads to every method get error envelopes; no crash, no state change', async () => {
    const h = await createCoreHarness();
    const session = await h.core.call('secure.begin', { purpose: 'import-mnemonic' });
    const sessionId = (session as { value: { sessionId: string } }).value.sessionId;
    await h.core.callSecure(sessionId, 'secure.submitMnemonic', { mnemonic: 'test test test test test test test test test test test junk', passphrase: '' });
    await h.core.call('vault.create', { sessionId, password: 'correct horse battery' });
    await h.core.call('settings.update', { autoLockMinutes: 30 });
    const before = await snapshot(h);
    expect(JSON.parse(before.status as string)).toEqual({ ok: true, value: { exists: true, unlocked: true, hasMnemonic: true, accountCount: 1 } });

    const rand = seededRandom(20261124);
    const codes = new Map<string, number>();
    let calls = 0;
    for (const name of METHOD_NAMES) {
      const schema = methods[name].input;
      for (let i = 0; i < 200; i++) {
        const payload = randomValue(rand);
        if (schema.safeParse(payload).success) continue; // only malformed payloads: valid ones may rightly change state
        const answer = await h.core.call(name, payload);
        calls += 1;
        expect(answer.ok, `${name} accepted a malformed payload (case ${i})`).toBe(false);
        if (!answer.ok) {
          expect(ERROR_CODES).toContain(answer.error.code);
          codes.set(answer.error.code, (codes.get(answer.error.code) ?? 0) + 1);
        }
      }
    }
    for (const name of SECURE_METHOD_NAMES) {
      const schema = secureMethods[name].input;
      for (let i = 0; i < 200; i++) {
        const payload = randomValue(rand);
        if (schema.safeParse(payload).success) continue;
        const answer = await h.core.callSecure(sessionId, name, payload);
        calls += 1;
        expect(answer.ok).toBe(false);
      }
    }
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'vault', 'vault.unlock ', '', 'strata:call:vault.lock']) {
      expect(await h.core.call(name, {})).toEqual({ ok: false, error: { code: 'UNKNOWN_METHOD', message: 'Unknown method' } });
      calls += 1;
    }
    expect(await h.core.call(42 as unknown as string, {})).toEqual({ ok: false, error: { code: 'UNKNOWN_METHOD', message: 'Unknown method' } });

    expect(calls).toBeGreaterThan(3000);
    expect([...codes.keys()]).toEqual(['INVALID_INPUT']);
    expect(await snapshot(h)).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    console.log(`IPC fuzzing: ${calls} malformed calls, all answered with error envelopes`);
  });

  it('never echoes a rejected value in the error message', async () => {
    const h = await createCoreHarness();
    const answer = await h.core.call('vault.unlock', { password: 12345678, extra: 'hunter2-secret' });
    expect(answer).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: expect.not.stringMatching(/12345678|hunter2/) } });
  });
});
