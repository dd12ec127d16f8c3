import { getAddress } from 'viem';
import type { AssetInfo } from '../../../shared/domain/asset';
import type { CaipChainId, ChainInfo } from '../../../shared/domain/chain';
import { StrataError } from '../../../shared/errors';
import { listAssets } from '../assets/listAssets';
import type { BridgeAdapter } from '../bridges/bridgeAdapter';
import { ibcPaths } from '../bridges/ibcTransfer/ibcPaths';
import { createIbcTransferBridge } from '../bridges/ibcTransfer/ibcTransferBridge';
import { feeTiers } from '../cosmos/fees/feeTiers';
import { gasPricesFor } from '../cosmos/registry/gasPrices';
import type { CosmosRpc } from '../cosmos/rpc/createCosmosRpc';
import type { DeploymentRow } from '../deployments/deploymentRow';
import type { JsonRpcCall } from '../rpc/httpJsonRpc';
import { createOsmosisPoolManagerVenue } from '../swap/osmosisPoolManagerVenue';
import type { SwapVenue } from '../swap/swapVenue';
import { createUniswapV2SwapVenue } from '../swap/uniswapV2Venue';
import { createUniswapV3SwapVenue } from '../swap/uniswapV3Venue';
import type { RoutingEnvironment } from './findRoutes';

/** Symbols two-pool Uniswap V3 paths may go through besides the wrapped native coin. */
const HUB_SYMBOLS = ['USDC', 'USDT'];
/** The chain whose poolmanager is the Cosmos swap venue. */
const OSMOSIS = 'cosmos:osmosis-1';

export interface RoutingNetworks {
  /** Every chain to route on, EVM and Cosmos (mainnet, a devnet's, or both). */
  chains: readonly ChainInfo[];
  /** The deployments registry's rows of the EVM chains (MAINNET_DEPLOYMENTS, a devnet state file's rows). */
  deployments: readonly DeploymentRow[];
  /** The JSON-RPC client of an EVM chain. @throws UNKNOWN_CHAIN, RPC_UNAVAILABLE */
  evmRpc(chain: CaipChainId): JsonRpcCall;
  /** The RPC of a Cosmos chain; without it the Cosmos chains are left out. */
  cosmosRpc?(chain: CaipChainId): CosmosRpc;
  /** The assets listed on an EVM chain; default listAssets(chain). */
  evmAssets?(chain: ChainInfo): AssetInfo[];
  /** Bridges between the chains (LayerZero OFTs, Axelar, …); IBC between the Cosmos chains is added here. */
  bridges?: readonly BridgeAdapter[];
  usdPrices: Readonly<Record<string, string>>;
  swapEtaSeconds?: number;
  now?: () => number;
}

/**
 * THE routing environment, for every network alike: the EVM chains with a deployments row get Uniswap V3 where the
 * row has it (pool discovery on chain) and Uniswap V2 where it lists pairs; the Cosmos chains get IBC between them
 * and Osmosis' poolmanager; the bridges given join. Gas of EVM steps is priced by the router over `evmRpc`, Cosmos
 * gas from chain-registry's gas prices. Assets of an EVM chain: `evmAssets` (listAssets); of a Cosmos chain: the
 * native coin, then what IBC or the venue can deliver there, then the rest of its registry list.
 */
