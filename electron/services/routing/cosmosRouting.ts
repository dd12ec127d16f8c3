import type { CaipChainId, ChainInfo } from '../../../shared/domain/chain';
import { StrataError } from '../../../shared/errors';
import type { BridgeAdapter } from '../bridges/bridgeAdapter';
import { cosmosChains } from '../chains/cosmosChains';
import type { CosmosRpc } from '../cosmos/rpc/createCosmosRpc';
import { buildRoutingEnvironment } from './buildRoutingEnvironment';
import type { RoutingEnvironment } from './findRoutes';

export interface CosmosRoutingOptions {
  /** The Cosmos chains to route between; default every bundled one (cosmosChains()). */
  chains?: readonly ChainInfo[];
  /** The RPC of a Cosmos chain (its configured endpoints; tests: a stand-in node). @throws UNKNOWN_CHAIN, RPC_UNAVAILABLE */
  cosmosRpc(chain: CaipChainId): CosmosRpc;
  usdPrices: Readonly<Record<string, string>>;
  /** An EVM environment whose chains, assets, venues and bridges join this one. */
  base?: RoutingEnvironment;
  /** More bridges across the families (Axelar EVM <-> Cosmos). */
  extraBridges?: readonly BridgeAdapter[];
  now?: () => number;
}

/**
 * The Cosmos chains' routing environment (buildRoutingEnvironment over them: IBC, Osmosis' poolmanager, gas from
 * chain-registry), joined with an EVM environment when one is given (its gas stays EVM-priced, its RPCs its own).
 * For tests and callers that hold an EVM environment already; the app builds one environment for everything.
 */
export function cosmosRoutingEnvironment(options: CosmosRoutingOptions): RoutingEnvironment {
  const cosmos = buildRoutingEnvironment({
    chains: options.chains ?? cosmosChains(),
    deployments: [],
    evmRpc: (chain) => {
      throw new StrataError('UNKNOWN_CHAIN', `No EVM RPC for ${String(chain).slice(0, 64)}`);
    },
    cosmosRpc: options.cosmosRpc,
    bridges: options.extraBridges ?? [],
    usdPrices: options.usdPrices,
    ...(options.now ? { now: options.now } : {}),
  });
  const extra = options.extraBridges?.length ?? 0;
  // IBC first, then the extra ones (the order routes are enumerated in).
  const bridges = [...cosmos.bridges.slice(extra), ...cosmos.bridges.slice(0, extra)];
  const base = options.base;
  if (!base) return { ...cosmos, bridges };
  const isCosmos = (id: CaipChainId) => cosmos.chains.some((c) => c.id === id);
  return {
    chains: [...base.chains, ...cosmos.chains.filter((c) => !base.chains.some((b) => b.id === c.id))],
    assets: (chain) => (isCosmos(chain) ? cosmos.assets(chain) : base.assets(chain)),
    rpc: (chain) => (isCosmos(chain) ? cosmos.rpc(chain) : base.rpc(chain)),
    venues: [...base.venues, ...cosmos.venues],
    bridges: [...base.bridges, ...bridges],
    usdPrices: { ...base.usdPrices, ...options.usdPrices },
    ...(base.swapEtaSeconds === undefined ? {} : { swapEtaSeconds: base.swapEtaSeconds }),
    async gasFee(chain, gasUnits, tier) {
      if (isCosmos(chain) && cosmos.gasFee) return cosmos.gasFee(chain, gasUnits, tier);
      if (base.gasFee) return base.gasFee(chain, gasUnits, tier);
      throw new StrataError('UNKNOWN_CHAIN', `No Cosmos chain ${String(chain).slice(0, 64)} here`);
    },
  };
}
