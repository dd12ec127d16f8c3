import type { ChainInfo } from '../../../shared/domain/chain';
import { StrataError } from '../../../shared/errors';
import { listAssets } from '../assets/listAssets';
import { createAxelarGatewayBridge } from '../bridges/axelarGateway/axelarGatewayBridge';
import { DEVNET_AXELAR_ETA_SECONDS, devnetAxelarRegistry } from '../bridges/axelarGateway/devnetAxelarRegistry';
import { devnetOftRegistry, devnetSbtAsset, DEVNET_LZ_ETA_SECONDS } from '../bridges/layerzeroOft/devnetOftRegistry';
import { createLayerZeroOftBridge } from '../bridges/layerzeroOft/layerZeroOftBridge';
import type { BridgeAdapter } from '../bridges/bridgeAdapter';
import { devnetChains } from '../devnet/devnetChains';
import { devnetDeploymentRows } from '../devnet/devnetDeployments';
import type { DeploymentRow } from '../deployments/deploymentRow';
import { processChainClients, type ChainClients } from '../chains/chainClients';
import type { JsonRpcCall } from '../rpc/httpJsonRpc';
import { buildRoutingEnvironment } from './buildRoutingEnvironment';
import type { RoutingEnvironment } from './findRoutes';

export interface DevnetRoutingOptions {
  /** `Devnet.chains` (or the state file's): the rpc URL of each devnet chain, by CAIP id. */
  chains: ReadonlyArray<{ id: string; rpc: string }>;
  /** `Devnet.contracts`. */
  contracts: Readonly<Record<string, string>>;
  /** The state file's deployment rows; default derived from `contracts`. */
  deployments?: readonly DeploymentRow[];
  usdPrices: Readonly<Record<string, string>>;
  /** Default DEVNET_LZ_ETA_SECONDS. */
  layerZeroEtaSeconds?: number;
  /** Default DEVNET_AXELAR_ETA_SECONDS. */
  axelarEtaSeconds?: number;
  /** Where the chains' RPC clients come from (default the process's). */
  clients?: ChainClients;
  /**
   * The devnet's swap venues in routes; default Uniswap V2 only, the routes the devnet tests and the UI tests pin.
   * Its Uniswap V3 pools route with ['uniswap-v3', 'uniswap-v2'].
   */
  evmVenues?: ReadonlyArray<'uniswap-v3' | 'uniswap-v2'>;
}

/** What a running devnet adds to buildRoutingEnvironment's networks: its chains, rows, RPCs, assets (SBT) and bridges. */
export interface DevnetNetworks {
  chains: ChainInfo[];
  deployments: readonly DeploymentRow[];
  rpcs: Map<string, JsonRpcCall>;
  assets(chain: ChainInfo): ReturnType<typeof listAssets>;
  bridges: BridgeAdapter[];
}

/**
 * A running devnet's part of the routing networks, from its state (RPC URLs, contracts, deployment rows).
 * @throws StrataError DEVNET_NOT_RUNNING when the contracts lack USDC or the SBT OFT (an older devnet state)
 */
export function devnetNetworks(options: DevnetRoutingOptions): DevnetNetworks {
  const { contracts } = options;
  if (!contracts.usdc) throw new StrataError('DEVNET_NOT_RUNNING', 'This devnet has no USDC');
  const chains = devnetChains().filter((c) => options.chains.some((d) => d.id === c.id));
  const rpcs = new Map<string, JsonRpcCall>();
  for (const chain of chains) {
    const url = options.chains.find((c) => c.id === chain.id)?.rpc;
    if (url) rpcs.set(chain.id, (options.clients ?? processChainClients).evm({ chain, endpoints: [url] }).request);
  }
  const venues = new Set(options.evmVenues ?? ['uniswap-v2']);
  // Leaving a venue's part out of the rows is what keeps it out of the routes.
  const deployments = (options.deployments ?? devnetDeploymentRows(chains, contracts)).map(({ uniswapV3, uniswapV2, ...row }) => ({
    ...row,
    ...(uniswapV3 && venues.has('uniswap-v3') ? { uniswapV3 } : {}),
    ...(uniswapV2 && venues.has('uniswap-v2') ? { uniswapV2 } : {}),
  }));
  if (!deployments.some((r) => r.uniswapV2 || r.uniswapV3)) throw new StrataError('DEVNET_NOT_RUNNING', 'This devnet has no Uniswap deployment (restart it to run the new deploy steps)');
  return {
    chains,
    deployments,
    rpcs,
    assets: (chain) => listAssets(chain, { devnetContracts: contracts, extraAssets: [devnetSbtAsset(chain, contracts)] }),
    bridges: [
      createLayerZeroOftBridge({ registry: devnetOftRegistry(contracts), etaSeconds: options.layerZeroEtaSeconds ?? DEVNET_LZ_ETA_SECONDS }),
      // A devnet started before the Axelar steps existed has no gateway: it keeps its LayerZero routes.
      ...(contracts.axelarGateway ? [createAxelarGatewayBridge({ registry: devnetAxelarRegistry(contracts), etaSeconds: options.axelarEtaSeconds ?? DEVNET_AXELAR_ETA_SECONDS })] : []),
    ],
  };
}

/**
 * The routing environment of a running devnet alone (tests, benches): buildRoutingEnvironment over its networks.
 * @throws StrataError DEVNET_NOT_RUNNING (see devnetNetworks)
 */
export function devnetRoutingEnvironment(options: DevnetRoutingOptions): RoutingEnvironment {
  const devnet = devnetNetworks(options);
  return buildRoutingEnvironment({
    chains: devnet.chains,
    deployments: devnet.deployments,
    evmRpc: (chain) => {
      const rpc = devnet.rpcs.get(chain);
      if (!rpc) throw new StrataError('UNKNOWN_CHAIN', `No RPC for ${String(chain).slice(0, 64)}`);
      return rpc;
    },
    evmAssets: devnet.assets,
    bridges: devnet.bridges,
    usdPrices: options.usdPrices,
  });
}
