import { describe, expect, it } from 'vitest';
import { rankRoutes, type FoundRoute } from '../../electron/services/routing/findRoutes';
import { routeValueLost } from '../../electron/services/routing/routeValueLost';
import { assertLossAccepted, lossLevel, lossPercentText, parseLossPercent, routeLossBps } from '../../shared/routing/valueLostGuard';
import { parseDecimal } from '../../shared/portfolio/decimal';
import { StrataError } from '../../shared/errors';
import { judgeTradeLoss, tradeCostUsd } from '../../shared/rebalance/judgeTradeLoss';

const refusedOf = (fn: () => void): { code: string; message: string } | 'accepted' => {
  try {
    fn();
    return 'accepted';
  } catch (error) {
    if (!(error instanceof StrataError)) throw error;
    return { code: error.code, message: error.message };
  }
};

describe('loss levels: amber from 1%, red from 3%, refused above 15%', () => {
  it.each([
    [0, 'ok'],
    [99, 'ok'],
    [100, 'amber'],
    [299, 'amber'],
    [300, 'red'],
    [1_500, 'red'],
    [1_501, 'refused'],
    [9_952, 'refused'],
  ] as const)('%i bps is %s', (bps, level) => {
    expect(lossLevel(bps)).toBe(level);
  });

  it('judges the larger of value lost and price impact; a route recorded before value lost existed by its impact', () => {
    expect(routeLossBps({ priceImpactBps: 30, valueLostBps: 9_950 })).toBe(9_950);
    expect(routeLossBps({ priceImpactBps: 1_600, valueLostBps: 200 })).toBe(1_600);
    expect(routeLossBps({ priceImpactBps: 1_600, valueLostBps: null })).toBe(1_600);
    expect(routeLossBps({ priceImpactBps: 40 })).toBe(40);
  });
});

describe('accepting a loss', () => {
  it('parses --accept-loss percents to basis points, and refuses anything else', () => {
    expect([parseLossPercent('99.52'), parseLossPercent('15'), parseLossPercent('3.5'), parseLossPercent('0'), parseLossPercent('100'), parseLossPercent('100.00')]).toEqual([9_952, 1_500, 350, 0, 10_000, 10_000]);
    for (const bad of ['', '-1', '100.01', '101', '1e2', '99.521', '0x10', ' . ', 'all']) {
      expect(refusedOf(() => parseLossPercent(bad))).toMatchObject({ code: 'INVALID_INPUT' });
    }
    expect(lossPercentText(9_952)).toBe('99.52');
  });

  it('a refused route runs only with an acceptance of at least its loss; others need none', () => {
    const route = { priceImpactBps: 9_091, valueLostBps: 9_096 };
    expect(refusedOf(() => assertLossAccepted(route))).toEqual({
      code: 'PRICE_IMPACT_TOO_HIGH',
      message: 'This route loses 90.96% of the value sent (price impact 90.91%): nothing was sent. Accept exactly this loss to go on (CLI: --accept-loss 90.96)',
    });
    expect(refusedOf(() => assertLossAccepted(route, 9_095))).toEqual({
      code: 'PRICE_IMPACT_TOO_HIGH',
      message: 'This route loses 90.96% of the value sent (price impact 90.91%) (you accepted 90.95%): nothing was sent. Accept exactly this loss to go on (CLI: --accept-loss 90.96)',
    });
    expect(refusedOf(() => assertLossAccepted(route, 9_096))).toBe('accepted');
    expect(refusedOf(() => assertLossAccepted({ priceImpactBps: 1_500, valueLostBps: 1_500 }))).toBe('accepted');
    expect(refusedOf(() => assertLossAccepted({ priceImpactBps: 0, valueLostBps: 1_501 }))).toMatchObject({ code: 'PRICE_IMPACT_TOO_HIGH' });
  });
});

