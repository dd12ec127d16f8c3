import type { z } from 'zod';
import { bytesToHex, randomBytes } from '@noble/hashes/utils.js';
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { Route } from '../../../shared/domain/route';
import { StrataError } from '../../../shared/errors';
import { readVersionedDocument, type VersionedDocument } from '../storage/readVersionedDocument';
import { ensurePrivateDir, removeStaleTempFiles, writeFileAtomic } from '../storage/atomicWrite';
import {
  STEP_TRANSITIONS,
  StepRecord,
  Transfer,
  TRANSFER_FILE_VERSION,
  TRANSFER_TRANSITIONS,
  TransferFile,
  type StepState,
  type TransferStatus,
} from '../../../shared/domain/transferRecord';

/** What a step transition may change besides the state. */
export type StepPatch = Partial<Pick<StepRecord, 'calls' | 'amountOut' | 'failure' | 'delayed' | 'startedAt' | 'trackingKey' | 'note'>>;

export interface TransferJournalOptions {
  /** Called after every committed change with a copy of the transfer as it now is. */
  onChange?: (transfer: Transfer) => void;
  now?: () => number;
}

const FILE = 'transfers.json';

/**
 * Multi-step transfers in `<dataDir>/transfers.json` (versioned, zod-validated on load and on every change, written
 * atomically with a backup `transfers.json.bak`). Writes run one at a time in call order and memory changes only after
 * the write succeeded, so every transition is one atomic write that the executor awaits BEFORE the side effect it
 * enables (a signed transaction is journaled before it is broadcast).
 */
