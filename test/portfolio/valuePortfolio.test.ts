import { describe, expect, it } from 'vitest';
import type { AssetInfo } from '../../shared/domain/asset';
import { Portfolio } from '../../shared/domain/portfolio';
import { usdValueOf, valuePortfolio, type HoldingInput, type PriceInput } from '../../shared/portfolio/valuePortfolio';
import { expectStrataError } from '../unit/expectStrataError';

const CHAINS = [
  { id: 'eip155:1', name: 'Ethereum' },
  { id: 'eip155:42161', name: 'Arbitrum One' },
  { id: 'cosmos:osmosis-1', name: 'Osmosis' },
];

const ETH: AssetInfo = { chain: 'eip155:1', ref: 'native', symbol: 'ETH', name: 'Ether', decimals: 18, priceId: 'ethereum' };
const ARB_ETH: AssetInfo = { ...ETH, chain: 'eip155:42161' };
const USDC_ETH: AssetInfo = { chain: 'eip155:1', ref: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48', symbol: 'USDC', name: 'USD Coin', decimals: 6, priceId: 'usd-coin' };
const USDC_ARB: AssetInfo = { chain: 'eip155:42161', ref: '0xaf88d065e77c8cC2239327C5EDb3A432268e5831', symbol: 'USDC', name: 'USD Coin', decimals: 6, priceId: 'usd-coin' };
const WETH_ARB: AssetInfo = { chain: 'eip155:42161', ref: '0x82aF49447D8a07e3bd95BD0d56f35241523fBab1', symbol: 'WETH', name: 'Wrapped Ether', decimals: 18, priceId: 'weth' };
const OSMO: AssetInfo = { chain: 'cosmos:osmosis-1', ref: 'native', symbol: 'OSMO', name: 'Osmosis', decimals: 6, priceId: 'osmosis' };
const ION: AssetInfo = { chain: 'cosmos:osmosis-1', ref: 'uion', symbol: 'ion', name: 'Ion', decimals: 6, priceId: null };

const PRICES: Record<string, PriceInput> = {
  ethereum: { usd: '3120.55', stale: false },
  'usd-coin': { usd: '0.9998', stale: false },
  weth: { usd: '3118.40', stale: false },
};

const A = { accountId: 'acct-1', address: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266' };
const B = { accountId: 'acct-2', address: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' };
const OSMO_ADDR = { accountId: 'acct-1', address: 'osmo1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq' };

const HOLDINGS: HoldingInput[] = [
  { ...OSMO_ADDR, asset: OSMO, amount: 10_000_000n },
  { ...A, asset: USDC_ETH, amount: 2_500_000_000n },
  { ...A, asset: ARB_ETH, amount: 0n },
  { ...B, asset: USDC_ARB, amount: 500_000n },
  { ...A, asset: ETH, amount: 1_500_000_000_000_000_000n },
  { ...OSMO_ADDR, asset: ION, amount: 3n },
  { ...A, asset: WETH_ARB, amount: 250_000_000_000_000_000n },
];

function value(holdings: HoldingInput[], prices: Record<string, PriceInput> = PRICES) {
  return valuePortfolio({ holdings, prices, chains: CHAINS, updatedAt: 1_700_000_000_000, errors: [] });
}

describe('usdValueOf', () => {
  it('computes exactly and rounds half up to cents', () => {
    expect(usdValueOf(1_500_000_000_000_000_000n, 18, '3120.55')).toBe('4680.83'); // 4680.825
    expect(usdValueOf(1_234_567n, 6, '0.9998')).toBe('1.23'); // 1.2343200866
    expect(usdValueOf(1n, 18, '3120.55')).toBe('0.00'); // one wei of dust
    // 0.005 ETH at $1 is exactly half a cent: up. One wei less: down. A float would not tell these apart.
    expect(usdValueOf(5_000_000_000_000_000n, 18, '1')).toBe('0.01');
    expect(usdValueOf(4_999_999_999_999_999n, 18, '1')).toBe('0.00');
    expect(usdValueOf(123_456_789_123_456_789_123_456_789n, 18, '3120.55')).toBe('385253083299.20');
    expect(usdValueOf(0n, 6, '0.9998')).toBe('0.00');
    expectStrataError(() => usdValueOf(1n, 18, '3.1e3'), 'INVALID_INPUT');
  });
});

describe('valuePortfolio', () => {
  it('values every holding exactly and returns the contract shape', () => {
    const portfolio = value(HOLDINGS);
    expect(Portfolio.parse(portfolio)).toEqual(portfolio);
    expect(portfolio.holdings.map((h) => [h.asset.chain, h.asset.symbol, h.amount, h.usdPrice, h.usdValue, h.priceStale])).toEqual([
      ['eip155:1', 'ETH', '1500000000000000000', '3120.55', '4680.83', false],
      ['eip155:1', 'USDC', '2500000000', '0.9998', '2499.50', false],
      ['eip155:42161', 'WETH', '250000000000000000', '3118.4', '779.60', false],
      ['eip155:42161', 'USDC', '500000', '0.9998', '0.50', false],
      // unpriced last, by symbol: no entry for "osmosis" in the prices, and ION has no price id
      ['cosmos:osmosis-1', 'ion', '3', null, null, false],
      ['cosmos:osmosis-1', 'OSMO', '10000000', null, null, false],
    ]);
    expect(portfolio.holdings[0]).toEqual({ ...A, asset: ETH, amount: '1500000000000000000', usdPrice: '3120.55', usdValue: '4680.83', priceStale: false });
    expect(portfolio.currency).toBe('USD');
    expect(portfolio.updatedAt).toBe(1_700_000_000_000);
    expect(portfolio.pricesStale).toBe(false);
  });

  it('drops zero balances, natives included', () => {
    const portfolio = value(HOLDINGS);
    expect(portfolio.holdings.some((h) => h.asset.chain === 'eip155:42161' && h.asset.ref === 'native')).toBe(false);
    expect(value([{ ...A, asset: ETH, amount: 0n }])).toMatchObject({ holdings: [], byChain: [], byAsset: [], totalUsd: '0.00' });
  });

  it('sums the exact values of priced holdings and rounds once', () => {
    // 4680.825 + 2499.5 + 779.6 + 0.4999 = 7960.4249; the rounded rows would add up to 7960.43.
    expect(value(HOLDINGS).totalUsd).toBe('7960.42');
  });

  it('groups by chain, labelled with the chain name, largest first, unpriced last', () => {
    const { byChain } = value(HOLDINGS);
    expect(byChain.map((g) => [g.key, g.label, g.usdValue])).toEqual([
      ['eip155:1', 'Ethereum', '7180.33'], // 7180.325
      ['eip155:42161', 'Arbitrum One', '780.10'], // 780.0999
      ['cosmos:osmosis-1', 'Osmosis', null],
    ]);
    expect(byChain[0]?.share).toBeCloseTo(7180.325 / 7960.4249, 12);
    expect(byChain[1]?.share).toBeCloseTo(780.0999 / 7960.4249, 12);
    expect(byChain[2]?.share).toBeNull();
  });

  it('groups the same asset across chains by price id; WETH and ETH stay apart; no price id groups by symbol', () => {
    const { byAsset } = value(HOLDINGS);
    expect(byAsset.map((g) => [g.key, g.label, g.usdValue])).toEqual([
      ['ethereum', 'ETH', '4680.83'],
      ['usd-coin', 'USDC', '2500.00'], // 2499.5 + 0.4999 on two chains
      ['weth', 'WETH', '779.60'],
      ['ION', 'ion', null],
      ['osmosis', 'OSMO', null],
    ]);
    expect(byAsset[1]?.share).toBeCloseTo(2499.9999 / 7960.4249, 12);
  });

  it('leaves holdings without a price out of the total, and the total null when none is priced', () => {
    const none = value(HOLDINGS, {});
    expect(none.totalUsd).toBeNull();
    expect(none.holdings.every((h) => h.usdValue === null && h.usdPrice === null)).toBe(true);
    expect(none.byChain.map((g) => [g.usdValue, g.share])).toEqual([[null, null], [null, null], [null, null]]);
    const onlyUsdc = value(HOLDINGS, { 'usd-coin': { usd: '1', stale: false } });
    expect(onlyUsdc.totalUsd).toBe('2500.50');
    expect(onlyUsdc.byChain.map((g) => [g.key, g.usdValue])).toEqual([['eip155:1', '2500.00'], ['eip155:42161', '0.50'], ['cosmos:osmosis-1', null]]);
    expect(onlyUsdc.byChain[0]?.share).toBeCloseTo(2500 / 2500.5, 15);
    expect(onlyUsdc.byChain[1]?.share).toBeCloseTo(0.5 / 2500.5, 15);
    expect(onlyUsdc.byChain[2]?.share).toBeNull();
  });

  it('gives no shares when the total is zero', () => {
    const portfolio = value([{ ...A, asset: USDC_ETH, amount: 5n }], { 'usd-coin': { usd: '0', stale: false } });
    expect(portfolio.totalUsd).toBe('0.00');
    expect(portfolio.byAsset).toEqual([{ key: 'usd-coin', label: 'USDC', usdValue: '0.00', share: null }]);
  });

  it('marks stale prices per holding and for the portfolio', () => {
    const portfolio = value(HOLDINGS, { ...PRICES, weth: { usd: '3118.40', stale: true } });
    expect(portfolio.pricesStale).toBe(true);
    expect(portfolio.holdings.filter((h) => h.priceStale).map((h) => h.asset.symbol)).toEqual(['WETH']);
    // a stale price is still used for the values
    expect(portfolio.totalUsd).toBe('7960.42');
    // a stale price of an asset not held does not make the portfolio stale
    expect(value(HOLDINGS, { ...PRICES, cosmos: { usd: '4.5', stale: true } }).pricesStale).toBe(false);
  });

  it('labels a chain it does not know with its id and passes errors through', () => {
    const errors = [{ chain: 'eip155:10', code: 'RPC_UNAVAILABLE', message: 'Optimism did not answer' }];
    const portfolio = valuePortfolio({ holdings: [{ ...A, asset: { ...ETH, chain: 'eip155:8453' }, amount: 1n }], prices: PRICES, chains: [], updatedAt: null, errors });
    // one wei: worth less than a cent, yet all of the (exact, non-zero) total
    expect(portfolio.byChain).toEqual([{ key: 'eip155:8453', label: 'eip155:8453', usdValue: '0.00', share: 1 }]);
    expect(portfolio.totalUsd).toBe('0.00');
    expect(portfolio.errors).toEqual(errors);
    expect(portfolio.updatedAt).toBeNull();
  });

  it('does not find prices on the object prototype', () => {
    const odd = { ...ETH, priceId: 'constructor' };
    expect(value([{ ...A, asset: odd, amount: 1n }]).holdings[0]?.usdPrice).toBeNull();
  });

  it('refuses negative amounts and malformed prices', () => {
    expectStrataError(() => value([{ ...A, asset: ETH, amount: -1n }]), 'INVALID_AMOUNT');
    expectStrataError(() => value([{ ...A, asset: ETH, amount: 1n }], { ethereum: { usd: '3,120.55', stale: false } }), 'INVALID_INPUT');
  });
});
