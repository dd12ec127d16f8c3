import { toHex } from 'viem';
import { StrataError } from '../../../../shared/errors';
import type { Hex } from '../deploy/deployStep';
import type { DevnetAlias } from '../devnetSpec';
import type { RpcRequest } from '../jsonRpc';

/** Where a relayer has read one chain up to: blocks from `nextBlock` on are new. */
export interface ScanCursor {
  alias: DevnetAlias;
  request: RpcRequest;
  nextBlock: bigint;
  /** Hash of block nextBlock - 1 when scanned: a different hash now means the chain was reverted (evm_revert). */
  lastHash: Hex | undefined;
}

async function blockHash(cursor: ScanCursor, block: bigint): Promise<Hex | undefined> {
  return (await cursor.request<{ hash: Hex } | null>('eth_getBlockByNumber', [toHex(block), false]))?.hash;
}

/**
 * After evm_revert a chain's history is replaced: what was seen may be gone, and ids can even come back. When a
 * cursor's last block changed, every cursor restarts from block 0 and this returns the reverted chain's alias (the
 * relayer then forgets what it saw; the destination contracts tell what the new history already executed).
 */
export async function rewindAfterRevert(cursors: readonly ScanCursor[]): Promise<DevnetAlias | undefined> {
  for (const cursor of cursors) {
    if (cursor.lastHash === undefined || (await blockHash(cursor, cursor.nextBlock - 1n)) === cursor.lastHash) continue;
    for (const c of cursors) {
      c.nextBlock = 0n;
      c.lastHash = undefined;
    }
    return cursor.alias;
  }
  return undefined;
}

/** The logs of `filter` in the blocks not scanned yet, moving the cursor past them. */
export async function scanNewLogs<T>(cursor: ScanCursor, filter: { address: string; topics: readonly Hex[] }): Promise<T[]> {
  const latest = BigInt(await cursor.request<Hex>('eth_blockNumber'));
  if (latest < cursor.nextBlock) return [];
  const [logs, hash] = await Promise.all([
    cursor.request<T[]>('eth_getLogs', [{ ...filter, fromBlock: toHex(cursor.nextBlock), toBlock: toHex(latest) }]),
    blockHash(cursor, latest),
  ]);
  cursor.nextBlock = latest + 1n;
  cursor.lastHash = hash;
  return logs;
}

export interface RelayLoopOptions {
  /** "LayerZero relayer": names the loop in logs and errors. */
  name: string;
  /** "LayerZero packet": what waitForDelivery waits for, in its error. */
  item: string;
  /** Poll period in ms. */
  intervalMs: number;
  /** false: the loop never polls (a relayer without chains); runOnce still works. */
  poll: boolean;
  /** One scan-and-deliver pass; returns the ids it delivered. Reads `paused`/`stopped` of the loop to stop early. */
  pass(): Promise<Hex[]>;
  log(line: string): void;
}

/** The timer, the one-pass-at-a-time queue, the pause switch and the delivery waiters every devnet relayer shares. */
export interface RelayLoop {
  readonly paused: boolean;
  readonly stopped: boolean;
  /** Stops delivering; resolves once a pass in flight has finished. */
  pause(): Promise<void>;
  resume(): void;
  /** One pass now, after any pass in flight. @throws StrataError DEVNET_NOT_RUNNING once stopped */
  runOnce(): Promise<Hex[]>;
  /** Resolves when `settle(id)` was called for `id`. @throws StrataError RPC_UNAVAILABLE after `timeoutMs` */
  waitForDelivery(id: Hex, timeoutMs?: number): Promise<void>;
  /** Marks `id` executed on its destination (by this relayer or found so) and wakes its waiters. */
  settle(id: Hex): void;
  /** Forgets every settled id (after evm_revert). */
  forgetSettled(): void;
  /** Stops polling and waits for a pass in flight. Safe to call twice. */
  stop(): Promise<void>;
}

