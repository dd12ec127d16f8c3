/**
 * The renderer's money formatting and portfolio shaping, as pure functions (no browser): what every figure on the
 * Portfolio, Send and Activity screens goes through.
 */
import { describe, expect, it } from 'vitest';
import type { Portfolio } from '../../shared/domain/portfolio';
import { valuePortfolio } from '../../shared/portfolio/valuePortfolio';
import { displayAmount, exactAmount, feeAmount, formatPrice, formatShare, formatUsd, percentOfBps, percentOfFraction, percentText, sumDecimals, usdText, usdValueOf } from '../../renderer/src/lib/numberFormat';
import { assetGroups, chainGroups } from '../../renderer/src/lib/portfolioView';
import { timeAgo } from '../../renderer/src/lib/relativeTime';
import { endpointErrorText, endpointListProblem, parseEndpointLines } from '../../renderer/src/pages/settings/networkText';
import { StrataClientError } from '../../renderer/src/ipc/clientError';

describe('amounts', () => {
  it('exact amounts keep every digit and group thousands', () => {
    expect(exactAmount('1500000000000000000', 18)).toBe('1.5');
    expect(exactAmount('1000000000000', 6)).toBe('1,000,000');
    expect(exactAmount(9998499958000000000001n, 18)).toBe('9,998.499958000000000001');
    expect(exactAmount('0', 6)).toBe('0');
  });
  it('list amounts cut (never round up) to 6 decimals and say when something is too small to show', () => {
    expect(displayAmount('9998499999999999999999', 18)).toBe('9,998.499999');
    expect(displayAmount('1', 18)).toBe('<0.000001');
    expect(displayAmount('1', 18, 8)).toBe('<0.00000001');
    expect(displayAmount('250500000', 6)).toBe('250.5');
    expect(displayAmount('0', 18)).toBe('0');
  });
});

describe('one number formatter (numberFormat)', () => {
  it('a plan amount is grouped: receive ≥ 2,636,984.33055 USDC, never 2636984.33055', () => {
    expect(exactAmount('2636984330550', 6)).toBe('2,636,984.33055');
    expect(displayAmount('2636984330550', 6)).toBe('2,636,984.33055');
    expect(displayAmount('2636984330550', 6, 2)).toBe('2,636,984.33');
  });
  it('fees keep 6 significant digits, cut never rounded, grouped; every digit stays for the title', () => {
    expect(feeAmount('204512345678901', 18)).toBe('0.000204512');
    expect(exactAmount('204512345678901', 18)).toBe('0.000204512345678901');
    expect(feeAmount('1234567891', 6)).toBe('1,234.56');
    expect(feeAmount('2636984330550', 6)).toBe('2,636,984');
    expect(feeAmount('999999999', 6)).toBe('999.999');
    expect(feeAmount('120000', 6)).toBe('0.12');
    expect(feeAmount('1', 18)).toBe('0.000000000000000001');
    expect(feeAmount('1000000000000000000', 18)).toBe('1');
    expect(feeAmount('0', 18)).toBe('0');
    expect(feeAmount(-1234567891n, 6)).toBe('-1,234.56');
    expect(feeAmount('123456789', 9, 3)).toBe('0.123');
  });
  it('percentages: basis points to at most 2 decimals, trailing zeros dropped, grouped', () => {
    expect([166, 1250, 0, 5, 100, 1234567, -30].map(percentOfBps)).toEqual(['1.66%', '12.5%', '0%', '0.05%', '1%', '12,345.67%', '-0.3%']);
    expect([percentOfFraction(0.4512), percentOfFraction(0.05, 0), percentOfFraction(12.5), percentOfFraction(0)]).toEqual(['45.1%', '5%', '1,250.0%', '0.0%']);
    expect([percentText(40), percentText(12.4), percentText(7.25, 2)]).toEqual(['40.0%', '12.4%', '7.25%']);
  });
  it('fee values beside fees: small ones keep their digits, others in cents, none without a price', () => {
    expect([usdText('0.0061'), usdText('0.61'), usdText('1234.5'), usdText(null)]).toEqual(['$0.0061', '$0.61', '$1,234.50', 'no price']);
  });
});

describe('usd', () => {
  it('cents are rounded half up from the string, grouped', () => {
    expect(formatUsd('62600000')).toBe('$62,600,000.00');
    expect(formatUsd('4680.825')).toBe('$4,680.83');
    expect(formatUsd('0.004')).toBe('$0.00');
    expect(formatUsd(null)).toBe('—');
    expect(formatUsd('0.0012345', 4)).toBe('$0.0012');
    expect(formatUsd('0.00125', 4)).toBe('$0.0013');
  });
  it('prices below a dollar keep their digits', () => {
    expect(formatPrice('3000')).toBe('$3,000.00');
    expect(formatPrice('0.9987')).toBe('$0.9987');
    expect(formatPrice('0.5')).toBe('$0.50');
  });
  it('sums and values are exact', () => {
    expect(sumDecimals(['0.1', '0.2'])).toBe('0.3');
    expect(sumDecimals(['4500', '0.126'])).toBe('4500.126');
    expect(sumDecimals([])).toBeNull();
    expect(usdValueOf(1500000000000000000n, 18, '3000')).toBe('4500');
    expect(usdValueOf(21000n * 2_000_000_000n, 18, '3000.5')).toBe('0.126021');
  });
  it('shares read as people write them', () => {
    expect(formatShare(0.5)).toBe('50%');
    expect(formatShare(0.9677)).toBe('96.8%');
    expect(formatShare(0.0004)).toBe('<0.1%');
    expect(formatShare(0)).toBe('0%');
    expect(formatShare(null)).toBe('—');
  });
});

