import type { AssetList, Chain, IBCData } from '@chain-registry/types';
import * as celestia from 'chain-registry/mainnet/celestia';
import * as cosmoshub from 'chain-registry/mainnet/cosmoshub';
import * as injective from 'chain-registry/mainnet/injective';
import * as neutron from 'chain-registry/mainnet/neutron';
import * as noble from 'chain-registry/mainnet/noble';
import * as osmosis from 'chain-registry/mainnet/osmosis';
import type { ChainInfo } from '../../../../shared/domain/chain';

/** One chain's chain-registry data: chain.json, assetlist.json and the IBC connections it takes part in. */
export interface RegistryEntry {
  readonly chain: Chain;
  readonly assetList: AssetList;
  readonly ibcData: readonly IBCData[];
}

/**
 * The chain-registry entries Strata bundles: the same per-chain imports as the chain list
 * (electron/services/chains/cosmosChains.ts), so that the bundle carries only these chains' metadata.
 */
const ENTRIES: readonly RegistryEntry[] = [cosmoshub, osmosis, noble, celestia, neutron, injective];

/** The registry entry of a chain by its Cosmos chain id, or undefined for a chain the registry data lacks. */
export function registryEntryFor(chain: Pick<ChainInfo, 'id'>): RegistryEntry | undefined {
  return ENTRIES.find((entry) => `cosmos:${entry.chain.chainId}` === chain.id);
}

/** The registry entry of a chain by its chain-registry name (`cosmoshub`, `noble`). */
export function registryEntryByName(chainName: string): RegistryEntry | undefined {
  return ENTRIES.find((entry) => entry.chain.chainName === chainName);
}
