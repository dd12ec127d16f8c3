import { describe, expect, it } from 'vitest';
import { driftNotification } from '../../electron/services/rebalance/driftNotification';
import { DEFAULT_DRIFT_CHECK_MS, DriftWatch, MAX_TIMER_MS } from '../../electron/services/rebalance/driftWatch';
import { startDriftCheck } from '../../electron/services/rebalance/startDriftCheck';
import type { DriftReport } from '../../shared/rebalance/rebalanceSchemas';
import { FakeClock } from '../support/fakeClock';

const HOUR = 3_600_000;

function report(ethDrift: number, checkEveryHours = 6): DriftReport & { checkEveryHours: number } {
  const out = Math.abs(ethDrift) > 5;
  return {
    totalUsd: '7000.00',
    bandPct: 5,
    assets: [
      { key: 'ethereum', symbol: 'ETH', currentUsd: '0.00', targetUsd: '3500.00', currentPct: 50 + ethDrift, targetPct: 50, driftPct: ethDrift, outOfBand: out },
      { key: 'usd-coin', symbol: 'USDC', currentUsd: '0.00', targetUsd: '3500.00', currentPct: 50 - ethDrift, targetPct: 50, driftPct: -ethDrift, outOfBand: out },
    ],
    outOfBand: out ? ['ethereum', 'usd-coin'] : [],
    unpriced: [],
    untracked: [],
    checkEveryHours,
  };
}

/** Lets the watch's awaited promises run after the fake clock fired a timer. */
const settle = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

function harness(drifts: Array<DriftReport & { checkEveryHours: number }>) {
  const clock = new FakeClock();
  const told: DriftReport[] = [];
  const calls: string[] = [];
  let next = 0;
  const watch = new DriftWatch({
    clock,
    refresh: async () => calls.push(`refresh@${(clock.now() - 1_700_000_000_000) / HOUR}h`),
    check: async () => {
      calls.push('check');
      const r = drifts[Math.min(next, drifts.length - 1)];
      next += 1;
      return r ?? null;
    },
    onDrift: (r) => told.push(r),
  });
  return { clock, told, calls, watch };
}

describe('DriftWatch: the scheduled drift check (injected clock, no waiting)', () => {
  it('checks every 6 h by default, refreshing balances first; tells once per episode of drift', async () => {
    const { clock, told, calls, watch } = harness([report(2), report(35.71), report(35.71), report(1), report(8)]);
    watch.start();
    clock.advance(DEFAULT_DRIFT_CHECK_MS - 1);
    await settle();
    expect(calls).toEqual([]);
    for (let i = 0; i < 5; i++) {
      clock.advance(i === 0 ? 1 : DEFAULT_DRIFT_CHECK_MS);
      await settle();
    }
    expect(calls).toEqual(['refresh@6h', 'check', 'refresh@12h', 'check', 'refresh@18h', 'check', 'refresh@24h', 'check', 'refresh@30h', 'check']);
    // In band, out (told), still out (not told again), back in, out again (told).
    expect(told.map((r) => r.assets[0]?.driftPct)).toEqual([35.71, 8]);
    expect(told[0]).toEqual((({ checkEveryHours: _h, ...rest }) => rest)(report(35.71)));
    watch.stop();
    expect(clock.pending).toBe(0);
  });

  it('a check after each portfolio refresh (poke); the saved period replaces the default', async () => {
    const { clock, told, calls, watch } = harness([report(10, 1)]);
    watch.start();
    await watch.poke();
    expect([calls, told.length]).toEqual([['check'], 1]);
    clock.advance(HOUR);
    await settle();
    expect(calls).toEqual(['check', 'refresh@1h', 'check']);
    expect(told.length).toBe(1);
    watch.stop();
  });

  it('a failing or impossible check (locked, no target) tells nothing and the schedule goes on', async () => {
    const clock = new FakeClock();
    let n = 0;
    const told: DriftReport[] = [];
    const watch = new DriftWatch({
      clock,
      check: async () => {
        n += 1;
        if (n === 1) throw new Error('RPC down');
        return n === 2 ? null : report(20);
      },
      onDrift: (r) => told.push(r),
    });
    watch.start();
    for (let i = 0; i < 3; i++) {
      clock.advance(DEFAULT_DRIFT_CHECK_MS);
      await settle();
    }
    expect([n, told.length]).toEqual([3, 1]);
    watch.stop();
  });
});