describe('relative time', () => {
  const now = Date.UTC(2025, 10, 24, 12, 0, 0);
  it('says how long ago in words', () => {
    expect(timeAgo(now - 10_000, now)).toBe('just now');
    expect(timeAgo(now - 120_000, now)).toBe('2 min ago');
    expect(timeAgo(now - 3 * 3_600_000, now)).toBe('3 h ago');
    expect(timeAgo(now - 26 * 3_600_000, now)).toBe('yesterday');
    expect(timeAgo(now - 3 * 86_400_000, now)).toBe('3 days ago');
  });
});

describe('portfolio view', () => {
  const usdcA = { chain: 'eip155:31337', ref: '0xA', symbol: 'USDC', name: 'USD Coin', decimals: 6, priceId: 'usd-coin' };
  const usdcB = { ...usdcA, chain: 'eip155:31338' };
  const ethA = { chain: 'eip155:31337', ref: 'native', symbol: 'ETH', name: 'Ether', decimals: 18, priceId: 'ethereum' };
  const noPrice = { chain: 'eip155:31338', ref: '0xB', symbol: 'abc', name: 'ABC', decimals: 0, priceId: null };
  const chains = [
    { id: 'eip155:31337', name: 'Devnet A' },
    { id: 'eip155:31338', name: 'Devnet B' },
  ];
  const portfolio: Portfolio = valuePortfolio({
    holdings: [
      { accountId: 'a1', address: '0x1', asset: usdcA, amount: 1_000_000n },
      { accountId: 'a1', address: '0x1', asset: usdcB, amount: 2_500_000n },
      { accountId: 'a1', address: '0x1', asset: ethA, amount: 10n ** 18n },
      { accountId: 'a1', address: '0x1', asset: noPrice, amount: 7n },
      { accountId: 'a1', address: '0x1', asset: { ...ethA, chain: 'eip155:31338' }, amount: 0n },
    ],
    prices: { 'usd-coin': { usd: '1', stale: false }, ethereum: { usd: '3000', stale: false } },
    chains,
    updatedAt: 1,
    errors: [],
  });
  const byId = Object.fromEntries(
    chains.map((c) => [c.id, { ...c, alias: c.id, family: 'evm' as const, addressScheme: 'evm' as const, coinType: 60, bech32Prefix: null, nativeAsset: { symbol: 'ETH', denom: 'wei', decimals: 18 }, testnet: true }]),
  );
  const accounts = [{ id: 'a1', label: 'Account 1', kind: 'hd' as const, hdIndex: 0, family: null, addresses: [] }];

  it('groups the same asset across chains under main’s byAsset groups, largest position first', () => {
    const groups = assetGroups(portfolio, byId, accounts);
    expect(groups.map((g) => [g.key, g.symbol, g.usdValue, g.positions.length])).toEqual([
      ['ethereum', 'ETH', '3000.00', 1],
      ['usd-coin', 'USDC', '3.50', 2],
      ['ABC', 'abc', null, 1],
    ]);
    const usdc = groups[1];
    expect(usdc?.amount).toEqual({ units: 3_500_000n, decimals: 6 });
    expect(usdc?.name).toBe('USD Coin');
    expect(usdc?.positions.map((p) => [p.chainName, p.amount, p.usdValue, p.accountLabel])).toEqual([
      ['Devnet B', 2_500_000n, '2.5', null],
      ['Devnet A', 1_000_000n, '1', null],
    ]);
  });
  it('lists chains with what is held on each, zero balances left out', () => {
    expect(chainGroups(portfolio, byId).map((g) => [g.label, g.usdValue, g.symbols])).toEqual([
      ['Devnet A', '3001.00', ['ETH', 'USDC']],
      ['Devnet B', '2.50', ['USDC', 'abc']],
    ]);
  });
});

describe('network settings text', () => {
  const byId = { 'eip155:31337': { id: 'eip155:31337', name: 'Devnet A' } } as never;
  it('names the chain a mismatching endpoint serves, and the host that did not answer', () => {
    expect(endpointErrorText(new StrataClientError('CHAIN_ID_MISMATCH', 'That endpoint serves eip155:31337, not Devnet B (eip155:31338)'), byId)).toBe(
      'That endpoint serves Devnet A (eip155:31337), not this network. Check the URL.',
    );
    expect(endpointErrorText(new StrataClientError('RPC_UNAVAILABLE', '127.0.0.1:9 did not answer'), byId)).toBe(
      'No answer from 127.0.0.1:9. Check the URL and that the node is running.',
    );
  });
  it('parses one URL per line and refuses what main would', () => {
    expect(parseEndpointLines(' http://a:1 \n\nhttps://b/x\n')).toEqual(['http://a:1', 'https://b/x']);
    expect(endpointListProblem(['http://a:1'])).toBeNull();
    expect(endpointListProblem(['ftp://a'])).toBe('“ftp://a” is not an http(s) URL.');
    expect(endpointListProblem(['http://a', 'http://b', 'http://c', 'http://d', 'http://e', 'http://f'])).toBe('Use at most 5 endpoints.');
  });
});
