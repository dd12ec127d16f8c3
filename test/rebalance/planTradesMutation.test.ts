/**
 * planTrades and measureDrift branch by branch (issue #18 item 5): purchases exceeding sales, the gap's sign and
 * arithmetic, the in-band filter, largest-first with ties by key, the seller's own account, dust and the minimum, and
 * negative balances. Five $1 tokens with 6 decimals keep the arithmetic readable: 1 base unit = 1 micro-USD.
 */
import { describe, expect, it } from 'vitest';
import type { AssetInfo } from '../../shared/domain/asset';
import { isOutOfBand, measureDrift, positionsOf, targetKeyOf, type RebalanceHolding } from '../../shared/rebalance/measureDrift';
import { planTrades } from '../../shared/rebalance/planTrades';
import { expectStrataError } from '../unit/expectStrataError';

const A = 'eip155:31337';
const B = 'eip155:31338';
const M = 1_000_000n;
const token = (chain: string, n: number, symbol: string, decimals = 6): AssetInfo => ({
  chain,
  ref: `0x${n.toString(16).padStart(40, '0')}`,
  symbol,
  name: symbol,
  decimals,
  priceId: symbol.toLowerCase(),
});
const [V, W, X, Y, Z] = [token(A, 1, 'V'), token(A, 2, 'W'), token(A, 3, 'X'), token(A, 4, 'Y'), token(A, 5, 'Z')] as [AssetInfo, AssetInfo, AssetInfo, AssetInfo, AssetInfo];
const ALL = [V, W, X, Y, Z];
const FIFTHS = { v: 0.2, w: 0.2, x: 0.2, y: 0.2, z: 0.2 };
const RULES = { bandPct: 5, minTradeUsd: '0' };
const usd = (a: AssetInfo, dollars: bigint, accountId = 'acc-1', price = '1'): RebalanceHolding => ({ accountId, asset: a, amount: dollars * M, usdPrice: price });
const brief = (plan: ReturnType<typeof planTrades>): Array<[string, string, string, bigint]> =>
  plan.trades.map((t) => [t.accountId, t.sell.symbol, t.buy.symbol, t.usd]);

