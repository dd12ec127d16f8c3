import type { Clock } from '../app/ports';

/**
 * Locks after a period without user activity. `touch()` is cheap: it only records the time; the timer re-arms
 * itself when it fires early, so a busy user does not cause a clearTimeout/setTimeout pair per keystroke.
 */
export class AutoLock {
  private minutes = 0;
  private lastActivity = 0;
  private handle: unknown;

  constructor(
    private readonly clock: Clock,
    private readonly onIdle: () => void,
  ) {}

  /** Starts (or restarts) the countdown; 0 minutes disables auto-lock. */
  arm(minutes: number): void {
    this.disarm();
    this.minutes = minutes;
    this.lastActivity = this.clock.now();
    if (minutes > 0) this.schedule(minutes * 60_000);
  }

  disarm(): void {
    if (this.handle !== undefined) this.clock.clearTimeout(this.handle);
    this.handle = undefined;
  }

  touch(): void {
    this.lastActivity = this.clock.now();
  }

  /** When the lock fires if nothing else happens (ms since epoch), or null when disarmed. */
  lockAt(): number | null {
    return this.handle === undefined ? null : this.lastActivity + this.minutes * 60_000;
  }

  private schedule(ms: number): void {
    this.handle = this.clock.setTimeout(() => this.fire(), ms);
  }

  private fire(): void {
    this.handle = undefined;
    const remaining = this.lastActivity + this.minutes * 60_000 - this.clock.now();
    if (remaining > 0) {
      this.schedule(remaining);
      return;
    }
    this.onIdle();
  }
}
