import type { ChainInfo } from '../../../shared/domain/chain';
import { StrataError } from '../../../shared/errors';

/**
 * The Cosmos chain id of a chain (`cosmoshub-4` for `cosmos:cosmoshub-4`): what sign docs commit to and what a node
 * reports as `node_info.network`.
 * @throws StrataError UNKNOWN_CHAIN for a chain that is not of the Cosmos family
 */
export function cosmosChainId(chain: Pick<ChainInfo, 'id' | 'family'>): string {
  if (chain.family !== 'cosmos' || !chain.id.startsWith('cosmos:')) {
    throw new StrataError('UNKNOWN_CHAIN', `Not a Cosmos chain: ${chain.id.slice(0, 64)}`);
  }
  return chain.id.slice('cosmos:'.length);
}

/** The bech32 prefix of a Cosmos chain. */
export function cosmosPrefix(chain: Pick<ChainInfo, 'id' | 'bech32Prefix'>): string {
  if (!chain.bech32Prefix) throw new StrataError('UNKNOWN_CHAIN', `Chain ${chain.id.slice(0, 64)} has no bech32 prefix`);
  return chain.bech32Prefix;
}
