/**
 * Throttling of password guesses. The first FREE_FAILURES wrong passwords in a row cost only scrypt's time; after
 * that each attempt must wait 1 s, then 2 s, 4 s, … up to 5 minutes after the last failure. A right password resets
 * the count (the file is deleted). The state lives in `<dir>/unlock-throttle.json` (atomic writes), so restarting
 * the app or the CLI does not reset it.
 *
 * The state file is not secret and not authenticated: whoever can write the data directory can also copy the vault
 * and guess offline, so the throttle only has to hold against a guesser that goes through the app (a compromised
 * renderer, a script driving the CLI).
 */
import { readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { StrataError } from '../../../shared/errors';
import { ensurePrivateDir, writeFileAtomic } from '../storage/atomicWrite';

export const THROTTLE_FILE_NAME = 'unlock-throttle.json';
/** Wrong passwords in a row that are not delayed. */
export const FREE_FAILURES = 5;
export const FIRST_DELAY_MS = 1_000;
export const MAX_DELAY_MS = 5 * 60_000;

export interface ThrottleState {
  /** wrong passwords in a row */
  failures: number;
  /** epoch ms of the last wrong password */
  lastFailureAt: number;
}

const StateSchema = z.strictObject({
  version: z.literal(1),
  failures: z.number().int().min(0),
  lastFailureAt: z.number().int().min(0),
});

const NO_FAILURES: ThrottleState = Object.freeze({ failures: 0, lastFailureAt: 0 });

/** How long to wait after the last failure before the next attempt, for `failures` wrong passwords in a row (ms). */
export function throttleDelayMs(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(FIRST_DELAY_MS * 2 ** (failures - FREE_FAILURES), MAX_DELAY_MS);
}

export class UnlockThrottle {
  private readonly path: string;
  /** the last state written, used when the file cannot be written (read-only disk): the count still holds */
  private memory: ThrottleState = NO_FAILURES;

  constructor(
    private readonly dir: string,
    private readonly now: () => number,
  ) {
    this.path = join(dir, THROTTLE_FILE_NAME);
  }

  /** Milliseconds until the next attempt is allowed (0 when it is allowed now). */
  async waitMs(): Promise<number> {
    const state = await this.load();
    const delay = throttleDelayMs(state.failures);
    if (delay === 0) return 0;
    // A clock set back must not turn the wait into hours: never wait longer than the delay itself.
    return Math.max(0, Math.min(delay, state.lastFailureAt + delay - this.now()));
  }

  /** UNLOCK_THROTTLED (the message says how many seconds to wait) when an attempt is not allowed yet. */
  async assertAllowed(): Promise<void> {
    const wait = await this.waitMs();
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      throw new StrataError('UNLOCK_THROTTLED', `Too many wrong passwords; try again in ${seconds} s`, {
        details: JSON.stringify({ retryAfterMs: wait }),
      });
    }
  }

  async recordFailure(): Promise<void> {
    const state = await this.load();
    await this.save({ failures: state.failures + 1, lastFailureAt: this.now() });
  }

  async recordSuccess(): Promise<void> {
    const state = await this.load();
    if (state.failures === 0) return;
    this.memory = NO_FAILURES;
    await unlink(this.path).catch(() => undefined);
  }

  private async load(): Promise<ThrottleState> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch {
      return this.memory;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
    const result = StateSchema.safeParse(parsed);
    // A damaged file counts as the free failures used up: deleting or garbling it must not buy extra guesses.
    if (!result.success) return { failures: Math.max(this.memory.failures, FREE_FAILURES), lastFailureAt: this.memory.lastFailureAt };
    const fromFile = { failures: result.data.failures, lastFailureAt: result.data.lastFailureAt };
    return fromFile.failures >= this.memory.failures ? fromFile : this.memory;
  }

  private async save(state: ThrottleState): Promise<void> {
    this.memory = state;
    try {
      await ensurePrivateDir(this.dir);
      await writeFileAtomic(this.path, `${JSON.stringify({ version: 1, ...state })}\n`);
    } catch {
      // Kept in memory for this process; the vault itself is unaffected by a throttle file that cannot be written.
    }
  }
}
