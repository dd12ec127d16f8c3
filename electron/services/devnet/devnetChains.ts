import type { ChainInfo } from '../../../shared/domain/chain';
import { DEVNET_CHAIN_SPECS } from './devnetSpec';

/** Chain metadata of the two devnet chains, in the same shape as the built-in chains (ETH, 18 decimals, testnet). */
export function devnetChains(): ChainInfo[] {
  return DEVNET_CHAIN_SPECS.map((spec) => ({
    id: spec.id,
    alias: spec.alias,
    name: spec.name,
    family: 'evm',
    addressScheme: 'evm',
    coinType: 60,
    bech32Prefix: null,
    nativeAsset: { symbol: 'ETH', denom: 'wei', decimals: 18 },
    testnet: true,
  }));
}
