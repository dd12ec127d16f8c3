import { parseAmount } from '../../../shared/amounts';
import type { CaipChainId } from '../../../shared/domain/chain';
import { StrataError } from '../../../shared/errors';
import type { ChainDirectory, DevnetInfo } from '../chains/chainDirectory';
import { cosmosChains } from '../chains/cosmosChains';
import { createChainClients, processChainClients, type ChainClients } from '../chains/chainClients';
import type { CosmosRpc, CosmosRpcOptions } from '../cosmos/rpc/createCosmosRpc';
import { listAssets } from '../assets/listAssets';
import { evmChains } from '../chains/evmChains';
import { MAINNET_DEPLOYMENTS } from '../deployments/mainnetDeployments';
import { buildRoutingEnvironment } from '../routing/buildRoutingEnvironment';
import { devnetNetworks } from '../routing/devnetRouting';
import type { JsonRpcCall } from '../rpc/httpJsonRpc';
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
 * The routing environment without prices, built once by buildRoutingEnvironment from (chains, deployment rows, RPC
 * clients): a running devnet's chains, rows and bridges (from its state file), and, with `cosmos` (the chain
 * directory's endpoints), the mainnet EVM chains with the registry's rows (Uniswap V3) and the bundled Cosmos chains
 * (IBC, Osmosis), all over their configured RPCs. It holds the RPC clients: build it once per change of chains or
 * endpoints and price it per search (`withUsdPrices`).
 * @throws NO_ROUTE with neither a devnet nor endpoints
 */
export function composeRoutingEnvironment(
  devnet: DevnetInfo | undefined,
  cosmos?: CosmosEndpoints,
  extend: (env: RoutingEnvironment) => RoutingEnvironment = (env) => env,
  clients: ChainClients = processChainClients,
): RoutingEnvironment {
  if (!devnet && !cosmos) throw new StrataError('NO_ROUTE', 'Routes need a network: configure chain endpoints or start a devnet');
  const local = devnet ? devnetNetworks({ chains: devnet.chains, contracts: devnet.contracts, ...(devnet.deployments ? { deployments: devnet.deployments } : {}), usdPrices: {}, clients }) : undefined;
  const mainnet = cosmos ? evmChains().filter((c) => MAINNET_DEPLOYMENTS.some((r) => r.chain === c.id)) : [];
  const evmRpc = (chainId: CaipChainId): JsonRpcCall => {
    const own = local?.rpcs.get(chainId);
    if (own) return own;
    const chain = mainnet.find((c) => c.id === chainId);
    if (!chain || !cosmos) throw new StrataError('UNKNOWN_CHAIN', `No EVM RPC for ${String(chainId).slice(0, 64)}`);
    // the clients hand out one failover client per chain and endpoint list, so failover state survives searches
    return clients.evm({ chain, endpoints: [...cosmos.endpoints(chainId)] }).request;
  };
  return extend(
    buildRoutingEnvironment({
      chains: [...(local?.chains ?? []), ...mainnet, ...(cosmos ? cosmosChains() : [])],
      deployments: [...(local?.deployments ?? []), ...MAINNET_DEPLOYMENTS],
      evmRpc,
      ...(cosmos ? { cosmosRpc: cosmosRpcs(cosmos, clients) } : {}),
      evmAssets: (chain) => (local?.chains.some((c) => c.id === chain.id) ? local.assets(chain) : listAssets(chain)),
      bridges: local?.bridges ?? [],
      usdPrices: {},
    }),
  );
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

/** composeRoutingEnvironment priced now (a one-off search, e.g. `strata route`). @throws NO_ROUTE */
export async function routingEnvironment(
  devnet: DevnetInfo | undefined,
  prices: PriceSource,
  cosmos?: CosmosEndpoints,
  extend?: (env: RoutingEnvironment) => RoutingEnvironment,
  clients: ChainClients = processChainClients,
): Promise<RoutingEnvironment> {
  return withUsdPrices(composeRoutingEnvironment(devnet, cosmos, extend, clients), prices);
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

/** A Cosmos chain's failover client from `shared` (or from clients made with `rpcOptions`), on first use. */
function cosmosRpcs(cosmos: CosmosEndpoints, shared: ChainClients): (chain: CaipChainId) => CosmosRpc {
  const clients = cosmos.rpcOptions ? createChainClients({ cosmos: cosmos.rpcOptions }) : shared;
  const known = cosmosChains();
  return (chainId) => {
    const chain = known.find((c) => c.id === chainId);
    if (chain === undefined) throw new StrataError('UNKNOWN_CHAIN', `Unknown Cosmos chain ${String(chainId).slice(0, 64)}`);
    return clients.cosmos({ chain, endpoints: [...cosmos.endpoints(chainId)] });
  };
}
