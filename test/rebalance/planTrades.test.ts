import { describe, expect, it } from 'vitest';
import type { AssetInfo } from '../../shared/domain/asset';
import { judgeTradeFees } from '../../shared/rebalance/judgeTradeFees';
import { measureDrift, type RebalanceHolding } from '../../shared/rebalance/measureDrift';
import { balanceKey, planTrades } from '../../shared/rebalance/planTrades';
import { expectStrataError } from '../unit/expectStrataError';

const A = 'eip155:31337';
const B = 'eip155:31338';
const HUB = 'cosmos:cosmoshub-4';
const asset = (chain: string, ref: string, symbol: string, decimals: number, priceId: string | null): AssetInfo => ({ chain, ref, symbol, name: symbol, decimals, priceId });
const ETH_A = asset(A, 'native', 'ETH', 18, 'ethereum');
const ETH_B = asset(B, 'native', 'ETH', 18, 'ethereum');
const USDC_A = asset(A, '0x5632C04D71dE31E42B72A94cAabb45DE643617AF', 'USDC', 6, 'usd-coin');
const USDC_B = asset(B, '0x5632C04D71dE31E42B72A94cAabb45DE643617AF', 'USDC', 6, 'usd-coin');
const ATOM = asset(HUB, 'uatom', 'ATOM', 6, 'cosmos');
const SBT_A = asset(A, '0x1111111111111111111111111111111111111111', 'SBT', 18, null);
const held = (a: AssetInfo, amount: bigint, usdPrice: string | null, accountId = 'acc-1'): RebalanceHolding => ({ accountId, asset: a, amount, usdPrice });
const E18 = 10n ** 18n;
const RULES = { bandPct: 5, minTradeUsd: '10' };
const HALF = { ethereum: 0.5, 'usd-coin': 0.5 };

