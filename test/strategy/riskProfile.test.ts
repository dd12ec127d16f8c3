import { describe, expect, it } from 'vitest';
import { StrategySettings, type RiskAnswers } from '../../shared/domain/strategy';
import { defaultStrategy, presetForScore, riskProfile, riskScore } from '../../shared/strategy/riskProfile';

const CAUTIOUS: RiskAnswers = { horizon: 'under-1y', drawdown: 'sell-all', goal: 'preserve' };
const MIDDLE: RiskAnswers = { horizon: '3-7y', drawdown: 'sell-some', goal: 'income' };
const BOLD: RiskAnswers = { horizon: 'over-7y', drawdown: 'buy-more', goal: 'max-growth' };

describe('riskProfile', () => {
  it('scores the most cautious answers 0 → conservative', () => {
    expect(riskProfile(CAUTIOUS)).toEqual({
      score: 0,
      preset: 'conservative',
      riskAversion: 8,
      targetVolatility: 0.2,
      minStablecoinShare: 0.4,
      maxWeight: 0.4,
      explanation:
        'You may need the money within a year, you would sell everything after a 30% drop and your goal is to keep what you have: ' +
        'a score of 0 out of 9, so conservative. That means a risk aversion of 8, a target volatility of 20% a year, ' +
        'at least 40% in stablecoins and at most 40% in any one asset.',
    });
  });

  it('scores middle answers 4 → balanced', () => {
    expect(riskProfile(MIDDLE)).toEqual({
      score: 4,
      preset: 'balanced',
      riskAversion: 3,
      targetVolatility: 0.45,
      minStablecoinShare: 0.15,
      maxWeight: 0.5,
      explanation:
        'You plan to hold for three to seven years, you would sell some after a 30% drop and your goal is steady income: ' +
        'a score of 4 out of 9, so balanced. That means a risk aversion of 3, a target volatility of 45% a year, ' +
        'at least 15% in stablecoins and at most 50% in any one asset.',
    });
  });

  it('scores the boldest answers 9 → growth', () => {
    expect(riskProfile(BOLD)).toEqual({
      score: 9,
      preset: 'growth',
      riskAversion: 1,
      targetVolatility: 0.8,
      minStablecoinShare: 0,
      maxWeight: 0.6,
      explanation:
        'You plan to hold for more than seven years, you would buy more after a 30% drop and your goal is the most growth: ' +
        'a score of 9 out of 9, so growth. That means a risk aversion of 1, a target volatility of 80% a year, ' +
        'at least 0% in stablecoins and at most 60% in any one asset.',
    });
  });

  it('moves each question independently from 0 to 3', () => {
    expect(riskScore({ ...CAUTIOUS, horizon: 'over-7y' })).toBe(3);
    expect(riskScore({ ...CAUTIOUS, drawdown: 'buy-more' })).toBe(3);
    expect(riskScore({ ...CAUTIOUS, goal: 'max-growth' })).toBe(3);
    expect(riskScore({ ...BOLD, horizon: 'under-1y' })).toBe(6);
    expect(riskScore({ ...BOLD, drawdown: 'sell-all' })).toBe(6);
    expect(riskScore({ ...BOLD, goal: 'preserve' })).toBe(6);
    expect(riskScore({ horizon: '1-3y', drawdown: 'hold', goal: 'growth' })).toBe(5);
  });

  it('cuts presets at 3/4 and 6/7', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map(presetForScore)).toEqual([
      'conservative', 'conservative', 'conservative', 'conservative', 'balanced', 'balanced', 'balanced', 'growth', 'growth', 'growth',
    ]);
  });
});

describe('defaultStrategy', () => {
  it('gives each preset its table values as valid StrategySettings', () => {
    const common = { answers: null, objective: 'max-utility', minWeight: 0, allowedChains: null, driftBandPct: 5, riskFreeRate: 0.02 };
    expect(defaultStrategy('conservative')).toEqual({ ...common, preset: 'conservative', riskAversion: 8, targetVolatility: 0.2, maxWeight: 0.4, minStablecoinShare: 0.4 });
    expect(defaultStrategy('balanced')).toEqual({ ...common, preset: 'balanced', riskAversion: 3, targetVolatility: 0.45, maxWeight: 0.5, minStablecoinShare: 0.15 });
    expect(defaultStrategy('growth')).toEqual({ ...common, preset: 'growth', riskAversion: 1, targetVolatility: 0.8, maxWeight: 0.6, minStablecoinShare: 0 });
    for (const p of ['conservative', 'balanced', 'growth'] as const) expect(StrategySettings.parse(defaultStrategy(p))).toEqual(defaultStrategy(p));
  });

  it('keeps the answers it was given', () => {
    expect(defaultStrategy('growth', BOLD).answers).toEqual(BOLD);
  });
});