describe('planTrades: the gap between out-of-band sales and purchases', () => {
  it('purchases exceed sales: the rest is sold from in-band assets above target, largest first, never past target', () => {
    // targets $200 each; X +70 and Y -120 are out; Z +40, W +30, V -20 are inside the 5 pp band. gap = 70 - 120 = -50:
    // Z gives 40 (its whole excess), W the last 10 of its 30.
    const plan = planTrades([usd(X, 270n), usd(Y, 80n), usd(Z, 240n), usd(W, 230n), usd(V, 180n)], FIFTHS, ALL, RULES);
    expect(plan.drift.outOfBand).toEqual(['x', 'y']);
    expect(brief(plan)).toEqual([
      ['acc-1', 'X', 'Y', 70n * M],
      ['acc-1', 'Z', 'Y', 40n * M],
      ['acc-1', 'W', 'Y', 10n * M],
    ]);
    expect(plan.trades.map((t) => t.amountIn)).toEqual([70n * M, 40n * M, 10n * M]);
    expect(plan.skipped).toEqual([]);
  });

  it('sales exceed purchases: the rest is bought into in-band assets below target, largest first, ties by key', () => {
    // X +120 out, Y -70 out; W and Z each -30 in band (tie: w before z), V +10 in band. gap = 50: W 30, then Z 20.
    const plan = planTrades([usd(X, 320n), usd(Y, 130n), usd(Z, 170n), usd(W, 170n), usd(V, 210n)], FIFTHS, ALL, RULES);
    expect(brief(plan)).toEqual([
      ['acc-1', 'X', 'Y', 70n * M],
      ['acc-1', 'X', 'W', 30n * M],
      ['acc-1', 'X', 'Z', 20n * M],
    ]);
  });

  it('a gap larger than one in-band asset spills into the next; the larger gap goes first even when its key sorts later', () => {
    // X +110 out, Y -60 out; W -45 and V -25 in band, Z +20 in band: gap 50 = W 45 (largest, though "w" > "v") + V 5.
    const plan = planTrades([usd(X, 310n), usd(Y, 140n), usd(Z, 220n), usd(W, 155n), usd(V, 175n)], FIFTHS, ALL, RULES);
    expect(brief(plan)).toEqual([
      ['acc-1', 'X', 'Y', 60n * M],
      ['acc-1', 'X', 'W', 45n * M],
      ['acc-1', 'X', 'V', 5n * M],
    ]);
  });

  it('a purchase that cannot happen keeps its share unsold: the gap goes in band only up to the real difference', () => {
    // targets x 200, y 100, z 250, w 250, v 200. X +130 out; Y -100 out but listed nowhere and held nowhere;
    // Z -30, W -20 in band; V +20 in band. gap = 130 - 100 = 30: Z takes it all, W nothing, $100 of X stays unsold.
    const weights = { x: 0.2, y: 0.1, z: 0.25, w: 0.25, v: 0.2 };
    const plan = planTrades([usd(X, 330n), usd(Z, 220n), usd(W, 230n), usd(V, 220n)], weights, [X, Z, W, V], RULES);
    expect(brief(plan)).toEqual([['acc-1', 'X', 'Z', 30n * M]]);
    expect(plan.skipped).toEqual([
      { sell: null, buy: null, key: 'y', usd: '100.00', reason: 'NOT_AVAILABLE', message: 'y is not listed on any chain of this wallet: it cannot be bought' },
    ]);
  });

  it('a gap beyond what in-band assets can take stays unsold: never an asset above target, never one that cannot be bought', () => {
    // targets x 200, y 60, z 250, w 250, u 40, v 200. X +130 out; Y -60 out and U -40 in band, both listed and held
    // nowhere; Z -30, W -20 in band; V +20 in band. gap = 130 - 60 = 70, but only Z and W (50) can take part of it.
    const weights = { x: 0.2, y: 0.06, z: 0.25, w: 0.25, u: 0.04, v: 0.2 };
    const plan = planTrades([usd(X, 330n), usd(Z, 220n), usd(W, 230n), usd(V, 220n)], weights, [X, Z, W, V], RULES);
    expect(brief(plan)).toEqual([
      ['acc-1', 'X', 'Z', 30n * M],
      ['acc-1', 'X', 'W', 20n * M],
    ]);
    expect(plan.skipped.map((s) => [s.key, s.reason, s.usd])).toEqual([['y', 'NOT_AVAILABLE', '60.00']]);
  });

  it('an in-band asset exactly at target takes no part of a gap that cannot be placed', () => {
    // X +150 out; Y -60 out and U -40 in band, both unbuyable; Z -30, W -20 in band; V exactly at target.
    const weights = { x: 0.2, y: 0.06, z: 0.25, w: 0.25, u: 0.04, v: 0.2 };
    const plan = planTrades([usd(X, 350n), usd(Z, 220n), usd(W, 230n), usd(V, 200n)], weights, [X, Z, W, V], RULES);
    expect(brief(plan)).toEqual([
      ['acc-1', 'X', 'Z', 30n * M],
      ['acc-1', 'X', 'W', 20n * M],
    ]);
    expect(plan.skipped.map((s) => [s.key, s.reason, s.usd])).toEqual([['y', 'NOT_AVAILABLE', '60.00']]);
  });

  it('in-band sales go to the largest excess over target first, not the largest holding', () => {
    // targets w 100, z 300, x 200, y 200, v 200: W +40 ($140), Z +30 ($330) in band; X +70, Y -120 out; V -20 in band.
    const weights = { w: 0.1, z: 0.3, x: 0.2, y: 0.2, v: 0.2 };
    const plan = planTrades([usd(W, 140n), usd(Z, 330n), usd(X, 270n), usd(Y, 80n), usd(V, 180n)], weights, ALL, RULES);
    expect(brief(plan)).toEqual([
      ['acc-1', 'X', 'Y', 70n * M],
      ['acc-1', 'W', 'Y', 40n * M],
      ['acc-1', 'Z', 'Y', 10n * M],
    ]);
  });

  it('a reserve that makes an in-band sale short leaves the purchase short instead of selling more elsewhere', () => {
    // as in the first case (gap -50: Z 40, W 10), but $220 of Z's $240 is kept back: Z sells $20, W still only $10.
    const reserves = new Map([[`acc-1|${Z.chain}|${Z.ref}`, 220n * M]]);
    const plan = planTrades([usd(X, 270n), usd(Y, 80n), usd(Z, 240n), usd(W, 230n), usd(V, 180n)], FIFTHS, ALL, RULES, reserves);
    expect(brief(plan)).toEqual([
      ['acc-1', 'X', 'Y', 70n * M],
      ['acc-1', 'Z', 'Y', 20n * M],
      ['acc-1', 'W', 'Y', 10n * M],
    ]);
  });

  it('matches the largest sale with the largest purchase whatever their key order', () => {
    // V -60 and W -80 to buy; X +60 and Y +80 to sell (positions come in key order v, w, x, y, z).
    const plan = planTrades([usd(V, 140n), usd(W, 120n), usd(X, 260n), usd(Y, 280n), usd(Z, 200n)], FIFTHS, ALL, RULES);
    expect(brief(plan)).toEqual([
      ['acc-1', 'Y', 'W', 80n * M],
      ['acc-1', 'X', 'V', 60n * M],
    ]);
  });

  it('balanced out-of-band sales and purchases touch nothing in band', () => {
    const plan = planTrades([usd(X, 300n), usd(Y, 100n), usd(Z, 230n), usd(W, 170n), usd(V, 200n)], FIFTHS, ALL, RULES);
    expect(brief(plan)).toEqual([['acc-1', 'X', 'Y', 100n * M]]);
  });

  it('exactly 5 pp off is in band; 5 pp and one micro-dollar is out', () => {
    const inside = planTrades([usd(X, 250n), usd(Y, 150n), usd(Z, 200n), usd(W, 200n), usd(V, 200n)], FIFTHS, ALL, RULES);
    expect([inside.drift.outOfBand, inside.trades]).toEqual([[], []]);
    const justOut = planTrades(
      [{ ...usd(X, 250n), amount: 250n * M + 1n }, { ...usd(Y, 150n), amount: 150n * M - 1n }, usd(Z, 200n), usd(W, 200n), usd(V, 200n)],
      FIFTHS,
      ALL,
      RULES,
    );
    expect(justOut.drift.outOfBand).toEqual(['x', 'y']);
    expect(brief(justOut)).toEqual([['acc-1', 'X', 'Y', 50n * M + 1n]]);
  });
});

