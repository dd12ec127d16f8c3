import { arbitrum, avalanche, base, bsc, mainnet, optimism, polygon } from 'viem/chains';
import type { ChainInfo } from '../../../shared/domain/chain';

/** Built-in EVM chains: metadata from viem's maintained chain list; the alias is ours. */
const EVM_CHAINS = [
  { alias: 'ethereum', chain: mainnet },
  { alias: 'arbitrum', chain: arbitrum },
  { alias: 'optimism', chain: optimism },
  { alias: 'base', chain: base },
  { alias: 'polygon', chain: polygon },
  { alias: 'bsc', chain: bsc },
  { alias: 'avalanche', chain: avalanche },
] as const;

export function evmChains(): ChainInfo[] {
  return EVM_CHAINS.map(({ alias, chain }) => ({
    id: `eip155:${chain.id}`,
    alias,
    name: chain.name,
    family: 'evm',
    addressScheme: 'evm',
    coinType: 60,
    bech32Prefix: null,
    nativeAsset: { symbol: chain.nativeCurrency.symbol, denom: 'wei', decimals: chain.nativeCurrency.decimals },
    testnet: chain.testnet === true,
  }));
}