/** Starts polling `options.pass` every `intervalMs` (unless `poll` is false). */
export function startRelayLoop(options: RelayLoopOptions): RelayLoop {
  let paused = false;
  let stopped = false;
  const settled = new Set<Hex>();
  const waiters = new Map<Hex, Array<() => void>>();
  let current: Promise<Hex[]> = Promise.resolve([]);

  const enqueuePass = (): Promise<Hex[]> => {
    const next = current.catch(() => []).then(() => options.pass());
    current = next;
    return next;
  };

  let timer: NodeJS.Timeout | undefined;
  const tick = (): void => {
    timer = undefined;
    if (stopped) return;
    enqueuePass()
      .catch((error: unknown) => options.log(`${options.name}: pass failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, options.intervalMs);
      });
  };
  if (options.poll) timer = setTimeout(tick, 0);

  return {
    get paused() {
      return paused;
    },
    get stopped() {
      return stopped;
    },
    async pause() {
      paused = true;
      await current.catch(() => undefined);
    },
    resume() {
      paused = false;
    },
    runOnce() {
      if (stopped) return Promise.reject(new StrataError('DEVNET_NOT_RUNNING', `The ${options.name} is stopped`));
      return enqueuePass();
    },
    waitForDelivery(id, timeoutMs = 10_000) {
      const key = id.toLowerCase() as Hex;
      if (settled.has(key)) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const timeout = setTimeout(() => {
          waiters.set(key, (waiters.get(key) ?? []).filter((w) => w !== done));
          reject(new StrataError('RPC_UNAVAILABLE', `${options.item} ${key} was not delivered within ${timeoutMs} ms`));
        }, timeoutMs);
        const done = (): void => {
          clearTimeout(timeout);
          resolve();
        };
        waiters.set(key, [...(waiters.get(key) ?? []), done]);
      });
    },
    settle(id) {
      const key = id.toLowerCase() as Hex;
      settled.add(key);
      for (const resolve of waiters.get(key) ?? []) resolve();
      waiters.delete(key);
    },
    forgetSettled() {
      settled.clear();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await current.catch(() => undefined);
    },
  };
}

/** What every devnet relayer exposes; `Pending` describes a message seen and not delivered yet. */
export interface DevnetRelayerView<Pending> {
  readonly paused: boolean;
  /** Message ids (LayerZero GUIDs, Axelar command ids) this relayer executed, in delivery order. */
  readonly delivered: readonly Hex[];
  /** Messages seen and not delivered yet (paused, or failing), in send order. */
  readonly pending: readonly Pending[];
  /** Message ids given up on. */
  readonly failed: readonly Hex[];
  /** Stops delivering; resolves once a delivery in flight has finished (nothing is delivered after that). */
  pause(): Promise<void>;
  /** Delivers again, starting with what queued up while paused. */
  resume(): void;
  /** One pass now (scan every chain, then deliver unless paused), after any pass in flight; returns the ids it delivered. */
  runOnce(): Promise<Hex[]>;
  /** Resolves when `id` is executed on its destination (by this relayer, or found executed). @throws StrataError RPC_UNAVAILABLE after `timeoutMs` (default 10 s) */
  waitForDelivery(id: Hex, timeoutMs?: number): Promise<void>;
  /** Stops polling and waits for a pass in flight. Safe to call twice. */
  stop(): Promise<void>;
}

/** The view of a relayer over its loop and its lists (copied on every read, so callers cannot change them). */
export function relayerView<Pending>(loop: RelayLoop, lists: { delivered: readonly Hex[]; failed: readonly Hex[]; pending: () => Pending[] }): DevnetRelayerView<Pending> {
  return {
    get paused() {
      return loop.paused;
    },
    get delivered() {
      return [...lists.delivered];
    },
    get pending() {
      return lists.pending();
    },
    get failed() {
      return [...lists.failed];
    },
    pause: () => loop.pause(),
    resume: () => loop.resume(),
    runOnce: () => loop.runOnce(),
    waitForDelivery: (id, timeoutMs) => loop.waitForDelivery(id, timeoutMs),
    stop: () => loop.stop(),
  };
}
