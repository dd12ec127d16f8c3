import type { AccountView } from '../../../shared/domain/account';
import type { ChainInfo } from '../../../shared/domain/chain';
import type { Holding, Portfolio } from '../../../shared/domain/portfolio';
import { sumDecimals } from './usd';

type Group = Portfolio['byAsset'][number];

/** One line under an asset group: that asset on one chain (for one account when several hold it). */
export interface AssetPosition {
  key: string;
  chain: string;
  chainName: string;
  /** the asset's ref on that chain and the (first) account holding it, to prefill the send form */
  ref: string;
  accountId: string;
  /** set when more than one account holds something, to tell the lines apart */
  accountLabel: string | null;
  symbol: string;
  decimals: number;
  amount: bigint;
  usdValue: string | null;
  priceStale: boolean;
}

export interface AssetGroupView {
  key: string;
  label: string;
  symbol: string;
  /** the asset's name on its largest position ("USD Coin") */
  name: string;
  usdValue: string | null;
  share: number | null;
  /** the summed amount when every position has the same decimals; null when they differ */
  amount: { units: bigint; decimals: number } | null;
  positions: AssetPosition[];
}

export interface ChainGroupView {
  key: string;
  label: string;
  usdValue: string | null;
  share: number | null;
  /** symbols held on this chain, largest value first */
  symbols: string[];
}

/** The key main groups an asset under (shared/portfolio/valuePortfolio.ts): its price id, else its upper-cased symbol. */
export function assetGroupKey(holding: Holding): string {
  return holding.asset.priceId ?? holding.asset.symbol.toUpperCase();
}

function matches(group: Group, holding: Holding): boolean {
  return group.key === assetGroupKey(holding);
}

function compareValue(a: string | null, b: string | null): number {
  return Number(b ?? 0) - Number(a ?? 0);
}

/** Holdings worth showing: a zero balance is no position. */
export function positiveHoldings(portfolio: Portfolio): Holding[] {
  return portfolio.holdings.filter((h) => h.amount !== '0');
}

/**
 * Main's `byAsset` groups (their values and shares are the source of truth) with, under each, the positions on
 * every chain, summed per chain and account.
 */
export function assetGroups(portfolio: Portfolio, chains: Record<string, ChainInfo>, accounts: readonly AccountView[]): AssetGroupView[] {
  const holdings = positiveHoldings(portfolio);
  const holders = new Set(holdings.map((h) => h.accountId));
  const labels = new Map(accounts.map((a) => [a.id, a.label]));
  const views: AssetGroupView[] = [];
  const claimed = new Set<Holding>();
  for (const group of portfolio.byAsset) {
    const members = holdings.filter((h) => !claimed.has(h) && matches(group, h));
    if (members.length === 0) continue;
    members.forEach((h) => claimed.add(h));
    const positions = new Map<string, AssetPosition & { values: string[] }>();
    for (const h of members) {
      const key = `${h.asset.chain}|${h.asset.ref}|${holders.size > 1 ? h.accountId : ''}`;
      const known = positions.get(key);
      if (known) {
        known.amount += BigInt(h.amount);
        if (h.usdValue !== null) known.values.push(h.usdValue);
        known.priceStale ||= h.priceStale;
        continue;
      }
      positions.set(key, {
        key,
        chain: h.asset.chain,
        ref: h.asset.ref,
        accountId: h.accountId,
        chainName: chains[h.asset.chain]?.name ?? h.asset.chain,
        accountLabel: holders.size > 1 ? (labels.get(h.accountId) ?? null) : null,
        symbol: h.asset.symbol,
        decimals: h.asset.decimals,
        amount: BigInt(h.amount),
        usdValue: null,
        priceStale: h.priceStale,
        values: h.usdValue === null ? [] : [h.usdValue],
      });
    }
    const list = [...positions.values()]
      .map(({ values, ...p }) => ({ ...p, usdValue: sumDecimals(values) }))
      .sort((a, b) => compareValue(a.usdValue, b.usdValue) || (a.amount > b.amount ? -1 : 1));
    const decimals = new Set(list.map((p) => p.decimals));
    const first = list[0];
    const largest = members[0];
    views.push({
      key: group.key,
      label: group.label,
      symbol: first?.symbol ?? group.label,
      name: largest?.asset.name ?? group.label,
      usdValue: group.usdValue,
      share: group.share,
      amount: decimals.size === 1 && first ? { units: list.reduce((s, p) => s + p.amount, 0n), decimals: first.decimals } : null,
      positions: list,
    });
  }
  return views;
}

/** Main's `byChain` groups, with the symbols held on each chain. */
export function chainGroups(portfolio: Portfolio, chains: Record<string, ChainInfo>): ChainGroupView[] {
  const holdings = positiveHoldings(portfolio);
  return portfolio.byChain
    .map((group) => {
      const onChain = holdings.filter((h) => h.asset.chain === group.key).sort((a, b) => compareValue(a.usdValue, b.usdValue));
      return {
        key: group.key,
        label: chains[group.key]?.name ?? group.label,
        usdValue: group.usdValue,
        share: group.share,
        symbols: [...new Set(onChain.map((h) => h.asset.symbol))],
      };
    })
    .filter((g) => g.symbols.length > 0 || (g.usdValue !== null && Number(g.usdValue) > 0));
}

/**
 * When the prices in use were fetched (ms since epoch): the Portfolio's `pricesAt`, the oldest price's fetch time.
 * Null when no priced holding has a fetch time; the UI then says "not current" without an age.
 */
export function pricesTime(portfolio: Portfolio): number | null {
  return portfolio.pricesAt;
}
