import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StrategySettings } from '../../shared/domain/strategy';
import { createCoreHarness } from '../support/coreHarness';

const STRATEGY: StrategySettings = {
  preset: 'balanced', answers: { horizon: '3-7y', drawdown: 'hold', goal: 'growth' }, riskAversion: 3, targetVolatility: 0.45,
  objective: 'max-sharpe', minWeight: 0, maxWeight: 0.5, minStablecoinShare: 0.15, allowedChains: null, driftBandPct: 5, riskFreeRate: 0.02,
};

describe('strategy settings over IPC', () => {
  it('starts empty, saves, persists across a restart, and refuses contradictory bounds without writing', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'strata-strategy-'));
    const h = await createCoreHarness({ dataDir });
    expect(await h.value('strategy.get')).toBeNull();
    expect(await h.value('strategy.save', STRATEGY)).toEqual(STRATEGY);
    expect(await (await createCoreHarness({ dataDir })).value('strategy.get')).toEqual(STRATEGY);

    const before = await readFile(join(dataDir, 'strategy.json'), 'utf8');
    expect(await h.call('strategy.save', { ...STRATEGY, minWeight: 0.6 })).toEqual({
      ok: false, error: { code: 'INVALID_INPUT', message: 'Minimum weight 0.6 is above the maximum 0.5' },
    });
    expect((await h.call('strategy.save', { ...STRATEGY, objective: 'yolo' })).ok).toBe(false);
    expect(await readFile(join(dataDir, 'strategy.json'), 'utf8')).toBe(before);

    await writeFile(join(dataDir, 'strategy.json'), '{"version":2}');
    expect(await h.value('strategy.get')).toBeNull();
  });
});