describe('planTrades: legs, matching and where purchases go', () => {
  it('sells the largest holding of an asset first, across accounts and chains', () => {
    const XB = token(B, 3, 'X');
    // X: $60 on B (acc-2), $240 on A (acc-1); target $100 each of x, y, z... here x .25 / y .75 of $400.
    const plan = planTrades([usd(XB, 60n, 'acc-2'), usd(X, 240n), usd(Y, 100n)], { x: 0.25, y: 0.75 }, [X, XB, Y], RULES);
    expect(plan.trades.map((t) => [t.accountId, t.sell.chain, t.usd])).toEqual([
      ['acc-1', A, 200n * M],
    ]);
    const more = planTrades([usd(XB, 60n, 'acc-2'), usd(X, 240n), usd(Y, 0n)], { x: 0, y: 1 }, [X, XB, Y], RULES);
    expect(more.trades.map((t) => [t.accountId, t.sell.chain, t.buy.chain, t.usd])).toEqual([
      ['acc-1', A, A, 240n * M],
      ['acc-2', B, A, 60n * M],
    ]);
  });

  it("buys on the seller's own account's chain when it holds the asset, else where another account holds it", () => {
    const YB = token(B, 4, 'Y');
    // Y is held by acc-2 on B (larger) and by acc-1 on A.
    const holdings = [usd(X, 300n), usd(YB, 80n, 'acc-2'), usd(Y, 20n)];
    const plan = planTrades(holdings, { x: 0.5, y: 0.5 }, [X, Y, YB], RULES);
    expect(plan.trades.map((t) => [t.accountId, t.sell.chain, t.buy.chain, t.usd])).toEqual([['acc-1', A, A, 100n * M]]);
    const otherSeller = planTrades([usd(X, 300n, 'acc-3'), usd(YB, 80n, 'acc-2'), usd(Y, 20n)], { x: 0.5, y: 0.5 }, [X, Y, YB], RULES);
    expect(otherSeller.trades.map((t) => [t.accountId, t.buy.chain])).toEqual([['acc-3', B]]);
  });

  it("stops an asset's sale legs once its excess is covered, so the next asset's sale is matched next", () => {
    // X is $200 on A and $80 on B (excess 80, covered by A alone); Y +60; buys W -80, V -60.
    const XB = token(B, 3, 'X');
    const plan = planTrades([usd(V, 140n), usd(W, 120n), usd(X, 200n), usd(XB, 80n, 'acc-2'), usd(Y, 260n), usd(Z, 200n)], FIFTHS, [...ALL, XB], RULES);
    expect(plan.trades.map((t) => [t.accountId, t.sell.symbol, t.sell.chain, t.buy.symbol, t.usd])).toEqual([
      ['acc-1', 'X', A, 'W', 80n * M],
      ['acc-1', 'Y', A, 'V', 60n * M],
    ]);
  });

  it('buys an asset the wallet holds even when it is not in the listed assets', () => {
    const plan = planTrades([usd(X, 300n), usd(Y, 100n)], { x: 0.5, y: 0.5 }, [X], RULES);
    expect(brief(plan)).toEqual([['acc-1', 'X', 'Y', 100n * M]]);
  });

  it('splits one sale across purchases and sells the exact rest on the last piece (no dust)', () => {
    // 100 E at $7 (18 decimals) into three equal targets: the value does not divide into whole units.
    const E = { ...token(A, 9, 'E', 18), priceId: 'e' };
    const third = 1 / 3;
    const plan = planTrades([{ accountId: 'acc-1', asset: E, amount: 100n * 10n ** 18n, usdPrice: '7' }], { e: 0, v: third, w: third }, [E, V, W], RULES);
    // $700 total: v and w each get 350 micro-dollars-exact targets; the whole holding is sold, the second piece takes
    // exactly what is left of it.
    expect(plan.trades.map((t) => [t.buy.symbol, t.usd, t.amountIn])).toEqual([
      ['V', 350n * M, 50n * 10n ** 18n],
      ['W', 350n * M, 50n * 10n ** 18n],
    ]);
    const odd = planTrades([{ accountId: 'acc-1', asset: E, amount: 10n ** 18n + 1n, usdPrice: '3' }], { e: 0, v: 0.5, w: 0.5 }, [E, V, W], RULES);
    const sold = odd.trades.reduce((s, t) => s + t.amountIn, 0n);
    expect(sold).toBe(10n ** 18n + 1n);
    expect(odd.trades.map((t) => [t.buy.symbol, t.usd, t.amountIn])).toEqual([
      ['V', 1_500_000n, 500_000_000_000_000_000n],
      ['W', 1_500_000n, 500_000_000_000_000_001n],
    ]);
  });

  it('skips a piece below the minimum (strictly below: exactly the minimum trades) and one worth zero units', () => {
    const plan = planTrades([usd(X, 300n), usd(Y, 100n)], { x: 0.5, y: 0.5 }, [X, Y], { bandPct: 5, minTradeUsd: '100' });
    expect(brief(plan)).toEqual([['acc-1', 'X', 'Y', 100n * M]]);
    const below = planTrades([usd(X, 300n), usd(Y, 100n)], { x: 0.5, y: 0.5 }, [X, Y], { bandPct: 5, minTradeUsd: '100.01' });
    expect([below.trades, below.skipped]).toEqual([
      [],
      [{ sell: X, buy: Y, key: 'y', usd: '100.00', reason: 'BELOW_MINIMUM', message: 'Selling $100.00 of X for Y is below the $100.01 minimum trade' }],
    ]);
    // one whole unit of G is worth $1000: a $0.60 sale of it is zero units, never a trade, even with no minimum
    const G = { ...token(A, 7, 'G', 0), priceId: 'g' };
    const tiny = planTrades([{ accountId: 'acc-1', asset: G, amount: 2n, usdPrice: '1000' }], { g: 0.9997, y: 0.0003 }, [G, Y], { bandPct: 0.01, minTradeUsd: '0' });
    expect(tiny.drift.outOfBand).toEqual(['g', 'y']);
    expect(tiny.trades).toEqual([]);
    expect(tiny.skipped).toEqual([
      { sell: G, buy: Y, key: 'y', usd: '0.60', reason: 'BELOW_MINIMUM', message: 'Selling $0.60 of G for Y is below the $0.00 minimum trade' },
    ]);
  });
});

