import type { CaipChainId } from '../../../shared/domain/chain';
import { StrataError } from '../../../shared/errors';
import { listAssets } from '../assets/listAssets';
import { createAxelarGatewayBridge } from '../bridges/axelarGateway/axelarGatewayBridge';
import { DEVNET_AXELAR_ETA_SECONDS, devnetAxelarRegistry } from '../bridges/axelarGateway/devnetAxelarRegistry';
import { devnetOftRegistry, devnetSbtAsset, DEVNET_LZ_ETA_SECONDS } from '../bridges/layerzeroOft/devnetOftRegistry';
import { createLayerZeroOftBridge } from '../bridges/layerzeroOft/layerZeroOftBridge';
import { devnetChains } from '../devnet/devnetChains';
import { devnetUniswapV2 } from '../devnet/uniswap/devnetUniswapV2';
import { processChainClients, type ChainClients } from '../chains/chainClients';
import type { JsonRpcCall } from '../rpc/httpJsonRpc';
import { createUniswapV2SwapVenue } from '../swap/uniswapV2Venue';
import type { RoutingEnvironment } from './findRoutes';

export interface DevnetRoutingOptions {
  /** `Devnet.chains` (or the state file's): the rpc URL of each devnet chain, by CAIP id. */
  chains: ReadonlyArray<{ id: string; rpc: string }>;
  /** `Devnet.contracts`. */
  contracts: Readonly<Record<string, string>>;
  usdPrices: Readonly<Record<string, string>>;
  /** Default DEVNET_LZ_ETA_SECONDS. */
  layerZeroEtaSeconds?: number;
  /** Default DEVNET_AXELAR_ETA_SECONDS. */
  axelarEtaSeconds?: number;
  /** Where the chains' RPC clients come from (default the process's). */
  clients?: ChainClients;
}

/**
 * The routing environment of a running devnet: both chains, their listed assets plus SBT, Uniswap V2 with the
 * WETH/USDC and SBT/WETH pools on each chain, LayerZero's SBT OFT and Axelar's gateway (USDC) between them.
 * @throws StrataError DEVNET_NOT_RUNNING when the contracts lack the Uniswap or SBT keys (no Axelar gateway: no Axelar routes)
 */
export function devnetRoutingEnvironment(options: DevnetRoutingOptions): RoutingEnvironment {
  const chains = devnetChains();
  const { contracts } = options;
  const deployment = devnetUniswapV2(contracts);
  const usdc = contracts.usdc;
  if (!usdc) throw new StrataError('DEVNET_NOT_RUNNING', 'This devnet has no USDC');
  const rpcs = new Map<string, JsonRpcCall>();
  for (const chain of chains) {
    const url = options.chains.find((c) => c.id === chain.id)?.rpc;
    if (url) rpcs.set(chain.id, (options.clients ?? processChainClients).evm({ chain, endpoints: [url] }).request);
  }
  const rpc = (chain: CaipChainId): JsonRpcCall => {
    const found = rpcs.get(chain);
    if (!found) throw new StrataError('UNKNOWN_CHAIN', `No devnet RPC for ${String(chain).slice(0, 64)}`);
    return found;
  };
  const assetsOf = new Map(chains.map((chain) => [chain.id, listAssets(chain, { devnetContracts: contracts, extraAssets: [devnetSbtAsset(chain, contracts)] })]));
  const venue = createUniswapV2SwapVenue(
    chains.map((chain) => ({
      chain: chain.id,
      deployment,
      assets: assetsOf.get(chain.id) ?? [],
      // 'native' stands for WETH: the router wraps and unwraps.
      pools: [
        ['native', usdc],
        ['native', devnetSbtAsset(chain, contracts).ref],
      ],
    })),
    { rpc },
  );
  return {
    chains,
    assets: (chain) => assetsOf.get(chain) ?? [],
    rpc,
    venues: [venue],
    bridges: [
      createLayerZeroOftBridge({ registry: devnetOftRegistry(contracts), etaSeconds: options.layerZeroEtaSeconds ?? DEVNET_LZ_ETA_SECONDS }),
      // A devnet started before the Axelar steps existed has no gateway: it keeps its LayerZero routes.
      ...(contracts.axelarGateway ? [createAxelarGatewayBridge({ registry: devnetAxelarRegistry(contracts), etaSeconds: options.axelarEtaSeconds ?? DEVNET_AXELAR_ETA_SECONDS })] : []),
    ],
    usdPrices: options.usdPrices,
  };
}
