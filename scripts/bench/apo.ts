/**
 * Benchmark of the automated portfolio optimizer (npm run bench:apo). Prints the median milliseconds of:
 * max Sharpe on 20 and on 100 assets, a 100-point frontier on 20 assets, HRP on 100 assets, and the slider's whole
 * recompute on 20 assets (max Sharpe + 50-point frontier, with and without re-estimating the models).
 *
 * 20 assets: PyPortfolioOpt's stock dataset (../shared/data/pypfopt/stock_prices.csv). 100 assets are synthesized
 * deterministically from it: dates where all 20 stocks trade are bootstrapped with a seeded PRNG (mulberry32), and
 * each synthetic asset is a random mix of three stocks plus seeded Gaussian idiosyncratic noise, turned back into prices.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dailyReturns } from '../../shared/optimizer/dailyReturns';
import { efficientFrontier } from '../../shared/optimizer/efficientFrontier';
import { expectedReturns } from '../../shared/optimizer/expectedReturns';
import { hrpWeights } from '../../shared/optimizer/hrp';
import { optimize } from '../../shared/optimizer/optimize';
import { parsePrices } from '../../shared/optimizer/parsePrices';
import { riskModel } from '../../shared/optimizer/riskModel';
import type { PriceTable, ReturnsTable } from '../../shared/optimizer/types';
import { seededRandom } from '../../shared/seededRandom';
import { computeStrategy } from '../../shared/strategy/computeStrategy';
import { DEMO_PRICES_CSV } from '../../shared/strategy/demoPrices';
import { defaultStrategy } from '../../shared/strategy/riskProfile';

const DATA = join(__dirname, '..', '..', '..', 'shared', 'data');


function synthesize(stocks: ReturnsTable, assets: number, days: number, seed: number): PriceTable {
  const rand = seededRandom(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const complete = stocks.returns.filter((row) => row.every((r) => r !== null)) as number[][];
  const rows = Array.from({ length: days }, () => complete[Math.floor(rand() * complete.length)] as number[]);
  const mixes = Array.from({ length: assets }, () => {
    const picks = [0, 1, 2].map(() => Math.floor(rand() * 20));
    const w = picks.map(() => rand() + 0.1);
    const total = w.reduce((s, v) => s + v, 0);
    return { picks, w: w.map((v) => v / total), noise: 0.005 + 0.015 * rand() };
  });
  const prices: (number | null)[][] = [mixes.map(() => 100)];
  for (const row of rows) {
    const prev = prices[prices.length - 1] as number[];
    prices.push(mixes.map((m, j) => {
      const r = m.picks.reduce((s, a, k) => s + (m.w[k] as number) * (row[a] as number), 0) + m.noise * gauss();
      return (prev[j] as number) * Math.max(0.05, 1 + r);
    }));
  }
  const dates = prices.map((_, t) => new Date(Date.UTC(2000, 0, 1 + t)).toISOString().slice(0, 10));
  return { dates, assets: mixes.map((_, j) => `S${String(j).padStart(3, '0')}`), prices };
}

function median(fn: () => unknown, runs: number): number {
  for (let i = 0; i < 3; i++) fn(); // warm up the JIT
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

const stocks = dailyReturns(parsePrices(readFileSync(join(DATA, 'pypfopt', 'stock_prices.csv'), 'utf8')));
const mu20 = expectedReturns(stocks);
const sigma20 = riskModel(stocks);
const p20 = { assets: stocks.assets, mu: mu20, sigma: sigma20 };
const big = dailyReturns(synthesize(stocks, 100, 1000, 20240601));
const mu100 = expectedReturns(big);
const sigma100 = riskModel(big);
const p100 = { assets: big.assets, mu: mu100, sigma: sigma100 };

const results: [string, number][] = [
  ['max Sharpe, 20 assets', median(() => optimize({ ...p20, objective: 'max-sharpe', riskFreeRate: 0.02 }), 50)],
  ['max Sharpe, 100 assets', median(() => optimize({ ...p100, objective: 'max-sharpe', riskFreeRate: 0.02 }), 10)],
  ['frontier, 100 points, 20 assets', median(() => efficientFrontier({ ...p20, points: 100 }), 10)],
  ['HRP from returns, 100 assets (1000 days)', median(() => hrpWeights({ returns: big }), 10)],
  ['slider recompute, 20 assets: max Sharpe + 50-point frontier', median(() => {
    optimize({ ...p20, objective: 'max-sharpe', riskFreeRate: 0.02 });
    efficientFrontier({ ...p20, points: 50 });
  }, 20)],
  ['Strategy page recompute (demo data, 9 assets, worker code path)', median(() => {
    computeStrategy({ csv: DEMO_PRICES_CSV, settings: defaultStrategy('balanced'), holdings: {} });
  }, 20)],
  ['same, re-estimating returns and covariance (7125 days)', median(() => {
    const p = { assets: stocks.assets, mu: expectedReturns(stocks), sigma: riskModel(stocks) };
    optimize({ ...p, objective: 'max-sharpe', riskFreeRate: 0.02 });
    efficientFrontier({ ...p, points: 50 });
  }, 10)],
];
for (const [name, ms] of results) console.log(`${name.padEnd(62)} ${ms.toFixed(2).padStart(9)} ms`);