describe('routeValueLost', () => {
  const usd = (text: string) => parseDecimal(text);
  it('is USD in + fees on top - USD of the minimum received, as a share rounded up', () => {
    expect(routeValueLost({ valueInUsd: usd('3000'), feesOnTopUsd: usd('0.60'), minOutUsd: usd('2973.123456'), priceImpactBps: 39 })).toEqual({ valueLostUsd: '27.48', valueLostBps: 92, lossLevel: 'ok' });
    // 30 bps exactly stays 30; one micro-dollar more rounds up to 31
    expect(routeValueLost({ valueInUsd: usd('100'), feesOnTopUsd: null, minOutUsd: usd('99.70'), priceImpactBps: 0 })).toMatchObject({ valueLostUsd: '0.30', valueLostBps: 30 });
    expect(routeValueLost({ valueInUsd: usd('100'), feesOnTopUsd: null, minOutUsd: usd('99.699999'), priceImpactBps: 0 })).toMatchObject({ valueLostBps: 31 });
  });

  it('never below 0, and null without market prices (the level then from the impact)', () => {
    expect(routeValueLost({ valueInUsd: usd('100'), feesOnTopUsd: usd('1'), minOutUsd: usd('120'), priceImpactBps: 10 })).toEqual({ valueLostUsd: '0.00', valueLostBps: 0, lossLevel: 'ok' });
    expect(routeValueLost({ valueInUsd: null, feesOnTopUsd: usd('1'), minOutUsd: usd('120'), priceImpactBps: 1_600 })).toEqual({ valueLostUsd: null, valueLostBps: null, lossLevel: 'refused' });
    expect(routeValueLost({ valueInUsd: usd('100'), feesOnTopUsd: null, minOutUsd: null, priceImpactBps: 350 })).toEqual({ valueLostUsd: null, valueLostBps: null, lossLevel: 'red' });
  });
});

describe('ranking with the guard', () => {
  const found = (id: string, amountOut: string, etaSeconds: number, lossLevel: 'ok' | 'red' | 'refused'): FoundRoute => ({ route: { id, amountOut, etaSeconds, lossLevel } as FoundRoute['route'], plan: [] });
  it('puts a refused route after every acceptable one, whatever it delivers or however fast', () => {
    const routes = [found('refused-most', '900', 10, 'refused'), found('red', '500', 60, 'red'), found('ok', '400', 30, 'ok'), found('refused-less', '100', 5, 'refused')];
    expect(rankRoutes(routes, 'amount').map((r) => r.route.id)).toEqual(['red', 'ok', 'refused-most', 'refused-less']);
    expect(rankRoutes(routes, 'speed').map((r) => r.route.id)).toEqual(['ok', 'red', 'refused-less', 'refused-most']);
  });
});

describe('judgeTradeLoss: a rebalancing trade against the plan cost limit', () => {
  const route = (valueLostUsd: string | null | undefined, priceImpactBps = 0) => ({ valueLostUsd, valueLostBps: null, totalFeesUsd: '1.00', priceImpactBps });
  it('passes exactly at the limit, skips one cent above; unknown loss passes unless the impact alone is refused', () => {
    // $1,000 trade, 1% limit: $10.00 passes, $10.01 does not.
    expect(judgeTradeLoss(1_000_000_000n, route('10.00'), 1)).toBeNull();
    expect(judgeTradeLoss(1_000_000_000n, route('10.01'), 1)).toBe('It would lose $10.01 (fees, price impact and slippage), more than 1% of the $1000.00 trade');
    expect(judgeTradeLoss(1_000_000_000n, route(null), 1)).toBeNull();
    expect(judgeTradeLoss(1_000_000_000n, route(null, 1_501), 50)).toBe('Its price impact of 15.01% is more than the wallet accepts without your confirmation');
  });

  it('a route recorded before value lost existed is judged by its fees', () => {
    expect(tradeCostUsd({ valueLostUsd: undefined, totalFeesUsd: '3.00' })).toBe('3.00');
    expect(tradeCostUsd({ valueLostUsd: '22.45', totalFeesUsd: '3.00' })).toBe('22.45');
    expect(judgeTradeLoss(100_000_000n, route(undefined), 1)).toBeNull();
    expect(judgeTradeLoss(100_000_000n, route(undefined), 0.99)).toBe('It would lose $1.00 (fees, price impact and slippage), more than 0.99% of the $100.00 trade');
  });
});
