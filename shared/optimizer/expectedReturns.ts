import { invalidInput } from './errors';
import { ewmMeanLast } from './ewmMean';
import { returnColumns } from './pairwiseStats';
import type { ReturnsTable } from './types';

export type ReturnsMethod = 'mean' | 'cagr' | 'ema';

export interface ExpectedReturnsOptions {
  /** 'mean': arithmetic mean × frequency; 'cagr': compounded; 'ema': exponentially weighted (default 'cagr'). */
  method?: ReturnsMethod;
  /** Periods per year: 252 for stocks (default), 365 for crypto. */
  frequency?: number;
  /** EMA span in periods (default 500, as PyPortfolioOpt's ema_historical_return). */
  span?: number;
  /** For 'ema' only: compound the mean daily return `(1 + m)^frequency - 1` (default true, as PyPortfolioOpt). */
  compounding?: boolean;
}

export const DEFAULT_FREQUENCY = 252;
export const DEFAULT_EMA_SPAN = 500;

/**
 * Annualized expected returns per asset (fractions), each over that asset's own returns, following PyPortfolioOpt:
 * - 'mean': `mean(r) * frequency` (mean_historical_return with compounding=False);
 * - 'cagr': `prod(1 + r)^(frequency / n) - 1` (mean_historical_return, its default);
 * - 'ema': `(1 + ewm_mean(r))^frequency - 1` with span 500 (ema_historical_return).
 */
export function expectedReturns(table: ReturnsTable, options: ExpectedReturnsOptions = {}): number[] {
  const method = options.method ?? 'cagr';
  if (method !== 'mean' && method !== 'cagr' && method !== 'ema') throw invalidInput(`Unknown expected-returns method "${String(method)}" (mean, cagr or ema)`);
  const frequency = positive(options.frequency ?? DEFAULT_FREQUENCY, 'frequency');
  const span = positive(options.span ?? DEFAULT_EMA_SPAN, 'span');
  return returnColumns(table).map((col) => {
    if (method === 'ema') {
      const m = ewmMeanLast(col, span);
      return options.compounding === false ? m * frequency : (1 + m) ** frequency - 1;
    }
    let count = 0;
    let sum = 0;
    let product = 1;
    for (const r of col) {
      if (r !== r) continue;
      count++;
      sum += r;
      product *= 1 + r;
    }
    return method === 'mean' ? (sum / count) * frequency : product ** (frequency / count) - 1;
  });
}

export function positive(value: number, name: string): number {
  if (!Number.isFinite(value) || value <= 0) throw invalidInput(`${name} must be a positive number`);
  return value;
}
