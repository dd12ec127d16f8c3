import { parseAmount } from '../../../shared/amounts';
import type { CaipChainId } from '../../../shared/domain/chain';
import { StrataError } from '../../../shared/errors';
import type { ChainDirectory, DevnetInfo } from '../chains/chainDirectory';
import { cosmosChains } from '../chains/cosmosChains';
import { createCosmosRpc, type CosmosRpc, type CosmosRpcOptions } from '../cosmos/rpc/createCosmosRpc';
import { cosmosRoutingEnvironment } from '../routing/cosmosRouting';
import { devnetRoutingEnvironment } from '../routing/devnetRouting';
import { findRoutes, type FoundRoute, type RoutingEnvironment } from '../routing/findRoutes';
import type { PriceSource } from './priceSource';

/** A route search as the contract and the CLI state it: chains by id or alias, assets by symbol or ref, amount in decimal. */
export interface RouteQuery {
  from: { chain: string; asset: string; amount: string };
  to: { chain: string; asset: string };
  slippagePercent: number;
  sort: 'amount' | 'speed';
}

/** Where the Cosmos chains are reached: each chain's configured endpoints (ChainDirectory.endpoints). */
export interface CosmosEndpoints {
  endpoints(chainId: string): readonly string[];
  rpcOptions?: CosmosRpcOptions;
}

/**
 * The routing environment without prices: the devnet's EVM chains when a devnet runs, and, with `cosmos`, the bundled
 * Cosmos chains over their configured RPCs (IBC, Osmosis), composed with the devnet's when both are there. It holds
 * the RPC clients: build it once per change of chains or endpoints and price it per search (`withUsdPrices`).
 * @throws NO_ROUTE with neither a devnet nor Cosmos endpoints
 */
export function buildRoutingEnvironment(
  devnet: DevnetInfo | undefined,
  cosmos?: CosmosEndpoints,
  extend: (env: RoutingEnvironment) => RoutingEnvironment = (env) => env,
): RoutingEnvironment {
  if (!devnet && !cosmos) throw new StrataError('NO_ROUTE', 'Cross-chain routes need the local devnet or Cosmos endpoints');
  const evm = devnet ? devnetRoutingEnvironment({ chains: devnet.chains, contracts: devnet.contracts, usdPrices: {} }) : undefined;
  return extend(cosmos ? cosmosRoutingEnvironment({ base: evm, cosmosRpc: cosmosRpcs(cosmos), usdPrices: {} }) : (evm as RoutingEnvironment));
}

/**
 * `env` with USD prices asked now, in one request (prices that cannot be had leave fees without a USD value). Cosmos
 * chains list every registry asset: only their coins and what the venues trade are priced.
 */
export async function withUsdPrices(env: RoutingEnvironment, prices: PriceSource): Promise<RoutingEnvironment> {
  const cosmosIds = new Set(env.venues.flatMap((v) => env.chains.flatMap((c) => (c.family === 'cosmos' ? v.pairs(c.id).map((p) => p.tokenIn.priceId) : []))));
  const ids = [
    ...new Set(
      env.chains.flatMap((c) =>
        env.assets(c.id).flatMap((a, i) => (a.priceId && (c.family !== 'cosmos' || i === 0 || cosmosIds.has(a.priceId)) ? [a.priceId] : [])),
      ),
    ),
  ];
  const found = await prices.getPrices(ids).catch(() => ({}));
  const usdPrices = Object.fromEntries(Object.entries(found).map(([id, p]) => [id, p.usd]));
  return { ...env, usdPrices };
}

/** buildRoutingEnvironment priced now (a one-off search, e.g. `strata route`). @throws NO_ROUTE */
export async function routingEnvironment(
  devnet: DevnetInfo | undefined,
  prices: PriceSource,
  cosmos?: CosmosEndpoints,
  extend?: (env: RoutingEnvironment) => RoutingEnvironment,
): Promise<RoutingEnvironment> {
  return withUsdPrices(buildRoutingEnvironment(devnet, cosmos, extend), prices);
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

/** One failover client per Cosmos chain, made on first use from the configured endpoints. */
function cosmosRpcs(cosmos: CosmosEndpoints): (chain: CaipChainId) => CosmosRpc {
  const clients = new Map<CaipChainId, CosmosRpc>();
  const known = cosmosChains();
  return (chainId) => {
    let client = clients.get(chainId);
    if (client === undefined) {
      const chain = known.find((c) => c.id === chainId);
      if (chain === undefined) throw new StrataError('UNKNOWN_CHAIN', `Unknown Cosmos chain ${String(chainId).slice(0, 64)}`);
      client = createCosmosRpc([...cosmos.endpoints(chainId)], chain, cosmos.rpcOptions);
      clients.set(chainId, client);
    }
    return client;
  };
}
