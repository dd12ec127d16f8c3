/**
 * Benchmark of the automated portfolio optimizer (npm run bench:apo [-- --json] [-- --no-baseline]).
 *
 * Measures (median milliseconds): max-sharpe, min-volatility, frontier-100 (a 100-point efficient frontier) and hrp,
 * long-only, at 20, 50, 100, 200 and 500 assets of seeded synthetic data (scripts/bench/syntheticPrices.ts, 1000
 * days) and at 20 assets of PyPortfolioOpt's stock CSV (../shared/data/pypfopt/stock_prices.csv, 7125 days). Every
 * run includes the problem's preparation (validation, positive-definiteness check) as `optimize` does it; expected
 * returns and covariance are estimated once per data set, outside the timing. `hrp` is HRP on the moments the sample
 * risk model has already computed (one pass per returns table, shared); `hrp-from-returns` includes that pass
 * (in the baseline, pandas-style Welford moments).
 *
 * Baseline: the same measures with `solver: 'quadprog'` (one fresh Goldfarb-Idnani solve per problem, the solver used
 * before the critical line path) and, for HRP, the moments by Welford's update. Slow baseline runs are bounded: at most
 * BUDGET_MS per measure (3 runs at least), and no 100-point frontier above 100 assets (about 33 s a run at 200).
 *
 * The human table goes to stdout (stderr with --json); the last line of stdout is one JSON object:
 * {"bench":"apo","loadAverage","results":[{"measure","assets","data","medianMs","cpuMedianMs","runs"},…],
 * "baseline":[…same shape…]}. medianMs is wall-clock time; cpuMedianMs this process's CPU time (see time()).
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { dailyReturns } from '../../shared/optimizer/dailyReturns';
import { efficientFrontier } from '../../shared/optimizer/efficientFrontier';
import { expectedReturns } from '../../shared/optimizer/expectedReturns';
import { hrpWeights } from '../../shared/optimizer/hrp';
import type { Solver } from '../../shared/optimizer/meanVariance';
import { optimize } from '../../shared/optimizer/optimize';
import { pairwiseMoments, pairwiseMomentsWelford } from '../../shared/optimizer/pairwiseStats';
import { parsePrices } from '../../shared/optimizer/parsePrices';
import { riskModel } from '../../shared/optimizer/riskModel';
import type { Matrix, ReturnsTable } from '../../shared/optimizer/types';
import { computeStrategy } from '../../shared/strategy/computeStrategy';
import { DEMO_PRICES_CSV } from '../../shared/strategy/demoPrices';
import { defaultStrategy } from '../../shared/strategy/riskProfile';
import { syntheticPrices } from './syntheticPrices';

const DATA = join(__dirname, '..', '..', '..', 'shared', 'data');
const SIZES = [20, 50, 100, 200, 500];
const DAYS = 1000;
const SEED = 20240601;
const BUDGET_MS = 4000;
const RF = 0.02;

const json = process.argv.includes('--json');
const baseline = !process.argv.includes('--no-baseline');
const out = (line: string) => (json ? process.stderr : process.stdout).write(`${line}\n`);

interface Result {
  measure: string;
  assets: number;
  data: 'synthetic' | 'stocks' | 'demo';
  medianMs: number;
  cpuMedianMs: number;
  runs: number;
}

/**
 * Median of `runs` timed calls after one untimed warm-up call (three when a call is fast; none when it took over a
 * second, that call then counts), within `budget` ms. Also the
 * median CPU time of this process per call (process.cpuUsage): on a machine shared with other work the wall-clock
 * median includes time spent waiting for a core, the CPU median does not.
 */
