import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
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
    expect(records.get(plan.id)).toBeNull();
    expect(await records.add(plan)).toEqual({ plan, trades: [] });
    const reopened = await RebalanceRecords.open(d);
    expect(reopened.get(plan.id)).toEqual({ plan, trades: [] });
    // A record of a plan that does not match the format is refused whole (nothing is written).
    await expectStrataRejection(records.add({ ...plan, id: 'not hex' }), 'INTERNAL', /^The rebalancing record does not match the format$/);
    expect((await RebalanceRecords.open(d)).get('not hex')).toBeNull();
  });
});
