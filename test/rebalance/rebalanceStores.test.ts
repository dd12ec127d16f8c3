import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RebalanceRecords } from '../../electron/services/rebalance/rebalanceRecords';
import { RebalanceTargetStore } from '../../electron/services/rebalance/rebalanceTargetStore';
import { DEFAULT_REBALANCE_RULES, type RebalancePlan } from '../../shared/rebalance/rebalanceSchemas';
import { expectStrataRejection } from '../unit/expectStrataError';

const dir = () => mkdtemp(join(tmpdir(), 'strata-rebalance-'));

describe('RebalanceTargetStore', () => {
  it('saves weights with the default rules, keeps saved rules on the next save, refuses bad input, reads a damaged file as none', async () => {
    const d = await dir();
    const store = new RebalanceTargetStore(d);
    expect(await store.get()).toBeNull();
    await expectStrataRejection(store.require(), 'NO_TARGET', /^No target allocation is saved/);
    expect(await store.save({ ethereum: 0.5, 'usd-coin': 0.5 }, {}, 1000)).toEqual({ weights: { ethereum: 0.5, 'usd-coin': 0.5 }, rules: DEFAULT_REBALANCE_RULES, savedAt: 1000 });
    await store.save({ ethereum: 0.5, 'usd-coin': 0.5 }, { bandPct: 3, checkEveryHours: 1 }, 2000);
    const saved = await store.save({ ETH: 1 }, {}, 3000);
    expect(saved).toEqual({ weights: { ETH: 1 }, rules: { ...DEFAULT_REBALANCE_RULES, bandPct: 3, checkEveryHours: 1 }, savedAt: 3000 });
    expect(JSON.parse(await readFile(join(d, 'rebalance-target.json'), 'utf8'))).toEqual({ version: 1, target: saved });
    await expectStrataRejection(store.save({ ethereum: 2 }, {}, 4000), 'INVALID_INPUT');
    await expectStrataRejection(store.save({ ethereum: 0 }, {}, 4000), 'INVALID_INPUT');
    await expectStrataRejection(store.save({ ethereum: 1 }, { bandPct: 0 }, 4000), 'INVALID_INPUT');
    expect(await store.get()).toEqual(saved);
    await writeFile(join(d, 'rebalance-target.json'), '{"version":1,"target":{"weights":{}}}');
    expect(await store.get()).toBeNull();
  });
});

describe('RebalanceRecords', () => {
  it('keeps each trade of a plan, updates one trade at a time in order, and reads them back after a restart', async () => {
    const d = await dir();
    const plan = { id: 'a'.repeat(32), createdAt: 1, rules: DEFAULT_REBALANCE_RULES, slippagePercent: 0.5, drift: { totalUsd: '0.00', bandPct: 5, assets: [], outOfBand: [], unpriced: [], untracked: [] }, trades: [], skipped: [], totalCostUsd: '0.00' } satisfies RebalancePlan;
    const records = await RebalanceRecords.open(d);
    expect(await records.get(plan.id)).toBeNull();
    expect(await records.add(plan)).toEqual({ plan, trades: [] });
    const reopened = await RebalanceRecords.open(d);
    expect(await reopened.get(plan.id)).toEqual({ plan, trades: [] });
    // A record of a plan that does not match the format is refused whole (nothing is written).
    await expectStrataRejection(records.add({ ...plan, id: 'not hex' }), 'INTERNAL', /^The rebalancing record does not match the format$/);
    expect(await (await RebalanceRecords.open(d)).get('not hex')).toBeNull();
  });
});

const ETH = { chain: 'eip155:31337', ref: 'native', symbol: 'ETH', name: 'Ether', decimals: 18, priceId: 'ethereum' };
const USDC = { chain: 'eip155:31337', ref: '0x5632C04D71dE31E42B72A94cAabb45DE643617AF', symbol: 'USDC', name: 'USD Coin', decimals: 6, priceId: 'usd-coin' };

