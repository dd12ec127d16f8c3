import { getAddress } from 'viem';
import type { AssetInfo } from '../../../../shared/domain/asset';
import type { ChainInfo } from '../../../../shared/domain/chain';
import { StrataError } from '../../../../shared/errors';
import { nativeAssetOf } from '../../assets/nativeAsset';
import { devnetChains } from '../../devnet/devnetChains';
import { DEVNET_CHAIN_SPECS } from '../../devnet/devnetSpec';
import { DEVNET_LZ_EIDS, LZ_ENDPOINT_ADDRESS, SBT } from '../../devnet/layerzero/layerZeroSpec';
import type { OftRegistry } from './oftRegistry';

/** How long the devnet relayer takes to deliver (it polls every 150 ms; two transactions on the destination). */
export const DEVNET_LZ_ETA_SECONDS = 5;

/** The devnet's SBT on one devnet chain, as an asset (no price source: routes price it through its pools). */
export function devnetSbtAsset(chain: Pick<ChainInfo, 'id'>, contracts: Readonly<Record<string, string>>): AssetInfo {
  const sbt = contracts.sbt;
  if (!sbt) throw new StrataError('DEVNET_NOT_RUNNING', 'This devnet has no SBT (restart it to run the LayerZero deploy steps)');
  return { chain: chain.id, ref: getAddress(sbt), symbol: SBT.symbol, name: SBT.name, decimals: SBT.decimals, priceId: null };
}

/** The devnet's OFTs: SBT at `contracts.sbt` on devnet-a (eid 50337) and devnet-b (eid 50338), peered. */
export function devnetOftRegistry(contracts: Readonly<Record<string, string>>): OftRegistry {
  const chains = devnetChains();
  return {
    tokens: [
      {
        symbol: SBT.symbol,
        // The devnet OFT enforces its lzReceive gas (sbt-peers step): nothing to add.
        extraOptions: '0x',
        deployments: DEVNET_CHAIN_SPECS.map((spec) => {
          const chain = chains.find((c) => c.id === spec.id) as ChainInfo;
          const asset = devnetSbtAsset(chain, contracts);
          const endpoint = getAddress(contracts.lzEndpoint ?? LZ_ENDPOINT_ADDRESS);
          return { chain: spec.id, chainName: chain.name, eid: DEVNET_LZ_EIDS[spec.alias], oft: asset.ref as `0x${string}`, endpoint, asset, nativeAsset: nativeAssetOf(chain), approvalRequired: false };
        }),
      },
    ],
  };
}
