import type { PriceTable, ReturnsTable } from '../../shared/optimizer/types';
import { seededRandom } from '../../shared/seededRandom';

/**
 * Deterministic synthetic prices for `assets` assets over `days` days, built from a real returns table (PyPortfolioOpt's
 * 20 stocks): dates where every stock trades are bootstrapped with a seeded PRNG (mulberry32), and each synthetic asset
 * is a random mix of three stocks plus seeded Gaussian idiosyncratic noise, turned back into prices. The noise keeps
 * the covariance matrix full rank while `days > assets`.
 */
export function syntheticPrices(stocks: ReturnsTable, assets: number, days: number, seed: number): PriceTable {
  const rand = seededRandom(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const width = stocks.assets.length;
  const complete = stocks.returns.filter((row) => row.every((r) => r !== null)) as number[][];
  const rows = Array.from({ length: days }, () => complete[Math.floor(rand() * complete.length)] as number[]);
  const mixes = Array.from({ length: assets }, () => {
    const picks = [0, 1, 2].map(() => Math.floor(rand() * width));
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
