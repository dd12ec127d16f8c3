import { describe, expect, it } from 'vitest';
import { driftNotification } from '../../electron/services/rebalance/driftNotification';
import { DEFAULT_DRIFT_CHECK_MS, DriftWatch } from '../../electron/services/rebalance/driftWatch';
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

describe('driftNotification', () => {
  it('names every asset outside its band, by how much, and the band', () => {
    expect(driftNotification(report(35.71))).toEqual({
      title: 'Portfolio outside its band',
      body: 'ETH 35.71 pp above its target, USDC 35.71 pp below its target (band 5 pp). Open Strategy to see the rebalancing plan.',
    });
  });
});