export function buildRoutingEnvironment(networks: RoutingNetworks): RoutingEnvironment {
  const evm = networks.chains.filter((c) => c.family === 'evm');
  const cosmos = networks.cosmosRpc ? networks.chains.filter((c) => c.family === 'cosmos') : [];
  const chains = [...evm, ...cosmos];
  const rowOf = (chain: CaipChainId) => networks.deployments.find((r) => r.chain === chain);
  const evmAssets = new Map(evm.map((chain) => [chain.id, networks.evmAssets?.(chain) ?? listAssets(chain)]));
  const rpcs = { rpc: (chain: CaipChainId) => networks.evmRpc(chain) };

  const venues: SwapVenue[] = [];
  const v3Chains = evm.flatMap((chain) => {
    const row = rowOf(chain.id);
    if (!row?.uniswapV3) return [];
    const assets = evmAssets.get(chain.id) ?? [];
    return [{ chain: chain.id, uniswapV3: row.uniswapV3, wrappedNative: row.wrappedNative, multicall3: row.multicall3, assets, hubs: hubsOf(chain, row, assets) }];
  });
  if (v3Chains.length > 0) venues.push(createUniswapV3SwapVenue(v3Chains, rpcs));
  const v2Chains = evm.flatMap((chain) => {
    const row = rowOf(chain.id);
    if (!row?.uniswapV2?.pairs?.length) return [];
    const wrapped = getAddress(row.wrappedNative);
    // 'native' stands for the wrapped coin: the V2 router wraps and unwraps.
    const ref = (token: string) => (getAddress(token) === wrapped ? 'native' : getAddress(token));
    return [{
      chain: chain.id,
      deployment: { router: getAddress(row.uniswapV2.router), factory: getAddress(row.uniswapV2.factory), weth: wrapped },
      assets: evmAssets.get(chain.id) ?? [],
      pools: row.uniswapV2.pairs.map(([a, b]) => [ref(a), ref(b)] as const),
    }];
  });
  if (v2Chains.length > 0) venues.push(createUniswapV2SwapVenue(v2Chains, rpcs));
  const osmosis = cosmos.find((c) => c.id === OSMOSIS);
  if (osmosis && networks.cosmosRpc) venues.push(createOsmosisPoolManagerVenue({ chain: osmosis, rpc: networks.cosmosRpc }));

  const bridges = [...(networks.bridges ?? [])];
  if (cosmos.length > 0 && networks.cosmosRpc) bridges.push(createIbcTransferBridge({ chains: cosmos, cosmosRpc: networks.cosmosRpc, now: networks.now }));
  const cosmosAssets = new Map(cosmos.map((chain) => [chain.id, routableFirst(chain, cosmos, venues)]));
  const isEvm = (id: CaipChainId) => evmAssets.has(id);

  return {
    chains,
    assets: (chain) => evmAssets.get(chain) ?? cosmosAssets.get(chain) ?? [],
    rpc(chain): JsonRpcCall {
      if (!isEvm(chain)) throw new StrataError('UNKNOWN_CHAIN', `No EVM RPC for ${String(chain).slice(0, 64)}`);
      return networks.evmRpc(chain);
    },
    venues,
    bridges,
    usdPrices: networks.usdPrices,
    ...(networks.swapEtaSeconds === undefined ? {} : { swapEtaSeconds: networks.swapEtaSeconds }),
    async gasFee(chain, gasUnits, tier) {
      const cosmosChain = cosmos.find((c) => c.id === chain);
      if (cosmosChain === undefined) throw new StrataError('UNKNOWN_CHAIN', `No Cosmos chain ${String(chain).slice(0, 64)} here`);
      return feeTiers(gasUnits, gasPricesFor(cosmosChain))[tier].amount;
    },
  };
}

/** The wrapped native coin (as listed, or described from the native coin), then USDC and USDT where listed. */
function hubsOf(chain: ChainInfo, row: DeploymentRow, assets: readonly AssetInfo[]): AssetInfo[] {
  const wrappedRef = getAddress(row.wrappedNative);
  const native = assets.find((a) => a.ref === 'native');
  const wrapped = assets.find((a) => a.ref === wrappedRef) ?? {
    chain: chain.id,
    ref: wrappedRef,
    symbol: `W${chain.nativeAsset.symbol}`,
    name: `Wrapped ${chain.nativeAsset.symbol}`,
    decimals: chain.nativeAsset.decimals,
    priceId: native?.priceId ?? null,
  };
  return [wrapped, ...HUB_SYMBOLS.flatMap((symbol) => assets.filter((a) => a.symbol === symbol && a.ref !== 'native').slice(0, 1))];
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