/** A FakeClock that refuses what Node turns into a 1 ms timer (TimeoutOverflowWarning). */
class BoundedClock extends FakeClock {
  readonly waits: number[] = [];
  override setTimeout(fn: () => void, ms: number): unknown {
    this.waits.push(ms);
    if (ms > MAX_TIMER_MS) throw new Error(`timer of ${ms} ms overflows`);
    return super.setTimeout(fn, ms);
  }
}

describe('DriftWatch: long periods and throwing listeners', () => {
  it('a 30-day period (720 h) is waited out in timers Node can keep, and checks exactly once at 720 h', async () => {
    const clock = new BoundedClock();
    const calls: number[] = [];
    const watch = new DriftWatch({ clock, check: async () => (calls.push((clock.now() - 1_700_000_000_000) / HOUR), report(2, 720)), onDrift: () => undefined });
    watch.start();
    // The first check reads the saved period (720 h) and schedules by it.
    await watch.poke();
    expect(calls).toEqual([0]);
    clock.advance(720 * HOUR - 1);
    await settle();
    expect(calls).toEqual([0]);
    clock.advance(1);
    await settle();
    expect(calls).toEqual([0, 720]);
    expect(clock.waits.every((ms) => ms <= MAX_TIMER_MS)).toBe(true);
    // 720 h = 2 592 000 000 ms: one full piece of 2^31-1 ms, then the rest.
    expect(clock.waits.slice(1, 3)).toEqual([MAX_TIMER_MS, 720 * HOUR - MAX_TIMER_MS]);
    watch.stop();
    expect(clock.pending).toBe(0);
  });

  it('an onDrift that throws neither rejects poke nor ends the schedule; the episode is told once', async () => {
    const clock = new FakeClock();
    let checks = 0;
    let told = 0;
    const watch = new DriftWatch({
      clock,
      check: async () => {
        checks += 1;
        return report(checks < 3 ? 20 : checks === 3 ? 1 : 30);
      },
      onDrift: () => {
        told += 1;
        throw new Error('notification failed');
      },
    });
    watch.start();
    await expect(watch.poke()).resolves.toBeUndefined();
    for (let i = 0; i < 3; i++) {
      clock.advance(DEFAULT_DRIFT_CHECK_MS);
      await settle();
    }
    // Checks at 0, 6, 12 and 18 h: out (told, throws), still out, back in, out again (told, throws).
    expect([checks, told, clock.pending]).toEqual([4, 2, 1]);
    watch.stop();
  });
});

describe('startDriftCheck: the schedule runs only while the vault is unlocked', () => {
  it('starts on vault.unlocked, stops on vault.locked and on stop()', async () => {
    const clock = new FakeClock();
    const calls: string[] = [];
    const core = {
      call: async (method: string) => {
        calls.push(method);
        return method === 'rebalance.drift' ? { ok: true as const, value: report(1) } : { ok: true as const, value: {} };
      },
    };
    const check = startDriftCheck({ core: core as never, emit: () => undefined, notify: () => undefined, clock });
    expect(clock.pending).toBe(0);
    check.onEvent('vault.unlocked');
    expect(clock.pending).toBe(1);
    clock.advance(DEFAULT_DRIFT_CHECK_MS);
    await settle();
    expect([calls, clock.pending]).toEqual([['portfolio.refresh', 'rebalance.drift'], 1]);
    check.onEvent('vault.locked');
    expect(clock.pending).toBe(0);
    clock.advance(10 * DEFAULT_DRIFT_CHECK_MS);
    await settle();
    expect(calls).toHaveLength(2);
    check.onEvent('vault.unlocked');
    expect(clock.pending).toBe(1);
    check.stop();
    expect(clock.pending).toBe(0);
  });
});

describe('driftNotification', () => {
  it('names every asset outside its band, by how much, and the band', () => {
    expect(driftNotification(report(35.71))).toEqual({
      title: 'Portfolio outside its band',
      body: 'ETH 35.71 pp above its target, USDC 35.71 pp below its target (band 5 pp). Open Strategy to see the rebalancing plan.',
    });
  });
});
