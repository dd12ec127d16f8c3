import type { StrategySettings } from '../domain/strategy';
import { StrataError, type ErrorCode } from '../errors';
import {
  dailyReturns,
  efficientFrontier,
  expectedReturns,
  optimize,
  parsePrices,
  riskModel,
  type FrontierPoint,
  type OptimizeResult,
  type Performance,
  type PortfolioConstraints,
  type Weights,
} from '../optimizer';

/** Crypto trades every day: annualize with 365, not the stock markets' 252. */
export const STRATEGY_FREQUENCY = 365;
export const FRONTIER_POINTS = 60;
/** Symbols treated as stablecoins for the minimum stablecoin share. */
export const STABLECOINS = ['USDC', 'USDT', 'DAI', 'USDP', 'BUSD', 'TUSD', 'FRAX'];

export interface StrategyRequest {
  csv: string;
  settings: StrategySettings;
  /** USD value held per asset symbol (today's portfolio), e.g. { BTC: 1200.5 } */
  holdings: Record<string, number>;
}

export interface StrategyResult {
  assets: string[];
  frontier: FrontierPoint[];
  target: OptimizeResult;
  /** today's weights over the assets of the price table, with their performance; null without holdings there */
  today: (Performance & { weights: Weights }) | null;
  /** held assets that have no price history, so they are not in the optimization */
  notOptimized: string[];
}

export interface StrategyError {
  code: ErrorCode;
  message: string;
}

/** The optimizer's constraints for settings: risk parity and HRP take no bounds, so they get none. */
export function strategyConstraints(assets: string[], settings: StrategySettings): PortfolioConstraints {
  if (settings.objective === 'risk-parity' || settings.objective === 'hrp') return {};
  const stablecoins = assets.filter((a) => STABLECOINS.includes(a.toUpperCase()));
  return {
    bounds: [settings.minWeight, settings.maxWeight],
    ...(stablecoins.length > 0 && settings.minStablecoinShare > 0 ? { stablecoins, minStablecoinShare: settings.minStablecoinShare } : {}),
  };
}

/**
 * Everything the Strategy page draws, from a price CSV, the settings and today's holdings: the efficient frontier
 * (under the weight and stablecoin constraints), the target portfolio for the objective and today's portfolio
 * placed beside them. Throws StrataError (PRICES_INVALID, OPTIMIZER_INFEASIBLE, TARGET_OUT_OF_RANGE, INVALID_INPUT).
 */
export function computeStrategy(request: StrategyRequest): StrategyResult {
  const { settings } = request;
  const returns = dailyReturns(parsePrices(request.csv));
  const assets = returns.assets;
  const mu = expectedReturns(returns, { method: 'cagr', frequency: STRATEGY_FREQUENCY });
  const sigma = riskModel(returns, { method: 'sample', frequency: STRATEGY_FREQUENCY });
  const frontierConstraints = strategyConstraints(assets, { ...settings, objective: 'max-utility' });
  const target = optimize({
    assets,
    mu,
    sigma,
    objective: settings.objective,
    riskFreeRate: settings.riskFreeRate,
    riskAversion: settings.riskAversion,
    target: settings.objective === 'efficient-risk' ? settings.targetVolatility : settings.objective === 'efficient-return' ? targetReturn(assets, mu, sigma, settings, frontierConstraints) : undefined,
    constraints: strategyConstraints(assets, settings),
    returns,
  });
  const { today, notOptimized } = todayWeights(assets, request.holdings);
  const frontier = efficientFrontier({
    assets,
    mu,
    sigma,
    constraints: frontierConstraints,
    points: FRONTIER_POINTS,
    riskFreeRate: settings.riskFreeRate,
    place: today ? { today } : {},
  });
  const placed = frontier.placed['today'];
  return { assets, frontier: frontier.points, target, today: today && placed ? { ...placed, weights: today } : null, notOptimized };
}

/** Efficient-return has no target in the settings: aim halfway between the least risky and the highest return. */
function targetReturn(assets: string[], mu: number[], sigma: number[][], settings: StrategySettings, constraints: PortfolioConstraints): number {
  const f = efficientFrontier({ assets, mu, sigma, constraints, points: 2, riskFreeRate: settings.riskFreeRate });
  return (f.minVolatility.expectedReturn + f.maxReturn.expectedReturn) / 2;
}

/** Today's weights from USD values by symbol, over the assets that have prices; the rest is listed apart. */
export function todayWeights(assets: string[], holdings: Record<string, number>): { today: Weights | null; notOptimized: string[] } {
  const known = new Map(assets.map((a) => [a.toUpperCase(), a]));
  const inTable: Weights = {};
  const notOptimized: string[] = [];
  let total = 0;
  for (const [symbol, usd] of Object.entries(holdings)) {
    if (!(usd > 0)) continue;
    const asset = known.get(symbol.toUpperCase());
    if (asset === undefined) {
      notOptimized.push(symbol);
      continue;
    }
    inTable[asset] = (inTable[asset] ?? 0) + usd;
    total += usd;
  }
  if (total <= 0) return { today: null, notOptimized: notOptimized.sort() };
  const today: Weights = {};
  for (const a of assets) today[a] = (inTable[a] ?? 0) / total;
  return { today, notOptimized: notOptimized.sort() };
}

/** An error as plain data for postMessage: StrataErrors keep their code, anything else is INTERNAL. */
export function strategyError(error: unknown): StrategyError {
  if (error instanceof StrataError) return { code: error.code, message: error.message };
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}