describe('measureDrift inputs', () => {
  it('refuses a negative balance, a negative, NaN or infinite weight, with INVALID_INPUT', () => {
    expectStrataError(() => planTrades([{ ...usd(X, 1n), amount: -1n }], { x: 1 }, [X], RULES), 'INVALID_INPUT', /^A balance cannot be negative$/);
    for (const w of [-0.1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expectStrataError(() => measureDrift([], { x: w, y: 1 }, 5), 'INVALID_INPUT', /^Target weights must be non-negative numbers$/);
    }
    expectStrataError(() => measureDrift([], { x: 0, y: 0 }, 5), 'INVALID_INPUT', /^Target weights must not all be zero$/);
  });

  it('sorts an asset holdings by value, then by chain and account; zero balances are skipped', () => {
    const XB = token(B, 3, 'X');
    const positions = positionsOf([usd(X, 50n, 'acc-1'), usd(XB, 50n, 'acc-1'), usd(X, 0n, 'acc-0'), usd(X, 50n, 'acc-2'), usd(X, 70n, 'acc-9')], { x: 1 });
    const holdings = positions.positions[0]?.holdings.map((h) => `${h.asset.chain}|${h.accountId}|${h.usd}`);
    expect(holdings).toEqual([`${A}|acc-9|70000000`, `${A}|acc-1|50000000`, `${A}|acc-2|50000000`, `${B}|acc-1|50000000`]);
    expect(positions.total).toBe(220n * M);
  });

  it('lists unpriced symbols sorted, and names a priced position after its largest holding', () => {
    const usdcE = { ...token(A, 11, 'USDC.e'), priceId: 'usd-coin' };
    const usdc = { ...token(B, 12, 'USDC'), priceId: 'usd-coin' };
    const zeta = { ...token(A, 13, 'ZETA'), priceId: 'zeta' };
    const report = measureDrift(
      [
        { accountId: 'a', asset: zeta, amount: 1n, usdPrice: null },
        { accountId: 'a', asset: usdcE, amount: 1n, usdPrice: null },
        { accountId: 'a', asset: usdc, amount: 1n, usdPrice: '0' },
        usd(X, 10n),
      ],
      { 'usd-coin': 0.5, zeta: 0.25, x: 0.25 },
      5,
    );
    expect(report.assets.map((a) => [a.key, a.symbol]).slice(1)).toEqual([['x', 'X'], ['zeta', 'ZETA']]);
    expect(report.unpriced).toEqual(['USDC', 'USDC.e', 'ZETA']);
  });

  it('reports each asset in percent, rounded to 0.01, with the target named by price id or symbol', () => {
    const report = measureDrift([usd(X, 1n), usd(Y, 2n)], { x: 0.5, Y: 0.5 }, 10);
    expect(report).toEqual({
      totalUsd: '3.00',
      bandPct: 10,
      assets: [
        { key: 'Y', symbol: 'Y', currentUsd: '2.00', targetUsd: '1.50', currentPct: 66.67, targetPct: 50, driftPct: 16.67, outOfBand: true },
        { key: 'x', symbol: 'X', currentUsd: '1.00', targetUsd: '1.50', currentPct: 33.33, targetPct: 50, driftPct: -16.67, outOfBand: true },
      ],
      outOfBand: ['Y', 'x'],
      unpriced: [],
      untracked: [],
    });
    expect(targetKeyOf(X, ['X', 'x'])).toBe('x');
    expect(targetKeyOf({ priceId: null, symbol: 'usdc' }, ['USDC'])).toBe('USDC');
    expect(targetKeyOf({ priceId: 'nope', symbol: 'Q' }, ['x'])).toBeNull();
  });

  it('isOutOfBand is symmetric and strict', () => {
    expect(isOutOfBand(150n, 100n, 1000n, 5)).toBe(false);
    expect(isOutOfBand(50n, 100n, 1000n, 5)).toBe(false);
    expect(isOutOfBand(151n, 100n, 1000n, 5)).toBe(true);
    expect(isOutOfBand(49n, 100n, 1000n, 5)).toBe(true);
    expect(isOutOfBand(100n, 100n, 1000n, 0)).toBe(false);
    expect(isOutOfBand(101n, 100n, 1000n, 0.1)).toBe(false);
    expect(isOutOfBand(102n, 100n, 1000n, 0.1)).toBe(true);
  });
});
