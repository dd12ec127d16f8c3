import type { AssetList, Chain } from '@chain-registry/types';
import type { ChainInfo } from '../../../shared/domain/chain';
import { COSMOS_REGISTRY } from './cosmosRegistry';

/** Built-in Cosmos chains: every field comes from chain-registry. */
export function cosmosChains(): ChainInfo[] {
  return COSMOS_REGISTRY.map(({ alias, entry }) => fromRegistry(alias, entry.chain, entry.assetList));
}

/** Converts a chain-registry entry; throws if the registry lacks a field we rely on (caught by tests on upgrade). */
export function fromRegistry(alias: string, chain: Chain, assetList: AssetList): ChainInfo {
  const feeDenom = chain.fees?.feeTokens[0]?.denom ?? chain.staking?.stakingTokens[0]?.denom;
  const asset = assetList.assets.find((a) => a.base === feeDenom);
  if (!feeDenom || !asset || !chain.bech32Prefix || chain.slip44 === undefined) {
    throw new Error(`chain-registry entry for ${chain.chainName} lacks fee asset, bech32 prefix or slip44`);
  }
  const display = asset.denomUnits.find((u) => u.denom === asset.display);
  const ethKeys = chain.keyAlgos?.includes('ethsecp256k1') ?? false;
  return {
    id: `cosmos:${chain.chainId}`,
    alias,
    name: chain.prettyName ?? chain.chainName,
    family: 'cosmos',
    addressScheme: ethKeys ? 'eth-bech32' : 'cosmos',
    coinType: chain.slip44,
    bech32Prefix: chain.bech32Prefix,
    nativeAsset: { symbol: asset.symbol, denom: asset.base, decimals: display?.exponent ?? 0 },
    testnet: chain.networkType !== 'mainnet',
  };
}
