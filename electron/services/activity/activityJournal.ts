import { join } from 'node:path';
import { ActivityEntry, type ActivityStatus } from '../../../shared/domain/send';
import { StrataError, type ErrorCode } from '../../../shared/errors';
import type { ChainEndpoint, TransactionStatus } from '../chains/chainAdapter';
import { ensurePrivateDir, removeStaleTempFiles, writeFileAtomic } from '../storage/atomicWrite';
import { ACTIVITY_FILE_VERSION, loadActivityFile } from './activityFile';

/** What may change in an entry after it was recorded. */
export type ActivityPatch = Partial<Pick<ActivityEntry, 'status' | 'fee' | 'blockNumber' | 'error' | 'hash' | 'nonce'>>;

/** The part of a chain adapter the recheck needs; `sentAt` lets an EVM adapter time the dropped grace period. */
export interface StatusSource {
  getTransactionStatus(target: ChainEndpoint, hash: string, nonce: bigint, from: string, options?: { sentAt?: number }): Promise<TransactionStatus>;
}

/** Where a chain's transactions are looked up; null for a chain the app no longer knows (its entries stay pending). */
export type AdapterFor = (chain: string) => { adapter: StatusSource; target: ChainEndpoint } | null;

export interface RecheckResult {
  checked: number;
  changed: ActivityEntry[];
  /** entries that could not be checked now (RPC down…); they stay pending */
  errors: Array<{ id: string; code: ErrorCode; message: string }>;
}

export interface ActivityJournalOptions {
  /** Called after every committed change with the entry as it now is. */
  onChange?: (entry: ActivityEntry) => void;
  now?: () => number;
}

const FILE = 'activity.json';

/**
 * The wallet's own transactions in `<dataDir>/activity.json` (versioned, validated with zod on load, written
 * atomically with a backup). Writes run one at a time in call order; memory changes only after the write succeeded.
 *
 * Crash ordering for sends: the entry is recorded `pending` with its precomputed hash BEFORE the broadcast, so a crash
 * right after the broadcast never loses it; a broadcast that fails marks it `failed`; `recheck()` on start settles
 * every pending entry against its chain.
 */