export class TransferJournal {
  private transfers: Transfer[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  /** why the file was not used as is on open, or null */
  recovered: string | null = null;

  private constructor(
    private readonly dataDir: string,
    private readonly options: TransferJournalOptions,
  ) {}

  /** Opens (or starts) the journal of `dataDir`. @throws IO_ERROR (unreadable, or written by a newer Strata) */
  static async open(dataDir: string, options: TransferJournalOptions = {}): Promise<TransferJournal> {
    const journal = new TransferJournal(dataDir, options);
    await removeStaleTempFiles(dataDir, [FILE, `${FILE}.bak`]);
    const main = await readDocument(journal.path);
    if (main.kind === 'ok') journal.transfers = main.value.transfers;
    else if (main.kind === 'damaged') {
      const fallback = await readDocument(journal.backupPath);
      await rename(journal.path, `${journal.path}.damaged-${Date.now()}`).catch(() => undefined);
      journal.transfers = fallback.kind === 'ok' ? fallback.value.transfers : [];
      journal.recovered = `transfers.json was damaged (${main.reason}); ${fallback.kind === 'ok' ? 'restored from the backup' : 'the journal starts empty'}`;
    }
    return journal;
  }

  get path(): string {
    return join(this.dataDir, FILE);
  }

  private get backupPath(): string {
    return join(this.dataDir, `${FILE}.bak`);
  }

  /** Every transfer, newest first (creation time, then id). Deep copies. */
  list(): Transfer[] {
    return [...this.transfers].sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)).map(copy);
  }

  /** One transfer, or null. */
  get(id: string): Transfer | null {
    const found = this.transfers.find((t) => t.id === id);
    return found ? copy(found) : null;
  }

  /**
   * Records a confirmed route as a new `running` transfer, every step `pending`.
   * @throws INVALID_INPUT for a route that does not match the format or an id already used
   */
  create(route: Route, options: { id?: string; accountId?: string } = {}): Promise<Transfer> {
    return this.exclusive(async () => {
      const parsed = Route.safeParse(route);
      if (!parsed.success) throw new StrataError('INVALID_INPUT', 'Not a valid route', { details: parsed.error.message.slice(0, 2000) });
      const id = options.id ?? bytesToHex(randomBytes(16));
      if (this.transfers.some((t) => t.id === id)) throw new StrataError('INVALID_INPUT', 'A transfer with this id exists');
      const at = this.now();
      const transfer = this.validate({
        id,
        createdAt: at,
        updatedAt: at,
        route: parsed.data,
        ...(options.accountId === undefined ? {} : { accountId: options.accountId }),
        status: 'running',
        steps: parsed.data.steps.map((step, index) => ({
          index,
          state: 'pending',
          calls: [],
          amountIn: step.amountIn,
          amountOut: null,
          startedAt: null,
          updatedAt: at,
          expectedSeconds: step.etaSeconds,
          delayed: false,
          failure: null,
        })),
      });
      await this.commit([...this.transfers, transfer]);
      return this.changed(transfer);
    });
  }

  /**
   * Moves step `index` of a running transfer to `to` (or keeps its state when `to` equals it, for a patch alone:
   * delayed, calls), with the patch applied, in one atomic write.
   * @throws INVALID_INPUT unknown transfer/step; INTERNAL for an illegal transition, a transfer not running, or an
   *   invalid result — nothing changes then
   */
  updateStep(id: string, index: number, to: StepState, patch: StepPatch = {}): Promise<Transfer> {
    return this.exclusive(async () => {
      const position = this.indexOf(id);
      const current = this.transfers[position] as Transfer;
      const step = current.steps[index];
      if (step === undefined) throw new StrataError('INVALID_INPUT', 'The transfer has no such step');
      if (current.status !== 'running') throw new StrataError('INTERNAL', `Transfer ${id} is ${current.status}; its steps cannot change`);
      if (to !== step.state && !STEP_TRANSITIONS[step.state].includes(to)) {
        throw new StrataError('INTERNAL', `Illegal step transition ${step.state} -> ${to}`);
      }
      if (to === step.state && Object.keys(patch).length === 0) return copy(current);
      const at = this.now();
      const steps = [...current.steps];
      steps[index] = { ...step, ...patch, state: to, updatedAt: at };
      // The next step's input is this step's actual output, once known.
      const next = steps[index + 1];
      if (patch.amountOut !== undefined && patch.amountOut !== null && next !== undefined && next.state === 'pending') {
        steps[index + 1] = { ...next, amountIn: patch.amountOut };
      }
      const updated = this.validate({ ...current, steps, updatedAt: at });
      const all = [...this.transfers];
      all[position] = updated;
      await this.commit(all);
      return this.changed(updated);
    });
  }

  /** Ends a running transfer. @throws INTERNAL for an illegal status change (nothing changes) */
  finish(id: string, status: Exclude<TransferStatus, 'running'>): Promise<Transfer> {
    return this.exclusive(async () => {
      const position = this.indexOf(id);
      const current = this.transfers[position] as Transfer;
      if (!TRANSFER_TRANSITIONS[current.status].includes(status)) {
        throw new StrataError('INTERNAL', `Illegal transfer status change ${current.status} -> ${status}`);
      }
      const updated = this.validate({ ...current, status, updatedAt: this.now() });
      const all = [...this.transfers];
      all[position] = updated;
      await this.commit(all);
      return this.changed(updated);
    });
  }

  private indexOf(id: string): number {
    const position = this.transfers.findIndex((t) => t.id === id);
    if (position < 0) throw new StrataError('INVALID_INPUT', 'No transfer has this id');
    return position;
  }

  private validate(candidate: unknown): Transfer {
    const parsed = Transfer.safeParse(candidate);
    if (!parsed.success) throw new StrataError('INTERNAL', 'The transfer change does not match the format', { details: parsed.error.message.slice(0, 2000) });
    // A failed step always says where the funds are; any other step says nothing of the kind.
    if (parsed.data.steps.some((s) => (s.state === 'failed') !== (s.failure !== null))) {
      throw new StrataError('INTERNAL', 'A failed step, and only a failed step, carries its failure');
    }
    return parsed.data;
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private changed(transfer: Transfer): Transfer {
    try {
      this.options.onChange?.(copy(transfer));
    } catch {
      // A listener's failure must not undo a committed change, nor fail the caller that made it.
    }
    return copy(transfer);
  }

  private async commit(next: Transfer[]): Promise<void> {
    await ensurePrivateDir(this.dataDir);
    try {
      await writeFileAtomic(this.path, JSON.stringify({ version: TRANSFER_FILE_VERSION, transfers: next }, null, 1) + '\n', { backup: this.backupPath });
    } catch (error) {
      throw new StrataError('IO_ERROR', 'The transfer journal could not be saved', { cause: error });
    }
    this.transfers = next;
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const result = this.queue.then(task);
    this.queue = result.catch(() => undefined);
    return result;
  }
}

function copy(transfer: Transfer): Transfer {
  return structuredClone(transfer);
}

function readDocument(path: string): Promise<VersionedDocument<z.infer<typeof TransferFile>>> {
  // Version 1 is the only format so far; a change adds numbered migrations here.
  return readVersionedDocument(path, {
    label: 'transfer journal',
    currentVersion: TRANSFER_FILE_VERSION,
    schema: TransferFile,
    mismatch: 'transfers do not match the format',
  });
}
