/**
 * The live-balance schedule on a manual clock: a refresh at once on start, one per interval while every chain
 * answers, doubling waits while chains fail (capped), back to the interval after a clean refresh, nothing while the
 * setting is off, and nothing after stop (a lock), not even from a refresh that was running when it came.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SettingsStore } from '../../electron/services/settings/settingsStore';
import { BalanceRefresher } from '../../electron/services/wallet/balanceRefresher';
import { PortfolioSnapshot } from '../../electron/services/wallet/portfolioSnapshot';
import type { Portfolio } from '../../shared/domain/portfolio';
import { FakeClock } from '../support/fakeClock';

const CLEAN: Portfolio = {
  updatedAt: 1_700_000_000_000, currency: 'USD', totalUsd: '12.50', holdings: [], byChain: [], byAsset: [], pricesStale: false, pricesAt: 1_700_000_000_000, errors: [],
};
const FAILING: Portfolio = { ...CLEAN, errors: [{ chain: 'eip155:1', code: 'RPC_UNAVAILABLE', message: 'down' }] };

function flush(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

describe('BalanceRefresher', () => {
  function setup(answers: Array<Portfolio | Error>, enabled = { value: true }) {
    const clock = new FakeClock();
    const calls: number[] = [];
    const refresher = new BalanceRefresher({
      clock,
      intervalMs: 1_000,
      maxBackoffMs: 5_000,
      enabled: async () => enabled.value,
      refresh: async () => {
        calls.push(clock.now());
        const answer = answers.length > 1 ? answers.shift()! : answers[0]!;
        if (answer instanceof Error) throw answer;
        return answer;
      },
    });
    return { clock, calls, refresher, start: clock.now() };
  }

  async function advance(clock: FakeClock, ms: number): Promise<void> {
    for (let t = 0; t < ms; t += 250) {
      clock.advance(250);
      await flush();
    }
  }

  it('refreshes at once, then every interval while refreshes are clean', async () => {
    const { clock, calls, refresher, start } = setup([CLEAN]);
    await refresher.start();
    expect(calls).toEqual([start]);
    await advance(clock, 3_000);
    expect(calls.map((t) => t - start)).toEqual([0, 1_000, 2_000, 3_000]);
    expect(refresher.nextDelayMs).toBe(1_000);
    refresher.stop();
  });

  it('doubles the wait while chains fail or the refresh throws, capped, and returns to the interval after a clean one', async () => {
    const { clock, calls, refresher, start } = setup([FAILING, new Error('boom'), FAILING, FAILING, FAILING, CLEAN, CLEAN]);
    await refresher.start();
    await advance(clock, 22_000);
    // waits: 2 s, 4 s, 5 s (cap), 5 s, 5 s after the failures, then 1 s after the clean one
    expect(calls.map((t) => t - start)).toEqual([0, 2_000, 6_000, 11_000, 16_000, 21_000, 22_000]);
    expect(refresher.nextDelayMs).toBe(1_000);
    refresher.stop();
  });

  it('reads nothing while the setting is off, and resumes when it is turned on', async () => {
    const enabled = { value: false };
    const { clock, calls, refresher, start } = setup([CLEAN], enabled);
    await refresher.start();
    await advance(clock, 2_000);
    expect(calls).toEqual([]);
    enabled.value = true;
    await advance(clock, 1_000);
    expect(calls.map((t) => t - start)).toEqual([3_000]);
    refresher.stop();
  });

  it('schedules nothing after stop, even from a refresh that was running', async () => {
    const clock = new FakeClock();
    let release: (p: Portfolio) => void = () => {};
    let count = 0;
    const refresher = new BalanceRefresher({
      clock, intervalMs: 1_000, enabled: async () => true,
      refresh: () => {
        count += 1;
        return new Promise<Portfolio>((resolve) => (release = resolve));
      },
    });
    const first = refresher.start();
    await flush();
    refresher.stop();
    release(CLEAN);
    await first;
    expect(clock.pending).toBe(0);
    expect(refresher.active).toBe(false);
    clock.advance(10_000);
    expect(count).toBe(1);
  });
});

describe('stored state for live balances', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('a settings file from before refreshBalances and theme existed gets their defaults and keeps the saved values; changes survive other changes', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'strata-settings-'));
    await writeFile(path.join(dir, 'settings.json'), JSON.stringify({ version: 1, settings: { autoLockMinutes: 5, lockOnSuspend: false } }));
    expect(await new SettingsStore(dir).get()).toEqual({ autoLockMinutes: 5, lockOnSuspend: false, refreshBalances: true, theme: 'system' });
    const store = new SettingsStore(dir);
    await store.update({ refreshBalances: false, theme: 'light' });
    await store.update({ autoLockMinutes: 30 });
    expect(await new SettingsStore(dir).get()).toEqual({ autoLockMinutes: 30, lockOnSuspend: false, refreshBalances: false, theme: 'light' });
    expect(DEFAULT_SETTINGS.refreshBalances).toBe(true);
  });

  it('the portfolio snapshot round-trips, skips a never-read portfolio and ignores a damaged file', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'strata-snapshot-'));
    const snapshot = new PortfolioSnapshot(dir);
    expect(await snapshot.load()).toBeNull();
    await snapshot.save({ ...CLEAN, updatedAt: null });
    expect(await snapshot.load()).toBeNull();
    await snapshot.save(FAILING);
    expect(await snapshot.load()).toEqual(FAILING);
    expect(JSON.parse(await readFile(path.join(dir, 'portfolio.json'), 'utf8'))).toEqual({ version: 1, portfolio: FAILING });
    await writeFile(path.join(dir, 'portfolio.json'), '{"version":1,"portfolio":{"totalUsd":"x"}}');
    expect(await snapshot.load()).toBeNull();
  });
});
