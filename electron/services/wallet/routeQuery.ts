import { parseAmount } from '../../../shared/amounts';
import type { CaipChainId } from '../../../shared/domain/chain';
import { StrataError } from '../../../shared/errors';
import type { ChainDirectory, DevnetInfo } from '../chains/chainDirectory';
import { devnetRoutingEnvironment } from '../routing/devnetRouting';
import { findRoutes, type FoundRoute, type RoutingEnvironment } from '../routing/findRoutes';
import type { PriceSource } from './wallet';

/** A route search as the contract and the CLI state it: chains by id or alias, assets by symbol or ref, amount in decimal. */
export interface RouteQuery {
  from: { chain: string; asset: string; amount: string };
  to: { chain: string; asset: string };
  slippagePercent: number;
  sort: 'amount' | 'speed';
}

/**
 * The routing environment with USD prices now (prices that cannot be had leave fees without a USD value).
 * @throws NO_ROUTE without a devnet: cross-chain routes run on the local devnet for now
 */
export async function routingEnvironment(devnet: DevnetInfo | undefined, prices: PriceSource): Promise<RoutingEnvironment> {
  if (!devnet) throw new StrataError('NO_ROUTE', 'Cross-chain routes run on the local devnet for now');
  const base = devnetRoutingEnvironment({ chains: devnet.chains, contracts: devnet.contracts, usdPrices: {} });
  const ids = [...new Set(base.chains.flatMap((c) => base.assets(c.id).flatMap((a) => (a.priceId ? [a.priceId] : []))))];
  const found = await prices.getPrices(ids).catch(() => ({}));
  const usdPrices = Object.fromEntries(Object.entries(found).map(([id, p]) => [id, p.usd]));
  return { ...base, usdPrices };
}

/**
 * findRoutes for a RouteQuery: chains resolved through the directory (aliases), assets by symbol (SBT included) or
 * ref, the decimal amount in the input asset's units, the slippage percent in basis points.
 * @throws UNKNOWN_CHAIN, UNKNOWN_ASSET, INVALID_AMOUNT, INVALID_INPUT, NO_ROUTE, RPC_UNAVAILABLE
 */
export async function findRoutesFor(env: RoutingEnvironment, chains: Pick<ChainDirectory, 'resolve'>, query: RouteQuery): Promise<FoundRoute[]> {
  const fromChain = chains.resolve(query.from.chain);
  const toChain = chains.resolve(query.to.chain);
  const refOf = (chain: CaipChainId, text: string): string => env.assets(chain).find((a) => a.symbol.toLowerCase() === text.trim().toLowerCase())?.ref ?? text.trim();
  const fromRef = refOf(fromChain.id, query.from.asset);
  const assetIn = env.assets(fromChain.id).find((a) => a.ref.toLowerCase() === fromRef.toLowerCase());
  if (!assetIn) throw new StrataError('UNKNOWN_ASSET', `${fromChain.name} has no asset "${query.from.asset.slice(0, 80)}"`);
  return findRoutes(env, {
    from: { chain: fromChain.id, asset: assetIn.ref, amount: parseAmount(query.from.amount, assetIn.decimals) },
    to: { chain: toChain.id, asset: refOf(toChain.id, query.to.asset) },
    slippageBps: Math.round(query.slippagePercent * 100),
    sort: query.sort,
  });
}

