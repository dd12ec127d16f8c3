import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStrataCore, type StrataCore } from '../../electron/services/app/core';
import type { Clock } from '../../electron/services/app/ports';
import type { DevnetInfo } from '../../electron/services/chains/chainDirectory';
import type { Envelope } from '../../shared/ipc/contract';

export interface IpcRecord {
  direction: 'call' | 'answer' | 'event';
  name: string;
  payload: unknown;
}

/**
 * The core as the Electron shell drives it, in plain Node: a temp data dir, a secure-window port that only records
 * which sessions are open, and a log of every app-contract message in both directions (what a renderer would see).
 */
export async function createCoreHarness(options: { clock?: Clock; dataDir?: string; kdfN?: number; devnet?: DevnetInfo; priceApiUrl?: string } = {}) {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'strata-core-')));
  const log: IpcRecord[] = [];
  const openWindows = new Set<string>();
  const core: StrataCore = createStrataCore({
    dataDir,
    clock: options.clock,
    kdf: { N: options.kdfN ?? 2 ** 10 },
    devnet: options.devnet,
    priceApiUrl: options.priceApiUrl,
    emit: (name, payload) => log.push({ direction: 'event', name, payload: structuredClone(payload) }),
    secureWindow: { open: (id) => openWindows.add(id), close: (id) => openWindows.delete(id) },
  });

  async function call<T = unknown>(method: string, payload: unknown = {}): Promise<Envelope<T>> {
    log.push({ direction: 'call', name: method, payload: structuredClone(payload) });
    const answer = (await core.call(method, payload)) as Envelope<T>;
    log.push({ direction: 'answer', name: method, payload: structuredClone(answer) });
    return answer;
  }

  /** Like `call`, but unwraps a successful envelope and fails the test on an error envelope. */
  async function value<T = unknown>(method: string, payload: unknown = {}): Promise<T> {
    const answer = await call<T>(method, payload);
    if (!answer.ok) throw new Error(`${method} failed: ${answer.error.code} ${answer.error.message}`);
    return answer.value;
  }

  return { core, dataDir, log, openWindows, call, value, secure: core.callSecure.bind(core) };
}

export type CoreHarness = Awaited<ReturnType<typeof createCoreHarness>>;