describe('planTrades: the smallest set of trades back to the target', () => {
  it('2 ETH at $3000 and 1000 USDC, 50/50: one swap of $2500 of ETH into USDC on the same chain', () => {
    const plan = planTrades([held(ETH_A, 2n * E18, '3000'), held(USDC_A, 1000n * 10n ** 6n, '1')], HALF, [ETH_A, USDC_A, ETH_B, USDC_B], RULES);
    expect(plan.drift).toEqual({
      totalUsd: '7000.00',
      bandPct: 5,
      assets: [
        { key: 'ethereum', symbol: 'ETH', currentUsd: '6000.00', targetUsd: '3500.00', currentPct: 85.71, targetPct: 50, driftPct: 35.71, outOfBand: true },
        { key: 'usd-coin', symbol: 'USDC', currentUsd: '1000.00', targetUsd: '3500.00', currentPct: 14.29, targetPct: 50, driftPct: -35.71, outOfBand: true },
      ],
      outOfBand: ['ethereum', 'usd-coin'],
      unpriced: [],
      untracked: [],
    });
    // $2500 / $3000 = 0.8333… ETH, rounded down to the wei.
    expect(plan.trades).toEqual([{ accountId: 'acc-1', sell: ETH_A, buy: USDC_A, key: 'usd-coin', amountIn: 833_333_333_333_333_333n, usd: 2_500_000_000n }]);
    expect(plan.skipped).toEqual([]);
  });

  it('an asset on two chains is one asset; sales take the largest holding first, then the next, never the gas reserve; the purchase goes where USDC is held', () => {
    // ETH $5000 on A + $1000 on B, USDC $1000 on A, ATOM $3000: target ETH 5%, USDC 65%, ATOM 30% of $10000.
    const holdings = [held(ETH_B, 4n * 10n ** 17n, '2500'), held(ETH_A, 2n * E18, '2500'), held(USDC_A, 1000n * 10n ** 6n, '1'), held(ATOM, 300n * 10n ** 6n, '10')];
    // 0.01 ETH kept for gas on each chain.
    const reserves = new Map([[balanceKey('acc-1', ETH_A), 10n ** 16n], [balanceKey('acc-1', ETH_B), 10n ** 16n]]);
    const plan = planTrades(holdings, { ethereum: 0.05, 'usd-coin': 0.65, cosmos: 0.3 }, [ETH_A, USDC_A, ETH_B, USDC_B, ATOM], RULES, reserves);
    // The reserve still counts in the drift: it is held.
    expect(plan.drift.assets.map((a) => [a.key, a.currentUsd, a.targetUsd, a.driftPct, a.outOfBand])).toEqual([
      ['cosmos', '3000.00', '3000.00', 0, false],
      ['ethereum', '6000.00', '500.00', 55, true],
      ['usd-coin', '1000.00', '6500.00', -55, true],
    ]);
    // ETH on A down to its reserve (1.99 ETH, $4975), then the other $525 from ETH on B (0.21 ETH), bridged to USDC on A.
    expect(plan.trades).toEqual([
      { accountId: 'acc-1', sell: ETH_A, buy: USDC_A, key: 'usd-coin', amountIn: 199n * 10n ** 16n, usd: 4_975_000_000n },
      { accountId: 'acc-1', sell: ETH_B, buy: USDC_A, key: 'usd-coin', amountIn: 21n * 10n ** 16n, usd: 525_000_000n },
    ]);
    // Without a reserve the whole balance of A would go (exactly, no dust), which leaves nothing to pay gas with.
    expect(planTrades(holdings, { ethereum: 0.05, 'usd-coin': 0.65, cosmos: 0.3 }, [ETH_A, USDC_A], RULES).trades[0]?.amountIn).toBe(2n * E18);
    // A reserve above the balance sells none of it; the purchase stays short rather than selling the gas.
    const short = planTrades([held(ETH_A, 2n * E18, '3000'), held(USDC_A, 1000n * 10n ** 6n, '1')], HALF, [ETH_A, USDC_A], RULES, new Map([[balanceKey('acc-1', ETH_A), 3n * E18]]));
    expect([short.trades, short.skipped, short.drift.outOfBand]).toEqual([[], [], ['ethereum', 'usd-coin']]);
  });

  it('sales and purchases out of band do not balance: the rest goes to an in-band asset below its target, never past it', () => {
    // ETH $6000 -> $3000 (out), USDC $1000 -> $3800 (out), ATOM $3000 -> $3200 (in band, 2 pp under).
    const holdings = [held(ETH_A, 24n * 10n ** 17n, '2500'), held(USDC_A, 1000n * 10n ** 6n, '1'), held(ATOM, 300n * 10n ** 6n, '10')];
    const weights = { ethereum: 0.3, 'usd-coin': 0.38, cosmos: 0.32 };
    const plan = planTrades(holdings, weights, [ETH_A, USDC_A, ATOM], RULES);
    expect(plan.trades).toEqual([
      { accountId: 'acc-1', sell: ETH_A, buy: USDC_A, key: 'usd-coin', amountIn: 112n * 10n ** 16n, usd: 2_800_000_000n },
      { accountId: 'acc-1', sell: ETH_A, buy: ATOM, key: 'cosmos', amountIn: 8n * 10n ** 16n, usd: 200_000_000n },
    ]);
    // With a $250 minimum the ATOM purchase is skipped, and said so.
    const strict = planTrades(holdings, weights, [ETH_A, USDC_A, ATOM], { bandPct: 5, minTradeUsd: '250' });
    expect(strict.trades).toHaveLength(1);
    expect(strict.skipped).toEqual([
      { sell: ETH_A, buy: ATOM, key: 'cosmos', usd: '200.00', reason: 'BELOW_MINIMUM', message: 'Selling $200.00 of ETH for ATOM is below the $250.00 minimum trade' },
    ]);
  });

  it('nothing to do: an empty wallet, a wallet inside the band, a single asset', () => {
    const empty = planTrades([], HALF, [ETH_A, USDC_A], RULES);
    expect([empty.trades, empty.skipped, empty.drift.totalUsd, empty.drift.outOfBand]).toEqual([[], [], '0.00', []]);
    // 52% / 48%: 2 pp off, inside 5.
    const inBand = planTrades([held(ETH_A, 2n * E18, '2600'), held(USDC_A, 4800n * 10n ** 6n, '1')], HALF, [ETH_A, USDC_A], RULES);
    expect([inBand.trades, inBand.drift.assets.map((a) => a.driftPct)]).toEqual([[], [2, -2]]);
    // 5.01 pp off with a 5 pp band is out; exactly 5 pp is in.
    const edge = planTrades([held(ETH_A, 2n * E18, '2750'), held(USDC_A, 4500n * 10n ** 6n, '1')], HALF, [ETH_A, USDC_A], RULES);
    expect([edge.drift.assets.map((a) => a.driftPct), edge.trades]).toEqual([[5, -5], []]);
    const single = planTrades([held(ETH_A, 2n * E18, '3000'), held(USDC_A, 10n ** 6n, '1'), held(SBT_A, E18, null)], { ETH: 1 }, [ETH_A, USDC_A], RULES);
    expect([single.trades, single.drift.assets, single.drift.untracked]).toEqual([
      [],
      [{ key: 'ETH', symbol: 'ETH', currentUsd: '6000.00', targetUsd: '6000.00', currentPct: 100, targetPct: 100, driftPct: 0, outOfBand: false }],
      ['SBT', 'USDC'],
    ]);
  });

  it('a target asset held nowhere is bought on the selling chain when listed there, else on the first chain that lists it, else skipped', () => {
    const onlyEth = [held(ETH_B, E18, '3000')];
    expect(planTrades(onlyEth, HALF, [USDC_A, USDC_B], RULES).trades).toEqual([{ accountId: 'acc-1', sell: ETH_B, buy: USDC_B, key: 'usd-coin', amountIn: 5n * 10n ** 17n, usd: 1_500_000_000n }]);
    expect(planTrades(onlyEth, HALF, [USDC_A], RULES).trades.map((t) => t.buy)).toEqual([USDC_A]);
    const none = planTrades(onlyEth, HALF, [ETH_B], RULES);
    expect([none.trades, none.skipped]).toEqual([
      [],
      [{ sell: null, buy: null, key: 'usd-coin', usd: '1500.00', reason: 'NOT_AVAILABLE', message: 'usd-coin is not listed on any chain of this wallet: it cannot be bought' }],
    ]);
  });

  it('zero or missing prices: the holding is neither counted nor traded', () => {
    const plan = planTrades([held(ETH_A, 2n * E18, '0'), held(USDC_A, 1000n * 10n ** 6n, '1'), held(USDC_B, 10n ** 6n, null)], HALF, [ETH_A, USDC_A], RULES);
    expect([plan.drift.totalUsd, plan.drift.unpriced, plan.trades]).toEqual(['1000.00', ['ETH', 'USDC'], []]);
    // ETH's value now is unknown, so buying its 50% could overshoot: skipped, and said so.
    expect(plan.skipped).toEqual([{ sell: null, buy: null, key: 'ethereum', usd: '500.00', reason: 'NO_PRICE', message: 'ETH has no price now: its share cannot be sized' }]);
  });

  it('weights are normalised; negative weights are refused', () => {
    const a = measureDrift([held(ETH_A, E18, '1000'), held(USDC_A, 1000n * 10n ** 6n, '1')], { ethereum: 1, 'usd-coin': 1 }, 5);
    expect(a.assets.map((x) => [x.targetUsd, x.driftPct])).toEqual([['1000.00', 0], ['1000.00', 0]]);
    expectStrataError(() => measureDrift([], { ethereum: -0.5, 'usd-coin': 1.5 }, 5), 'INVALID_INPUT', /non-negative/);
    expectStrataError(() => measureDrift([], { ethereum: 0 }, 5), 'INVALID_INPUT', /not all be zero/);
  });
});

describe('judgeTradeFees', () => {
  it('skips a trade whose fees exceed the fraction of its value, exactly at the limit it passes; unknown fees pass', () => {
    expect(judgeTradeFees(1_000_000_000n, '10.00', 1)).toBeNull();
    expect(judgeTradeFees(1_000_000_000n, '10.01', 1)).toBe('Fees of $10.01 are more than 1% of the $1000.00 trade');
    expect(judgeTradeFees(1_000_000_000n, null, 1)).toBeNull();
    expect(judgeTradeFees(50_000_000n, '0.26', 0.5)).toBe('Fees of $0.26 are more than 0.5% of the $50.00 trade');
  });
});
