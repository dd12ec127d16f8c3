import type { AssetList, Chain, IBCData } from '@chain-registry/types';
import * as celestia from 'chain-registry/mainnet/celestia';
import * as cosmoshub from 'chain-registry/mainnet/cosmoshub';
import * as injective from 'chain-registry/mainnet/injective';
import * as neutron from 'chain-registry/mainnet/neutron';
import * as noble from 'chain-registry/mainnet/noble';
import * as osmosis from 'chain-registry/mainnet/osmosis';

/** One chain's chain-registry data: chain.json, assetlist.json and the IBC connections it takes part in. */
export interface RegistryEntry {
  readonly chain: Chain;
  readonly assetList: AssetList;
  readonly ibcData: readonly IBCData[];
}

/**
 * The Cosmos chains Strata bundles, with our alias for each. Imported per chain (not the whole 32 MB package) so the
 * bundle carries only these chains' metadata; the one place that lists them.
 */
export const COSMOS_REGISTRY: ReadonlyArray<{ alias: string; entry: RegistryEntry }> = [
  { alias: 'cosmoshub', entry: cosmoshub },
  { alias: 'osmosis', entry: osmosis },
  { alias: 'noble', entry: noble },
  { alias: 'celestia', entry: celestia },
  { alias: 'neutron', entry: neutron },
  { alias: 'injective', entry: injective },
];
