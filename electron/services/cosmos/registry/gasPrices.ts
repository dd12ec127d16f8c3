import type { ChainInfo } from '../../../../shared/domain/chain';
import { StrataError } from '../../../../shared/errors';
import type { GasPriceConfig } from '../fees/feeTiers';
import { registryEntryFor } from './registryEntry';

/**
 * The gas prices of a chain's first fee token, from chain-registry (`fees.feeTokens[0]`).
 * @throws StrataError UNKNOWN_CHAIN when the bundled registry data has no fee token for the chain (pass gas prices
 *   explicitly for such a chain, e.g. a local devnet)
 */
export function gasPricesFor(chain: Pick<ChainInfo, 'id' | 'name'>): GasPriceConfig {
  const token = registryEntryFor(chain)?.chain.fees?.feeTokens[0];
  if (token === undefined) throw new StrataError('UNKNOWN_CHAIN', `No fee data is known for ${chain.name}`);
  return { ...token };
}
