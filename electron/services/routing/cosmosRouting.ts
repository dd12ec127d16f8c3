import type { AssetInfo } from '../../../shared/domain/asset';
import type { CaipChainId, ChainInfo } from '../../../shared/domain/chain';
import { StrataError } from '../../../shared/errors';
import { listAssets } from '../assets/listAssets';
import type { BridgeAdapter } from '../bridges/bridgeAdapter';
import { ibcPaths } from '../bridges/ibcTransfer/ibcPaths';
import { createIbcTransferBridge } from '../bridges/ibcTransfer/ibcTransferBridge';
import { cosmosChains } from '../chains/cosmosChains';
import { feeTiers } from '../cosmos/fees/feeTiers';
import { gasPricesFor } from '../cosmos/registry/gasPrices';
import type { CosmosRpc } from '../cosmos/rpc/createCosmosRpc';
import type { JsonRpcCall } from '../rpc/httpJsonRpc';
import { createOsmosisPoolManagerVenue } from '../swap/osmosisPoolManagerVenue';
import type { SwapVenue } from '../swap/swapVenue';
import type { RoutingEnvironment } from './findRoutes';

export interface CosmosRoutingOptions {
  /** The Cosmos chains to route between; default every bundled one (cosmosChains()). */
  chains?: readonly ChainInfo[];
  /** The RPC of a Cosmos chain (its configured endpoints; tests: a stand-in node). @throws UNKNOWN_CHAIN, RPC_UNAVAILABLE */
  cosmosRpc(chain: CaipChainId): CosmosRpc;
  usdPrices: Readonly<Record<string, string>>;
  /** An EVM environment (the devnet's) whose chains, assets, venues and bridges join this one. */
  base?: RoutingEnvironment;
  /** More bridges across the families (Axelar EVM <-> Cosmos). */
  extraBridges?: readonly BridgeAdapter[];
  now?: () => number;
}

/**
 * The routing environment with Cosmos chains: IBC ICS-20 between the bundled chains (direct, or through
 * packet-forward-middleware), Osmosis' poolmanager as the venue on Osmosis, gas priced from chain-registry's gas
 * prices, composed with an EVM environment when one is given (its gas stays EVM-priced, its RPCs its own).
 * Assets of a Cosmos chain: the native coin, then what IBC or the venue can deliver there (so that a symbol such as
 * USDC on Osmosis means Noble's USDC, which routes), then the rest of the chain's registry list.
 */
export function cosmosRoutingEnvironment(options: CosmosRoutingOptions): RoutingEnvironment {
  const cosmos = options.chains ?? cosmosChains();
  const base = options.base;
  const chains = [...(base?.chains ?? []), ...cosmos.filter((c) => !base?.chains.some((b) => b.id === c.id))];
  const osmosis = cosmos.find((c) => c.id === 'cosmos:osmosis-1');
  const venues: SwapVenue[] = [...(base?.venues ?? []), ...(osmosis ? [createOsmosisPoolManagerVenue({ chain: osmosis, rpc: options.cosmosRpc })] : [])];
  const ibc = createIbcTransferBridge({ chains: cosmos, cosmosRpc: options.cosmosRpc, now: options.now });
  const bridges = [...(base?.bridges ?? []), ibc, ...(options.extraBridges ?? [])];
  const assetsOf = new Map<CaipChainId, readonly AssetInfo[]>();
  for (const chain of cosmos) assetsOf.set(chain.id, routableFirst(chain, cosmos, venues));
  const isCosmos = (id: CaipChainId) => assetsOf.has(id);
  return {
    chains,
    assets: (chain) => assetsOf.get(chain) ?? base?.assets(chain) ?? [],
    rpc(chain): JsonRpcCall {
      if (isCosmos(chain) || !base) throw new StrataError('UNKNOWN_CHAIN', `No EVM RPC for ${String(chain).slice(0, 64)}`);
      return base.rpc(chain);
    },
    venues,
    bridges,
    usdPrices: { ...(base?.usdPrices ?? {}), ...options.usdPrices },
    ...(base?.swapEtaSeconds === undefined ? {} : { swapEtaSeconds: base.swapEtaSeconds }),
    async gasFee(chain, gasUnits, tier) {
      const cosmosChain = cosmos.find((c) => c.id === chain);
      if (cosmosChain !== undefined) return feeTiers(gasUnits, gasPricesFor(cosmosChain))[tier].amount;
      if (base?.gasFee) return base.gasFee(chain, gasUnits, tier);
      throw new StrataError('UNKNOWN_CHAIN', `No Cosmos chain ${String(chain).slice(0, 64)} here`);
    },
  };
}

function routableFirst(chain: ChainInfo, cosmos: readonly ChainInfo[], venues: readonly SwapVenue[]): AssetInfo[] {
  const all = listAssets(chain);
  const routable: AssetInfo[] = [];
  const add = (asset: AssetInfo) => {
    if (!routable.some((a) => a.ref === asset.ref)) routable.push(asset);
  };
  const native = all[0];
  if (native !== undefined) add(native);
  // Native coins of the other chains, as IBC delivers them here.
  for (const other of cosmos) {
    if (other.id === chain.id) continue;
    const home = listAssets(other)[0];
    if (home === undefined) continue;
    for (const path of ibcPaths(cosmos, other, home, chain)) add(path.toAsset);
  }
  for (const venue of venues) for (const pair of venue.pairs(chain.id)) add(pair.tokenIn);
  for (const asset of all) add(asset);
  return routable;
}
