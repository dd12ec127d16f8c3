import type { Portfolio } from '../../../shared/domain/portfolio';
import type { Clock } from '../app/ports';

/** Two minutes between background refreshes while every chain answers: balances a user can trust at a glance,
 * without asking public endpoints more than about 30 times an hour per chain. */
export const DEFAULT_BALANCE_REFRESH_MS = 120_000;
/** The longest wait after failures (doubling from the interval): an endpoint that is down is asked every 30 minutes. */
export const MAX_BALANCE_REFRESH_BACKOFF_MS = 30 * 60_000;

export interface BalanceRefresherOptions {
  clock: Clock;
  /** one portfolio refresh (the wallet's, which shares a running refresh) */
  refresh(): Promise<Portfolio>;
  /** the user's setting, read before each scheduled refresh: off means the schedule runs but reads nothing */
  enabled(): Promise<boolean>;
  intervalMs?: number;
  maxBackoffMs?: number;
}

/**
 * Live balances while the vault is unlocked: a refresh at once on `start` (an unlock), then one every `intervalMs`.
 * A refresh that throws or reports a chain error doubles the wait, up to `maxBackoffMs`; a clean one restores the
 * interval. `stop` (a lock) cancels the timer; a refresh already running finishes but schedules nothing.
 */
export class BalanceRefresher {
  private timer: unknown = null;
  private running = false;
  /** bumped by start and stop: a refresh that outlives its run schedules nothing */
  private generation = 0;
  private delayMs: number;
  private readonly intervalMs: number;
  private readonly maxBackoffMs: number;

  constructor(private readonly options: BalanceRefresherOptions) {
    this.intervalMs = options.intervalMs ?? DEFAULT_BALANCE_REFRESH_MS;
    this.maxBackoffMs = Math.max(options.maxBackoffMs ?? MAX_BALANCE_REFRESH_BACKOFF_MS, this.intervalMs);
    this.delayMs = this.intervalMs;
  }

  /** the wait before the next scheduled refresh, in ms (grows while refreshes fail) */
  get nextDelayMs(): number {
    return this.delayMs;
  }

  get active(): boolean {
    return this.running;
  }

  /** Refreshes now and keeps refreshing (after an unlock). Returns when the first refresh is done; never rejects. */
  start(): Promise<void> {
    this.stop();
    this.running = true;
    this.delayMs = this.intervalMs;
    return this.tick(this.generation);
  }

  stop(): void {
    this.running = false;
    this.generation += 1;
    if (this.timer !== null) this.options.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  private async tick(generation: number): Promise<void> {
    this.timer = null;
    let failed = false;
    try {
      if (await this.options.enabled()) {
        const portfolio = await this.options.refresh();
        failed = portfolio.errors.length > 0 || portfolio.pricesStale;
      }
    } catch {
      failed = true;
    }
    if (!this.running || generation !== this.generation) return;
    this.delayMs = failed ? Math.min(this.delayMs * 2, this.maxBackoffMs) : this.intervalMs;
    this.timer = this.options.clock.setTimeout(() => void this.tick(generation), this.delayMs);
  }
}
