import { formatAmount } from '../../../shared/amounts';
import type { Route, RouteStep } from '../../../shared/domain/route';
import { StrataError } from '../../../shared/errors';
import type { CallReceipt, CallStatus, FailureReport, StepContext, StepRunner } from './stepRunner';
import type { TransferJournal } from './transferJournal';
import type { CallRecord, StepFailure, StepRecord, Transfer } from '../../../shared/domain/transferRecord';

/** How long to wait between two looks at a transaction or a delivery: 1 s. */
export const DEFAULT_POLL_MS = 1000;
/** A step is `delayed` once it has run for longer than its expected seconds × this factor. */
export const DEFAULT_DELAY_FACTOR = 3;

export interface RunTransferOptions {
  journal: TransferJournal;
  /** The runner of a route step (by provider, or by index in tests). */
  runnerFor: (step: RouteStep, index: number, transfer: Transfer) => StepRunner;
  /** Called after every journal write of the transfer, with the transfer as it now is. */
  onProgress?: (transfer: Transfer) => void;
  pollMs?: number;
  delayFactor?: number;
  now?: () => number;
}

/** Transfers being driven in this process, per journal: a second run of one joins the first, so nothing runs twice. */
const active = new WeakMap<TransferJournal, Map<string, Promise<Transfer>>>();

/**
 * Records the confirmed route as a new transfer and runs it to its end.
 * @returns the transfer as it ended (completed, failed, needs-attention)
 * @throws INVALID_INPUT (not a route); RPC_UNAVAILABLE and IO_ERROR leave it `running` for resumeTransfers
 */
export async function startTransfer(route: Route, options: RunTransferOptions & { id?: string; accountId?: string }): Promise<Transfer> {
  const created = await options.journal.create(route, { id: options.id, accountId: options.accountId });
  options.onProgress?.(created);
  return runTransfer(created.id, options);
}

/**
 * Runs (or continues) a transfer from its journal state until it ends: steps in order, each one's transactions
 * journaled as signed BEFORE their broadcast, a signed transaction re-broadcast byte for byte (never re-built) on
 * resume, a submitted one waited for, a delivery tracked. A step that runs longer than expected × delayFactor is
 * marked `delayed`; a failed step ends the transfer with where the funds are and what to do.
 * @throws INVALID_INPUT unknown id; RPC_UNAVAILABLE / IO_ERROR (the transfer stays `running`; resume it later)
 */
export function runTransfer(id: string, options: RunTransferOptions): Promise<Transfer> {
  let running = active.get(options.journal);
  if (running === undefined) {
    running = new Map();
    active.set(options.journal, running);
  }
  const existing = running.get(id);
  if (existing !== undefined) return existing;
  const map = running;
  const run = drive(id, options).finally(() => map.delete(id));
  map.set(id, run);
  return run;
}

/**
 * On start: continues every `running` transfer of the journal (concurrently) from where its journal stands.
 * @returns one result per transfer: its end state, or the error that left it running
 */
export async function resumeTransfers(options: RunTransferOptions): Promise<Array<{ id: string; transfer: Transfer | null; error: StrataError | null }>> {
  const running = options.journal.list().filter((t) => t.status === 'running');
  return Promise.all(
    running.map(async ({ id }) => {
      try {
        return { id, transfer: await runTransfer(id, options), error: null };
      } catch (error) {
        const known = error instanceof StrataError ? error : new StrataError('INTERNAL', 'Unexpected error while resuming a transfer', { cause: error });
        return { id, transfer: null, error: known };
      }
    }),
  );
}

