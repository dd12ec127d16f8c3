import type { AssetInfo } from '../../../shared/domain/asset';
import type { ChainInfo } from '../../../shared/domain/chain';
import type { ChainRefreshError, Portfolio, RefreshProgress } from '../../../shared/domain/portfolio';
import { isStrataError } from '../../../shared/errors';
import { valuePortfolio, type HoldingInput, type PriceInput } from '../../../shared/portfolio/valuePortfolio';
import type { BalanceRead, ChainAdapter, ChainEndpoint } from '../chains/chainAdapter';

export interface PortfolioSources {
  chains: ChainInfo[];
  endpoints(chain: ChainInfo): string[];
  /** every account's address on a chain (watch-only ones included) */
  addressesOn(chain: ChainInfo): Array<{ accountId: string; address: string }>;
  assetsOn(chain: ChainInfo): AssetInfo[];
  adapterFor(chain: ChainInfo): ChainAdapter;
  prices(ids: string[]): Promise<Record<string, PriceInput>>;
  now(): number;
}

/**
 * Reads every balance (one batched read per chain, all chains at once) and the USD prices, and values the
 * portfolio. A chain that fails is reported in `errors` and keeps its holdings from `previous`, so a flaky RPC does
 * not make money disappear from the total.
 */
export async function refreshPortfolio(
  sources: PortfolioSources,
  previous: Portfolio | null,
  onProgress: (progress: RefreshProgress) => void,
): Promise<Portfolio> {
  const total = sources.chains.length;
  let done = 0;
  onProgress({ done, total, chain: null });
  const errors: ChainRefreshError[] = [];
  const perChain = await Promise.all(
    sources.chains.map(async (chain) => {
      try {
        return await readChain(sources, chain, errors);
      } catch (error) {
        errors.push({
          chain: chain.id,
          code: isStrataError(error) ? error.code : 'INTERNAL',
          message: isStrataError(error) ? error.message : 'Unexpected error while reading balances',
        });
        return previousHoldings(previous, chain);
      } finally {
        done += 1;
        onProgress({ done, total, chain: chain.id });
      }
    }),
  );
  const holdings = perChain.flat();
  const ids = [...new Set(holdings.map((h) => h.asset.priceId).filter((id): id is string => id !== null))];
  const prices = ids.length > 0 ? await sources.prices(ids) : {};
  const order = new Map(sources.chains.map((c, i) => [c.id, i]));
  errors.sort((a, b) => (order.get(a.chain) ?? 0) - (order.get(b.chain) ?? 0));
  return valuePortfolio({ holdings, prices, chains: sources.chains, updatedAt: sources.now(), errors });
}

async function readChain(sources: PortfolioSources, chain: ChainInfo, errors: ChainRefreshError[]): Promise<HoldingInput[]> {
  const owners = sources.addressesOn(chain);
  const assets = sources.assetsOn(chain);
  if (owners.length === 0 || assets.length === 0) return [];
  const addresses = [...new Set(owners.map((o) => o.address))];
  const target: ChainEndpoint = { chain, endpoints: sources.endpoints(chain) };
  const adapter = sources.adapterFor(chain);
  // Per-cell reads where the family has them: one token contract that reverts must not blank the whole chain.
  const rows: BalanceRead[][] = adapter.readBalances
    ? await adapter.readBalances(target, addresses, assets)
    : (await adapter.getBalances(target, addresses, assets)).map((row) => row.map((amount) => ({ ok: true as const, amount })));
  const unreadable = new Set<string>();
  const holdings: HoldingInput[] = [];
  for (const owner of owners) {
    const row = rows[addresses.indexOf(owner.address)] ?? [];
    assets.forEach((asset, i) => {
      const cell = row[i];
      if (cell?.ok) holdings.push({ accountId: owner.accountId, address: owner.address, asset, amount: cell.amount });
      else unreadable.add(asset.symbol);
    });
  }
  if (unreadable.size > 0) {
    errors.push({ chain: chain.id, code: 'UNKNOWN_ASSET', message: `Could not read ${[...unreadable].join(', ')}` });
  }
  return holdings;
}

function previousHoldings(previous: Portfolio | null, chain: ChainInfo): HoldingInput[] {
  return (previous?.holdings ?? [])
    .filter((h) => h.asset.chain === chain.id)
    .map((h) => ({ accountId: h.accountId, address: h.address, asset: h.asset, amount: BigInt(h.amount) }));
}
