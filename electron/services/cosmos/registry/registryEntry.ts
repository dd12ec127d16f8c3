import { COSMOS_REGISTRY, type RegistryEntry } from '../../chains/cosmosRegistry';
import type { ChainInfo } from '../../../../shared/domain/chain';

export type { RegistryEntry };

/** The chain-registry entries Strata bundles (one list, in electron/services/chains/cosmosRegistry.ts). */
const ENTRIES: readonly RegistryEntry[] = COSMOS_REGISTRY.map((c) => c.entry);

/** The registry entry of a chain by its Cosmos chain id, or undefined for a chain the registry data lacks. */
export function registryEntryFor(chain: Pick<ChainInfo, 'id'>): RegistryEntry | undefined {
  return ENTRIES.find((entry) => `cosmos:${entry.chain.chainId}` === chain.id);
}

/** The registry entry of a chain by its chain-registry name (`cosmoshub`, `noble`). */
export function registryEntryByName(chainName: string): RegistryEntry | undefined {
  return ENTRIES.find((entry) => entry.chain.chainName === chainName);
}