async function drive(id: string, options: RunTransferOptions): Promise<Transfer> {
  const first = options.journal.get(id);
  if (first === null) throw new StrataError('INVALID_INPUT', 'No transfer has this id');
  if (first.status !== 'running') return first;
  for (let index = 0; index < first.steps.length; index++) {
    const outcome = await new StepDriver(id, index, options).run();
    if (outcome === 'failed') {
      const latest = current(options.journal, id);
      const reachedChain = latest.steps.some((s) => s.calls.some((c) => c.blockNumber !== null));
      // Nothing was mined: the funds never moved, the transfer simply failed; otherwise the user must look.
      return write(options, () => options.journal.finish(id, reachedChain ? 'needs-attention' : 'failed'));
    }
  }
  return write(options, () => options.journal.finish(id, 'completed'));
}

function current(journal: TransferJournal, id: string): Transfer {
  const transfer = journal.get(id);
  if (transfer === null) throw new StrataError('INTERNAL', 'A running transfer left the journal');
  return transfer;
}

async function write(options: RunTransferOptions, change: () => Promise<Transfer>): Promise<Transfer> {
  const transfer = await change();
  try {
    options.onProgress?.(transfer);
  } catch {
    // A listener's failure must not stop the transfer.
  }
  return transfer;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Drives one step from its journal state to `done` (confirmed, or delivered) or `failed`. */
class StepDriver {
  private readonly runner: StepRunner;
  private readonly step: RouteStep;
  private readonly pollMs: number;
  private readonly delayFactor: number;
  private readonly now: () => number;

  constructor(
    private readonly id: string,
    private readonly index: number,
    private readonly options: RunTransferOptions,
  ) {
    const transfer = current(options.journal, id);
    this.step = transfer.route.steps[index] as RouteStep;
    this.runner = options.runnerFor(this.step, index, transfer);
    this.pollMs = options.pollMs ?? DEFAULT_POLL_MS;
    this.delayFactor = options.delayFactor ?? DEFAULT_DELAY_FACTOR;
    this.now = options.now ?? Date.now;
  }

  private record(): StepRecord {
    return current(this.options.journal, this.id).steps[this.index] as StepRecord;
  }

  private update(to: StepRecord['state'], patch: Parameters<TransferJournal['updateStep']>[3] = {}): Promise<Transfer> {
    return write(this.options, () => this.options.journal.updateStep(this.id, this.index, to, patch));
  }

  private async context(record: StepRecord): Promise<StepContext> {
    const confirmed: CallReceipt[] = [];
    for (const call of record.calls.filter((c) => c.state === 'confirmed')) {
      const status = await this.runner.transport.status(call);
      if (status.kind === 'mined') confirmed.push(status.receipt);
    }
    return { transferId: this.id, step: this.step, record, amountIn: BigInt(record.amountIn), confirmed };
  }

  async run(): Promise<'done' | 'failed'> {
    for (;;) {
      const record = this.record();
      switch (record.state) {
        case 'delivered':
          return 'done';
        case 'failed':
          return 'failed';
        case 'confirmed':
          if (this.runner.trackDelivery === undefined) return 'done';
          await this.update('delivering');
          break;
        case 'delivering':
          await this.track(record);
          break;
        case 'pending':
          await this.signNext(record, record.calls);
          break;
        case 'signed':
          await this.broadcastSigned(record);
          break;
        case 'submitted':
          await this.awaitReceipt(record);
          break;
      }
    }
  }

  /** Signs the step's next call and journals it (state `signed`) BEFORE anything is broadcast; none left -> confirmed. */
  private async signNext(record: StepRecord, calls: CallRecord[]): Promise<void> {
    const withCalls: StepRecord = { ...record, calls };
    const startedAt = record.startedAt ?? this.now();
    let ctx: StepContext;
    let signed;
    try {
      ctx = await this.context(withCalls);
      const next = await this.runner.nextCall(ctx);
      if (next === null) {
        const amountOut = this.runner.amountOut ? await this.runner.amountOut(ctx) : null;
        await this.update('confirmed', { calls, startedAt, amountOut: amountOut === null ? null : amountOut.toString() });
        return;
      }
      signed = await this.runner.transport.sign(next);
      const call: CallRecord = {
        label: next.label.slice(0, 64),
        chain: signed.chain,
        from: signed.from,
        nonce: signed.nonce.toString(),
        hash: signed.hash,
        raw: signed.raw,
        state: 'signed',
        blockNumber: null,
        signedAt: this.now(),
      };
      // Journaled with the call so a resume tracks from it (LayerZero: the destination block seen before the send).
      const trackingKey = next.trackingKey?.slice(0, TRACKING_KEY_MAX);
      await this.update('signed', { calls: [...calls, call], startedAt, ...(trackingKey === undefined ? {} : { trackingKey }) });
    } catch (error) {
      if (transient(error)) throw error;
      await this.fail(withCalls, 'refused', messageOf(error, 'The step could not be prepared'), calls);
    }
  }

  /** A journaled signed call: if the chain has it, go on from there; else send the SAME bytes (same hash). */
  private async broadcastSigned(record: StepRecord): Promise<void> {
    const calls = record.calls;
    const last = calls[calls.length - 1];
    if (last === undefined) throw new StrataError('INTERNAL', 'A signed step has no call');
    const status = await this.runner.transport.status(last);
    if (await this.settle(record, status)) return;
    try {
      await this.runner.transport.broadcast(last);
    } catch (error) {
      if (transient(error)) throw error;
      // A refusal can also mean it was mined in between ("nonce too low"): look once more before calling it refused.
      const again = await this.runner.transport.status(last);
      if (await this.settle(record, again)) return;
      await this.fail(record, 'refused', messageOf(error, 'The node refused the transaction'), withLast(calls, { state: 'failed' }));
      return;
    }
    await this.update('submitted', { calls: withLast(calls, { state: 'submitted' }) });
  }

  private async awaitReceipt(record: StepRecord): Promise<void> {
    const last = record.calls[record.calls.length - 1];
    if (last === undefined) throw new StrataError('INTERNAL', 'A submitted step has no call');
    const status = await this.runner.transport.status(last);
    if (await this.settle(record, status)) return;
    // The node lost it (restart, eviction): the same bytes again, harmless if it has them.
    if (status.kind === 'unknown') await this.runner.transport.broadcast(last).catch(() => undefined);
    await this.waitABit(record);
  }

  /**
   * Acts on a looked-up status: mined -> the call confirmed (next call, or the step confirmed) or failed (reverted);
   * replaced -> failed (dropped). @returns false when there is nothing to act on yet (pending, unknown)
   */
  private async settle(record: StepRecord, status: CallStatus): Promise<boolean> {
    if (status.kind === 'pending' || status.kind === 'unknown') return false;
    if (status.kind === 'replaced') {
      await this.fail(record, 'dropped', 'Another transaction used this nonce: the step was never mined', withLast(record.calls, { state: 'failed' }));
      return true;
    }
    const block = status.receipt.blockNumber.toString();
    if (status.receipt.status === 0) {
      await this.fail(record, 'reverted', 'The transaction reverted on chain (the fee was still paid)', withLast(record.calls, { state: 'failed', blockNumber: block }));
      return true;
    }
    await this.signNext(record, withLast(record.calls, { state: 'confirmed', blockNumber: block }));
    return true;
  }

  private async track(record: StepRecord): Promise<void> {
    const track = this.runner.trackDelivery;
    if (track === undefined) throw new StrataError('INTERNAL', 'A delivering step has no tracker');
    const tracked = await track(await this.context(record));
    const look = typeof tracked === 'string' ? { state: tracked } : tracked;
    if (look.state === 'delivered') await this.update('delivered', record.note === undefined ? {} : { note: undefined });
    else if (look.state === 'failed') {
      // The bridge's own words say what failed and where (a refund, a stuck transfer): keep them in the journal.
      const said = look.detail?.trim();
      await this.fail(record, 'delivery', said ? `The bridge reports that the delivery failed: ${said}` : 'The bridge reports that the delivery failed', record.calls);
    } else await this.waitABit(record, look.stalled === true, look.detail);
  }

  /**
   * Sleeps one poll period, first marking the step delayed once it has run past its expected time × the factor, or
   * at once when the bridge says the delivery is stalled (held until the protocol's retry goes through). While
   * delayed, the bridge's `detail` is kept as the step's note: the user sees why, not only "taking longer".
   */
  private async waitABit(record: StepRecord, stalled = false, detail?: string): Promise<void> {
    const limitMs = Math.max(record.expectedSeconds, 1) * 1000 * this.delayFactor;
    const late = record.delayed || (record.startedAt !== null && (stalled || this.now() - record.startedAt > limitMs));
    const note = detail?.trim().slice(0, NOTE_MAX) || undefined;
    if (late && (!record.delayed || (note !== undefined && note !== record.note))) {
      await this.update(record.state, note === undefined ? { delayed: true } : { delayed: true, note });
    }
    await sleep(this.pollMs);
  }

  private async fail(record: StepRecord, reason: StepFailure['reason'], message: string, calls: CallRecord[]): Promise<void> {
    const ctx: StepContext = { transferId: this.id, step: this.step, record: { ...record, calls }, amountIn: BigInt(record.amountIn), confirmed: [] };
    const report = this.runner.describeFailure?.(ctx, reason) ?? defaultFailure(this.step, record, this.runner.transport.from, reason);
    const failure: StepFailure = { reason, message: message.slice(0, 500), fundsAt: report.fundsAt, action: report.action, summary: report.summary.slice(0, 500) };
    await this.update('failed', { calls, failure, startedAt: record.startedAt ?? this.now() });
  }
}

/** The default "where are the funds": the step's input, still with the sender on the step's source chain. */
export function defaultFailure(step: RouteStep, record: StepRecord, address: string, reason: StepFailure['reason']): FailureReport {
  const amount = record.amountIn;
  const words = `${formatAmount(BigInt(amount), step.assetIn.decimals)} ${step.assetIn.symbol}`;
  if (reason === 'delivery') {
    return {
      fundsAt: { chain: step.toChain, asset: step.assetOut, address, amount: null },
      action: 'contact-support',
      summary: `${words} left ${address} on ${step.fromChain}, and the bridge reports the delivery to ${step.toChain} failed`,
    };
  }
  return {
    fundsAt: { chain: step.fromChain, asset: step.assetIn, address, amount },
    action: 'retry',
    summary: `${words} is still at ${address} on ${step.fromChain}; nothing of this step moved`,
  };
}

/** The journal's step record keeps at most this many characters of a bridge's note. */
const NOTE_MAX = 300;

/** The journal's step record keeps at most this many characters of a tracking key (StepRecord.trackingKey). */
const TRACKING_KEY_MAX = 200;

function withLast(calls: CallRecord[], patch: Partial<CallRecord>): CallRecord[] {
  if (calls.length === 0) return calls;
  return [...calls.slice(0, -1), { ...(calls[calls.length - 1] as CallRecord), ...patch }];
}

/**
 * Errors that mean "the chain or the step will not take this": the step fails. Anything else (RPC_UNAVAILABLE,
 * IO_ERROR, a locked vault, an unexpected error) leaves the step where it is for a later resume: its outcome is
 * unknown, and calling it failed could make the user retry something that went through.
 */
// NO_ROUTE: a bridge path became unusable after the review (an OFT peer unwired): refuse before signing.
const REFUSALS: ReadonlySet<string> = new Set(['TX_FAILED', 'TX_REJECTED', 'INSUFFICIENT_FUNDS', 'INVALID_AMOUNT', 'INVALID_ADDRESS', 'UNKNOWN_ASSET', 'NO_ROUTE']);

function transient(error: unknown): boolean {
  return !(error instanceof StrataError && REFUSALS.has(error.code));
}

function messageOf(error: unknown, fallback: string): string {
  return error instanceof StrataError ? error.message : fallback;
}