function time(fn: () => unknown, runs: number, budget = BUDGET_MS): Timing {
  const wall: number[] = [];
  const cpu: number[] = [];
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const first = performance.now() - t0;
  if (first < 50) {
    fn();
    fn();
  } else if (first > 1000) {
    // A call of seconds gains nothing from warming up: count it, and keep the slow baseline runs short.
    wall.push(first);
    const used = process.cpuUsage(c0);
    cpu.push((used.user + used.system) / 1000);
  }
  const start = performance.now();
  while (wall.length < runs && (wall.length < 3 || performance.now() - start < budget)) {
    const c = process.cpuUsage();
    const t = performance.now();
    fn();
    wall.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  return { medianMs: median(wall), cpuMedianMs: median(cpu), runs: wall.length };
}

interface Timing {
  medianMs: number;
  cpuMedianMs: number;
  runs: number;
}

function median(values: number[]): number {
  const v = values.slice().sort((a, b) => a - b);
  const mid = v.length >> 1;
  return v.length % 2 === 1 ? (v[mid] as number) : ((v[mid - 1] as number) + (v[mid] as number)) / 2;
}

interface DataSet {
  data: Result['data'];
  returns: ReturnsTable;
  assets: string[];
  mu: number[];
  sigma: Matrix;
}

function dataSet(data: Result['data'], returns: ReturnsTable): DataSet {
  return { data, returns, assets: returns.assets, mu: expectedReturns(returns), sigma: riskModel(returns) };
}

const stocks = dailyReturns(parsePrices(readFileSync(join(DATA, 'pypfopt', 'stock_prices.csv'), 'utf8')));
// The very first optimizer call of this process (the JIT has compiled nothing of it yet).
const stockSet = dataSet('stocks', stocks);
const firstCpu = process.cpuUsage();
const firstStart = performance.now();
optimize({ ...stockSet, objective: 'max-sharpe', riskFreeRate: RF });
const firstCallMs = performance.now() - firstStart;
const firstCpuUsed = process.cpuUsage(firstCpu);
const firstCallCpuMs = (firstCpuUsed.user + firstCpuUsed.system) / 1000;

const sets: DataSet[] = [stockSet, ...SIZES.map((n) => dataSet('synthetic', dailyReturns(syntheticPrices(stocks, n, DAYS, SEED + n))))];

function measures(set: DataSet, solver: Solver): Result[] {
  const n = set.assets.length;
  const results: Result[] = [];
  const add = (measure: string, r: Timing) => results.push({ measure, assets: n, data: set.data, ...r });
  const runs = n >= 200 ? 9 : 21;
  const old = solver === 'quadprog';
  add('max-sharpe', time(() => optimize({ ...set, objective: 'max-sharpe', riskFreeRate: RF, solver }), runs));
  add('min-volatility', time(() => optimize({ ...set, objective: 'min-volatility', solver }), runs));
  if (!old || n <= 100) add('frontier-100', time(() => efficientFrontier({ ...set, points: 100, riskFreeRate: RF, solver }), old ? 5 : runs));
  if (old) {
    const moments = pairwiseMomentsWelford(set.returns);
    add('hrp', time(() => hrpWeights({ moments }), runs));
    add('hrp-from-returns', time(() => hrpWeights({ moments: pairwiseMomentsWelford(set.returns) }), runs));
  } else {
    const moments = pairwiseMoments(set.returns);
    add('hrp', time(() => hrpWeights({ moments }), runs));
    // A new table object each run: no shared pass to reuse.
    add('hrp-from-returns', time(() => hrpWeights({ returns: { ...set.returns } }), runs));
  }
  return results;
}

const results: Result[] = [];
const before: Result[] = [];
for (const set of sets) {
  results.push(...measures(set, 'auto'));
  if (baseline) before.push(...measures(set, 'quadprog'));
}
results.push({ measure: 'max-sharpe-first-call', assets: stockSet.assets.length, data: 'stocks', medianMs: firstCallMs, cpuMedianMs: firstCallCpuMs, runs: 1 });
results.push({
  measure: 'strategy-page',
  assets: 9,
  data: 'demo',
  ...time(() => computeStrategy({ csv: DEMO_PRICES_CSV, settings: defaultStrategy('balanced'), holdings: {} }), 21),
});

const key = (r: Result) => `${r.measure}|${r.assets}|${r.data}`;
const old = new Map(before.map((r) => [key(r), r]));
const cell = (v: string, w: number) => v.padStart(w);
out(`${'measure'.padEnd(22)}${cell('assets', 6)}  ${'data'.padEnd(10)}${cell('new ms', 10)}${cell('new cpu', 10)}${cell('runs', 5)}${cell('old ms', 11)}${cell('old cpu', 11)}${cell('runs', 5)}${cell('cpu x', 8)}`);
for (const r of results) {
  const o = old.get(key(r));
  out(
    `${r.measure.padEnd(22)}${cell(String(r.assets), 6)}  ${r.data.padEnd(10)}${cell(r.medianMs.toFixed(3), 10)}${cell(r.cpuMedianMs.toFixed(3), 10)}${cell(String(r.runs), 5)}` +
      (o === undefined ? '' : `${cell(o.medianMs.toFixed(3), 11)}${cell(o.cpuMedianMs.toFixed(3), 11)}${cell(String(o.runs), 5)}${cell(`${(o.cpuMedianMs / Math.max(r.cpuMedianMs, 1e-3)).toFixed(1)}x`, 8)}`),
  );
}
const load = loadavg()[0] as number;
out(`ms = median wall clock, cpu = median CPU time of this process; load average ${load.toFixed(1)} on ${cpus().length} cores.`);
if (baseline) out('old = solver quadprog (one fresh solve per problem) and Welford moments for HRP; no old frontier above 100 assets.');
const round = (r: Result) => ({ ...r, medianMs: Number(r.medianMs.toFixed(4)), cpuMedianMs: Number(r.cpuMedianMs.toFixed(4)) });
process.stdout.write(`${JSON.stringify({ bench: 'apo', loadAverage: Number(load.toFixed(2)), results: results.map(round), baseline: before.map(round) })}\n`);
