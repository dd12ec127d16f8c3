import type { AccountView } from '../../../../shared/domain/account';
import type { AssetInfo } from '../../../../shared/domain/asset';
import type { ChainInfo } from '../../../../shared/domain/chain';
import type { Holding, Portfolio } from '../../../../shared/domain/portfolio';
import { displayAmount, formatUsd } from '../../lib/numberFormat';
import { addressOnChain, canSend } from '../../lib/chainAddress';

/** Accounts that can sign. */
export function sendableAccounts(accounts: readonly AccountView[] | null): AccountView[] {
  return (accounts ?? []).filter(canSend);
}

/** Chains the account has an address on, in main's order. */
export function chainsFor(account: AccountView | undefined, chains: readonly ChainInfo[], byId: Record<string, ChainInfo>): ChainInfo[] {
  if (!account) return [];
  return chains.filter((c) => addressOnChain(account, c, byId) !== null);
}

/** The chain's native asset as an AssetInfo, for when `assets.list` has not answered. */
export function nativeAsset(chain: ChainInfo): AssetInfo {
  return { chain: chain.id, ref: 'native', symbol: chain.nativeAsset.symbol, name: chain.nativeAsset.symbol, decimals: chain.nativeAsset.decimals, priceId: null };
}

/** Assets offered on a chain: the tracked ones (native first), plus any other asset the account holds there. */
export function assetsOn(chain: ChainInfo | undefined, assets: readonly AssetInfo[] | null, holdings: readonly Holding[]): AssetInfo[] {
  if (!chain) return [];
  const list = (assets ?? []).filter((a) => a.chain === chain.id);
  for (const h of holdings) if (h.asset.chain === chain.id && !list.some((a) => a.ref === h.asset.ref)) list.push(h.asset);
  if (!list.some((a) => a.ref === 'native')) list.unshift(nativeAsset(chain));
  return list.sort((a, b) => (a.ref === 'native' ? -1 : b.ref === 'native' ? 1 : 0));
}

/** The account's holding of an asset on a chain in the last portfolio snapshot, or null when unknown. */
export function holdingOf(portfolio: Portfolio | null, accountId: string, chain: string, ref: string): Holding | null {
  if (!portfolio || portfolio.updatedAt === null) return null;
  return portfolio.holdings.find((h) => h.accountId === accountId && h.asset.chain === chain && h.asset.ref === ref) ?? null;
}

/** The "Balance: …" line under an amount field: the holding with its USD value, 0 when the snapshot has none, or a hint. */
export function balanceLine(asset: Pick<AssetInfo, 'symbol' | 'decimals'> | undefined | null, holding: Holding | null, portfolio: Portfolio | null): string {
  if (!asset) return '';
  if (holding) return `Balance: ${displayAmount(holding.amount, asset.decimals)} ${asset.symbol}${holding.usdValue !== null ? ` · ${formatUsd(holding.usdValue)}` : ''}`;
  return portfolio?.updatedAt ? `Balance: 0 ${asset.symbol}` : 'Balance not read yet: refresh the portfolio to see it.';
}

/** The chain where the account holds the most (by USD), else its first chain: a sensible default for "from". */
export function richestChain(portfolio: Portfolio | null, accountId: string, chains: readonly ChainInfo[]): string | undefined {
  const held = (portfolio?.holdings ?? [])
    .filter((h) => h.accountId === accountId && h.amount !== '0' && chains.some((c) => c.id === h.asset.chain))
    .sort((a, b) => Number(b.usdValue ?? 0) - Number(a.usdValue ?? 0));
  return held[0]?.asset.chain ?? chains[0]?.id;
}