export class ActivityJournal {
  private entries: ActivityEntry[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  /** why the file was not used as is on open, or null */
  recovered: string | null = null;

  private constructor(
    private readonly dataDir: string,
    private readonly options: ActivityJournalOptions,
  ) {}

  /** Opens (or starts) the journal of `dataDir`. @throws IO_ERROR (unreadable, or written by a newer Strata) */
  static async open(dataDir: string, options: ActivityJournalOptions = {}): Promise<ActivityJournal> {
    const journal = new ActivityJournal(dataDir, options);
    await removeStaleTempFiles(dataDir, [FILE, `${FILE}.bak`]);
    const loaded = await loadActivityFile(journal.path, journal.backupPath);
    journal.entries = loaded.entries;
    journal.recovered = loaded.recovered;
    return journal;
  }

  private get path(): string {
    return join(this.dataDir, FILE);
  }

  private get backupPath(): string {
    return join(this.dataDir, `${FILE}.bak`);
  }

  /** Every entry, newest first (by creation time, then by id for a stable order). Copies. */
  list(): ActivityEntry[] {
    return [...this.entries]
      .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
      .map((entry) => ({ ...entry, asset: { ...entry.asset } }));
  }

  /** One entry by id, or null. */
  get(id: string): ActivityEntry | null {
    const found = this.entries.find((entry) => entry.id === id);
    return found ? { ...found, asset: { ...found.asset } } : null;
  }

  /** Adds an entry. @throws INVALID_INPUT for an entry that does not match the format or an id already used */
  record(entry: ActivityEntry): Promise<ActivityEntry> {
    return this.exclusive(async () => {
      const parsed = ActivityEntry.safeParse(entry);
      if (!parsed.success) throw new StrataError('INVALID_INPUT', 'Not a valid activity entry', { details: parsed.error.message.slice(0, 2000) });
      if (this.entries.some((e) => e.id === parsed.data.id)) throw new StrataError('INVALID_INPUT', 'An activity entry with this id exists');
      await this.commit([...this.entries, parsed.data]);
      return this.changed(parsed.data);
    });
  }

  /** Changes an entry (updatedAt is set to now). @throws INVALID_INPUT for an unknown id or an invalid result */
  update(id: string, patch: ActivityPatch): Promise<ActivityEntry> {
    return this.exclusive(async () => {
      const index = this.entries.findIndex((e) => e.id === id);
      if (index < 0) throw new StrataError('INVALID_INPUT', 'No activity entry has this id');
      const parsed = ActivityEntry.safeParse({ ...this.entries[index], ...pick(patch), updatedAt: this.now() });
      if (!parsed.success) throw new StrataError('INVALID_INPUT', 'Not a valid activity change', { details: parsed.error.message.slice(0, 2000) });
      const next = [...this.entries];
      next[index] = parsed.data;
      await this.commit(next);
      return this.changed(parsed.data);
    });
  }

  /**
   * Looks up every pending entry on its chain once (run it on start, and now and then while entries are pending):
   * pending -> confirmed (block, fee paid), failed, or dropped. Entries whose chain is unknown or unreachable stay
   * pending and are reported in `errors`.
   */
  async recheck(adapterFor: AdapterFor): Promise<RecheckResult> {
    const pending = this.entries.filter((entry) => entry.status === 'pending');
    const result: RecheckResult = { checked: 0, changed: [], errors: [] };
    await Promise.all(
      pending.map(async (entry) => {
        const source = adapterFor(entry.chain);
        if (source === null) {
          result.errors.push({ id: entry.id, code: 'UNKNOWN_CHAIN', message: `Chain ${entry.chain} is not configured` });
          return;
        }
        let status: TransactionStatus;
        try {
          status = await source.adapter.getTransactionStatus(source.target, entry.hash, BigInt(entry.nonce), entry.from, { sentAt: entry.createdAt });
        } catch (error) {
          const known = error instanceof StrataError ? error : new StrataError('INTERNAL', 'Unexpected error while checking a transaction');
          result.errors.push({ id: entry.id, code: known.code, message: known.message });
          return;
        }
        result.checked += 1;
        const patch = patchFor(status);
        if (patch === null) return;
        result.changed.push(await this.update(entry.id, patch));
      }),
    );
    return result;
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private changed(entry: ActivityEntry): ActivityEntry {
    const copy = { ...entry, asset: { ...entry.asset } };
    try {
      this.options.onChange?.({ ...copy, asset: { ...copy.asset } });
    } catch {
      // A listener's failure must not undo a committed change, nor fail the caller that made it.
    }
    return copy;
  }

  private async commit(next: ActivityEntry[]): Promise<void> {
    await ensurePrivateDir(this.dataDir);
    try {
      await writeFileAtomic(this.path, JSON.stringify({ version: ACTIVITY_FILE_VERSION, entries: next }, null, 1) + '\n', { backup: this.backupPath });
    } catch (error) {
      throw new StrataError('IO_ERROR', 'The activity journal could not be saved', { cause: error });
    }
    this.entries = next;
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const result = this.queue.then(task);
    this.queue = result.catch(() => undefined);
    return result;
  }
}

function pick(patch: ActivityPatch): ActivityPatch {
  const out: ActivityPatch = {};
  for (const key of ['status', 'fee', 'blockNumber', 'error', 'hash', 'nonce'] as const) {
    if (patch[key] !== undefined) (out as Record<string, unknown>)[key] = patch[key];
  }
  return out;
}

/** The journal change a chain status calls for; null while it is still pending. */
export function patchFor(status: TransactionStatus): ActivityPatch | null {
  const settled: ActivityStatus = status.status;
  if (settled === 'pending') return null;
  const patch: ActivityPatch = { status: settled, error: status.error };
  if (status.blockNumber !== null) patch.blockNumber = status.blockNumber.toString();
  if (status.feePaid !== null) patch.fee = status.feePaid.toString();
  // Nothing was paid for a transaction that never made it into a block.
  if (settled === 'dropped') patch.fee = '0';
  return patch;
}
