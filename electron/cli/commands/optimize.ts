import { StrataError } from '../../../shared/errors';
import { dailyReturns } from '../../../shared/optimizer/dailyReturns';
import { efficientFrontier } from '../../../shared/optimizer/efficientFrontier';
import { expectedReturns, type ReturnsMethod } from '../../../shared/optimizer/expectedReturns';
import { OBJECTIVES, optimize, type Objective, type OptimizeResult } from '../../../shared/optimizer/optimize';
import { riskModel, type RiskModelMethod } from '../../../shared/optimizer/riskModel';
import type { ReturnsTable } from '../../../shared/optimizer/types';
import { parseOptions, requireString } from '../args';
import type { CliIo, CommandResult } from '../io';
import { loadPriceTable, PRICE_SOURCE_OPTIONS } from './optimizePrices';

/** Usage lines for the lead to add to the CLI's help text. */
export const OPTIMIZE_USAGE = `  optimize --prices <csv> --objective <max-sharpe|min-volatility|efficient-risk|efficient-return|max-utility|risk-parity|hrp>
           [--target <number>] [--risk-free <rate, 0.02>] [--risk-aversion <delta, 1>] [--returns <mean|cagr|ema, cagr>]
           [--risk-model <sample|ledoit-wolf|exp, sample>] [--frequency <n, 252; 365 for crypto>] [--bounds=<lo,hi, 0,1>]
                                           optimal weights and their annual return, volatility and Sharpe ratio
  frontier --prices <csv> [--points <n, 50>] [the same options but --objective and --target]
                                           the efficient frontier from minimum volatility to maximum return
           instead of --prices <csv>: --history coingecko --assets <coingecko-id,...> [--days <n, 365>] --dir <path>
                                           daily closes from CoinGecko, cached in <path> (at most one fetch a day)`;

const COMMON = {
  ...PRICE_SOURCE_OPTIONS,
  'risk-free': { type: 'string' },
  'risk-aversion': { type: 'string' },
  returns: { type: 'string' },
  'risk-model': { type: 'string' },
  frequency: { type: 'string' },
  bounds: { type: 'string' },
} as const;

const RETURNS_METHODS: readonly ReturnsMethod[] = ['mean', 'cagr', 'ema'];
const RISK_MODELS: readonly RiskModelMethod[] = ['sample', 'ledoit-wolf', 'exp'];

/**
 * `strata optimize --prices <csv> --objective <objective> [...] --json`: reads a price CSV (date column, one column per
 * asset), or CoinGecko's history with `--history coingecko --assets <ids> --dir <path>` (see loadPriceTable), and prints `{"weights": {...}, "expectedReturn", "volatility", "sharpe"}` (annualized fractions).
 * Defaults: compounded (CAGR) returns, sample covariance, frequency 252, risk-free rate 0.02, long-only [0, 1].
 */
export async function optimizeCommand(argv: string[], io: CliIo): Promise<CommandResult> {
  const opts = parseOptions(argv, { ...COMMON, objective: { type: 'string' }, target: { type: 'string' } });
  const objective = oneOf(requireString(opts.objective, 'objective'), OBJECTIVES, 'objective') as Objective;
  const model = await loadModel(opts, io);
  const result = optimize({
    ...model.input,
    objective,
    riskFreeRate: model.riskFreeRate,
    riskAversion: optionalNumber(opts['risk-aversion'], 'risk-aversion'),
    target: optionalNumber(opts.target, 'target'),
    returns: model.returns,
  });
  const json = { weights: result.weights, expectedReturn: result.expectedReturn, volatility: result.volatility, sharpe: result.sharpe };
  return { json, text: describe(result) };
}

/**
 * `strata frontier --prices <csv> [--points <n>] [...] --json`: prints `{"points": [{"expectedReturn", "volatility",
 * "sharpe", "weights"}, ...]}` from the minimum-volatility to the maximum-return portfolio (default 50 points).
 */
export async function frontierCommand(argv: string[], io: CliIo): Promise<CommandResult> {
  const opts = parseOptions(argv, { ...COMMON, points: { type: 'string' } });
  const points = opts.points === undefined ? 50 : integer(opts.points, 'points');
  const model = await loadModel(opts, io);
  const frontier = efficientFrontier({ ...model.input, points, riskFreeRate: model.riskFreeRate });
  const json = {
    points: frontier.points.map((p) => ({ expectedReturn: p.expectedReturn, volatility: p.volatility, sharpe: p.sharpe, weights: p.weights })),
  };
  const text = ['return    volatility  sharpe', ...frontier.points.map((p) => `${pct(p.expectedReturn).padStart(8)}  ${pct(p.volatility).padStart(10)}  ${p.sharpe.toFixed(3).padStart(6)}`)].join('\n');
  return { json, text };
}

async function loadModel(opts: Record<string, string | boolean | undefined>, io: CliIo) {
  const returns: ReturnsTable = dailyReturns(await loadPriceTable(opts, io));
  const frequency = optionalNumber(opts.frequency, 'frequency');
  const method = oneOf(typeof opts.returns === 'string' ? opts.returns : 'cagr', RETURNS_METHODS, 'returns') as ReturnsMethod;
  const risk = oneOf(typeof opts['risk-model'] === 'string' ? opts['risk-model'] : 'sample', RISK_MODELS, 'risk-model') as RiskModelMethod;
  const mu = expectedReturns(returns, { method, frequency });
  const sigma = riskModel(returns, { method: risk, frequency });
  const bounds = opts.bounds === undefined ? undefined : pairOption(opts.bounds, 'bounds');
  return {
    input: { assets: returns.assets, mu, sigma, constraints: bounds === undefined ? undefined : { bounds } },
    riskFreeRate: optionalNumber(opts['risk-free'], 'risk-free'),
    returns,
  };
}

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function optionalNumber(value: unknown, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !DECIMAL.test(value.trim())) throw new StrataError('INVALID_INPUT', `--${flag} must be a number`);
  return Number(value);
}

function integer(value: unknown, flag: string): number {
  if (typeof value !== 'string' || !/^[0-9]{1,6}$/.test(value)) throw new StrataError('INVALID_INPUT', `--${flag} must be a whole number`);
  return Number(value);
}

function pairOption(value: unknown, flag: string): [number, number] {
  const parts = typeof value === 'string' ? value.split(',') : [];
  if (parts.length !== 2) throw new StrataError('INVALID_INPUT', `--${flag} must be two numbers "lo,hi" (write --${flag}=-1,1 for a negative minimum)`);
  return [optionalNumber(parts[0], flag) as number, optionalNumber(parts[1], flag) as number];
}

function oneOf(value: string, allowed: readonly string[], flag: string): string {
  if (!allowed.includes(value)) throw new StrataError('INVALID_INPUT', `--${flag} must be one of ${allowed.join(', ')}`);
  return value;
}

function pct(x: number): string {
  return `${(x * 100).toFixed(2)}%`;
}

function describe(result: OptimizeResult): string {
  const rows = Object.entries(result.weights)
    .filter(([, w]) => Math.abs(w) >= 5e-5)
    .sort((a, b) => b[1] - a[1])
    .map(([name, w]) => `${name.padEnd(12)} ${pct(w).padStart(8)}`);
  return [
    ...rows,
    `Expected annual return: ${pct(result.expectedReturn)}`,
    `Annual volatility: ${pct(result.volatility)}`,
    `Sharpe ratio: ${result.sharpe.toFixed(3)}`,
  ].join('\n');
}
