import type { RiskAnswers, RiskPreset, StrategySettings } from '../domain/strategy';

/**
 * The risk questionnaire → a score → a preset. Each answer scores 0 (most cautious) to 3 (most risk-seeking), so the
 * score runs from 0 to 9: 0-3 conservative, 4-6 balanced, 7-9 growth.
 *
 * Preset defaults (crypto is volatile: even the "conservative" target volatility is far above a bond fund's):
 *
 * | preset       | risk aversion (delta) | target volatility | min stablecoin share | max weight per asset |
 * |--------------|-----------------------|-------------------|----------------------|----------------------|
 * | conservative | 8                     | 0.20              | 0.40                 | 0.40                 |
 * | balanced     | 3                     | 0.45              | 0.15                 | 0.50                 |
 * | growth       | 1                     | 0.80              | 0                    | 0.60                 |
 */
export interface PresetDefaults {
  riskAversion: number;
  targetVolatility: number;
  minStablecoinShare: number;
  maxWeight: number;
}

export const PRESET_DEFAULTS: Record<RiskPreset, PresetDefaults> = {
  conservative: { riskAversion: 8, targetVolatility: 0.2, minStablecoinShare: 0.4, maxWeight: 0.4 },
  balanced: { riskAversion: 3, targetVolatility: 0.45, minStablecoinShare: 0.15, maxWeight: 0.5 },
  growth: { riskAversion: 1, targetVolatility: 0.8, minStablecoinShare: 0, maxWeight: 0.6 },
};

export const PRESET_LABELS: Record<RiskPreset, string> = { conservative: 'Conservative', balanced: 'Balanced', growth: 'Growth' };

const HORIZON_SCORE: Record<RiskAnswers['horizon'], number> = { 'under-1y': 0, '1-3y': 1, '3-7y': 2, 'over-7y': 3 };
const DRAWDOWN_SCORE: Record<RiskAnswers['drawdown'], number> = { 'sell-all': 0, 'sell-some': 1, hold: 2, 'buy-more': 3 };
const GOAL_SCORE: Record<RiskAnswers['goal'], number> = { preserve: 0, income: 1, growth: 2, 'max-growth': 3 };

const HORIZON_TEXT: Record<RiskAnswers['horizon'], string> = {
  'under-1y': 'you may need the money within a year',
  '1-3y': 'you plan to hold for one to three years',
  '3-7y': 'you plan to hold for three to seven years',
  'over-7y': 'you plan to hold for more than seven years',
};
const DRAWDOWN_TEXT: Record<RiskAnswers['drawdown'], string> = {
  'sell-all': 'you would sell everything after a 30% drop',
  'sell-some': 'you would sell some after a 30% drop',
  hold: 'you would hold through a 30% drop',
  'buy-more': 'you would buy more after a 30% drop',
};
const GOAL_TEXT: Record<RiskAnswers['goal'], string> = {
  preserve: 'your goal is to keep what you have',
  income: 'your goal is steady income',
  growth: 'your goal is growth',
  'max-growth': 'your goal is the most growth',
};

export const MAX_RISK_SCORE = 9;

export interface RiskProfile extends PresetDefaults {
  /** 0 (most cautious) to 9 */
  score: number;
  preset: RiskPreset;
  /** One or two plain sentences: why this preset. */
  explanation: string;
}

/** Sum of the three answers' scores, 0 to 9. */
export function riskScore(answers: RiskAnswers): number {
  return HORIZON_SCORE[answers.horizon] + DRAWDOWN_SCORE[answers.drawdown] + GOAL_SCORE[answers.goal];
}

/** The preset for a score: 0-3 conservative, 4-6 balanced, 7-9 growth. */
export function presetForScore(score: number): RiskPreset {
  if (score <= 3) return 'conservative';
  if (score <= 6) return 'balanced';
  return 'growth';
}

/** Maps questionnaire answers to a preset with its risk aversion and target volatility, and says why. */
export function riskProfile(answers: RiskAnswers): RiskProfile {
  const score = riskScore(answers);
  const preset = presetForScore(score);
  const d = PRESET_DEFAULTS[preset];
  const reasons = `${capitalize(HORIZON_TEXT[answers.horizon])}, ${DRAWDOWN_TEXT[answers.drawdown]} and ${GOAL_TEXT[answers.goal]}`;
  const explanation = `${reasons}: a score of ${score} out of ${MAX_RISK_SCORE}, so ${PRESET_LABELS[preset].toLowerCase()}. ` +
    `That means a risk aversion of ${d.riskAversion}, a target volatility of ${Math.round(d.targetVolatility * 100)}% a year, ` +
    `at least ${Math.round(d.minStablecoinShare * 100)}% in stablecoins and at most ${Math.round(d.maxWeight * 100)}% in any one asset.`;
  return { score, preset, explanation, ...d };
}

/** Default strategy of a preset: max-utility with the preset's delta, long-only, every chain, 5-point drift band. */
export function defaultStrategy(preset: RiskPreset, answers: RiskAnswers | null = null): StrategySettings {
  const d = PRESET_DEFAULTS[preset];
  return {
    preset,
    answers,
    riskAversion: d.riskAversion,
    targetVolatility: d.targetVolatility,
    objective: 'max-utility',
    minWeight: 0,
    maxWeight: d.maxWeight,
    minStablecoinShare: d.minStablecoinShare,
    allowedChains: null,
    driftBandPct: 5,
    riskFreeRate: 0.02,
  };
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