/** A plan with one trade (1 ETH for USDC), id made of `c`. */
function planOf(c: string): RebalancePlan {
  const step = { kind: 'swap' as const, provider: 'uniswap-v2' as const, fromChain: ETH.chain, toChain: ETH.chain, assetIn: ETH, assetOut: USDC, amountIn: '1000000000000000000', amountOut: '3000000000', minAmountOut: '2985000000', fees: [], etaSeconds: 12, priceImpactBps: 0 };
  const route = { id: 'uniswap-v2:eip155:31337/native>eip155:31337/usdc', steps: [step], amountIn: step.amountIn, amountOut: step.amountOut, minAmountOut: step.minAmountOut, fees: [], totalFeesUsd: '9.00', etaSeconds: 12, priceImpactBps: 0, warnings: [] };
  const trade = { index: 0, accountId: 'acc-1', sell: ETH, buy: USDC, amountIn: step.amountIn, usd: '3000.00', route, feesUsd: '9.00' };
  return { id: c.repeat(32), createdAt: 1, rules: DEFAULT_REBALANCE_RULES, slippagePercent: 0.5, drift: { totalUsd: '0.00', bandPct: 5, assets: [], outOfBand: [], unpriced: [], untracked: [] }, trades: [trade], skipped: [], totalCostUsd: '9.00' };
}

describe('RebalanceRecords across processes (two instances on one data dir, as the app and the CLI)', () => {
  it('a write never drops what another instance wrote; each reads what the other wrote', async () => {
    const d = await dir();
    const [app, cli] = await Promise.all([RebalanceRecords.open(d), RebalanceRecords.open(d)]);
    await app.add(planOf('a'));
    await cli.add(planOf('b'));
    await app.updateTrade('b'.repeat(32), 0, { error: 'stopped', code: 'INSUFFICIENT_FUNDS' });
    const fresh = await RebalanceRecords.open(d);
    expect([await fresh.newestPlanId(), (await fresh.get('a'.repeat(32)))?.plan, (await fresh.get('b'.repeat(32)))?.trades]).toEqual([
      'b'.repeat(32),
      planOf('a'),
      [{ routeId: null, startedAt: null, transferId: null, error: 'stopped', code: 'INSUFFICIENT_FUNDS' }],
    ]);
    expect(await cli.get('a'.repeat(32))).toEqual({ plan: planOf('a'), trades: [{ routeId: null, startedAt: null, transferId: null, error: null, code: null }] });
  });

  it('of many claims of one trade from both instances at once, exactly one wins; a started trade is never claimed again', async () => {
    const d = await dir();
    const [app, cli] = await Promise.all([RebalanceRecords.open(d), RebalanceRecords.open(d)]);
    const plan = planOf('c');
    await app.add(plan);
    const claims = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? app : cli).claimTrade(plan.id, 0, { routeId: 'r', startedAt: 100 + i })));
    expect(claims.filter(Boolean)).toEqual([true]);
    const winner = claims.indexOf(true);
    expect((await cli.get(plan.id))?.trades).toEqual([{ routeId: 'r', startedAt: 100 + winner, transferId: null, error: null, code: null }]);
    expect(await app.claimTrade(plan.id, 0, { routeId: 'r', startedAt: 999 })).toBe(false);
    // No lock file is left behind.
    await expect(stat(join(d, 'rebalances.json.lock'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('a lock left by a process that is gone is taken over; a damaged records file reads as none', async () => {
    const d = await dir();
    const records = await RebalanceRecords.open(d);
    // 4194305 is above Linux's largest pid (2^22): no such process.
    await writeFile(join(d, 'rebalances.json.lock'), '4194305');
    await records.add(planOf('d'));
    expect((await records.get('d'.repeat(32)))?.plan).toEqual(planOf('d'));
    await writeFile(join(d, 'rebalances.json'), '{"version":1,"plans":[{}]}');
    expect([await records.get('d'.repeat(32)), await records.newestPlanId()]).toEqual([null, null]);
  });
});
