import type { DriftReport } from '../../../shared/rebalance/rebalanceSchemas';
import type { Clock } from '../app/ports';

/** Six hours, the default period of the scheduled drift check. */
export const DEFAULT_DRIFT_CHECK_MS = 6 * 3_600_000;
/**
 * The longest single timer: Node and browsers fire a timeout above 2^31-1 ms after 1 ms instead (a refresh every
 * millisecond), and the saved period may be 30 days. Longer periods are waited out in pieces.
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;

export interface DriftWatchOptions {
  clock: Clock;
  /** the drift now with the saved check period, or null when it cannot be known (locked, no target saved) */
  check(): Promise<(DriftReport & { checkEveryHours: number }) | null>;
  /** brings balances up to date before a scheduled check (a portfolio refresh) */
  refresh?(): Promise<unknown>;
  /** called when assets leave their band (not again for the same assets until they are back inside) */
  onDrift(report: DriftReport): void;
}

/**
 * The scheduled drift check: every `checkEveryHours` of the saved rules (6 h until a check has read them), and after
 * each portfolio refresh (`poke`). It tells once per episode: `onDrift` runs when the set of assets outside their
 * band becomes non-empty or changes, not on every check while it stays the same, so a refresh every minute does not
 * notify every minute. Failures of a check are ignored: the next one tries again.
 */
export class DriftWatch {
  private timer: unknown = null;
  private periodMs = DEFAULT_DRIFT_CHECK_MS;
  /** when the next scheduled check is due (clock ms) */
  private dueAt = 0;
  private told = '';
  private checking: Promise<void> | null = null;
  private stopped = true;

  constructor(private readonly options: DriftWatchOptions) {}

  start(): void {
    this.stopped = false;
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) this.options.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  /** Checks now (after a portfolio refresh); a check already running is not started twice. Never rejects. */
  poke(): Promise<void> {
    // Callers fire and forget (`void poke()`): a throwing onDrift must not become an unhandled rejection.
    this.checking ??= this.checkOnce().catch(() => undefined).finally(() => {
      this.checking = null;
    });
    return this.checking;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.dueAt = this.options.clock.now() + this.periodMs;
    this.arm();
  }

  /** One timer towards `dueAt`, at most MAX_TIMER_MS long; a piece that ends early arms the next one. */
  private arm(): void {
    if (this.timer !== null) this.options.clock.clearTimeout(this.timer);
    const wait = Math.min(Math.max(this.dueAt - this.options.clock.now(), 0), MAX_TIMER_MS);
    this.timer = this.options.clock.setTimeout(() => {
      this.timer = null;
      if (this.stopped) return;
      if (this.options.clock.now() < this.dueAt) return this.arm();
      void this.tick();
    }, wait);
  }

  private async tick(): Promise<void> {
    try {
      await this.options.refresh?.().catch(() => undefined);
      await this.poke();
    } catch {
      // A check that throws (onDrift, a notification) must not end the schedule; the next period tries again.
    } finally {
      this.schedule();
    }
  }

  private async checkOnce(): Promise<void> {
    let report: (DriftReport & { checkEveryHours: number }) | null;
    try {
      report = await this.options.check();
    } catch {
      return;
    }
    if (report === null) return;
    const period = Math.round(report.checkEveryHours * 3_600_000);
    if (period !== this.periodMs) {
      this.periodMs = period;
      this.schedule();
    }
    const { checkEveryHours: _period, ...drift } = report;
    const outside = [...drift.outOfBand].sort().join('|');
    const tell = outside !== '' && outside !== this.told;
    // Told even if onDrift throws: an episode is told at most once, not retried on every refresh.
    this.told = outside;
    if (tell) this.options.onDrift(drift);
  }
}
