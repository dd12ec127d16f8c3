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

  /**
   * An app method that only asks for a confirmation (send.confirm, transfers.start, rebalance.execute, a security-weakening settings.update, accounts.remove or chains.setRpc), then confirmed in the secure
   * window as the user would (with `password` when asked); returns what main pushed as confirmation.outcome (the
   * activity entry, the transfer or the rebalance execution). Fails the test when anything is refused.
   */
  async function confirmed<T = unknown>(method: string, payload: unknown, password?: string): Promise<T> {
    const { sessionId } = await value<{ sessionId: string }>(method, payload);
    const answer = await core.callSecure(sessionId, 'secure.confirm', password === undefined ? {} : { password });
    if (!answer.ok) throw new Error(`secure.confirm after ${method} failed: ${answer.error.code} ${answer.error.message}`);
    const outcome = log.filter((r) => r.name === 'confirmation.outcome' && (r.payload as { sessionId: string }).sessionId === sessionId).at(-1);
    const result = outcome?.payload as { ok: boolean; entry?: unknown; transfer?: unknown; execution?: unknown; settings?: unknown; rpc?: unknown; accounts?: unknown } | undefined;
    if (!result?.ok) throw new Error(`${method}: no successful confirmation.outcome`);
    return (result.entry ?? result.transfer ?? result.execution ?? result.settings ?? result.rpc ?? result.accounts) as T;
  }

  return { core, dataDir, log, openWindows, call, value, confirmed, secure: core.callSecure.bind(core) };
}

export type CoreHarness = Awaited<ReturnType<typeof createCoreHarness>>;
