import type { AssetInfo } from '../../../shared/domain/asset';
import type { ChainInfo } from '../../../shared/domain/chain';

/** The chain's own coin as an asset (`ref: native`): what EVM fees are paid in. */
export function nativeAssetOf(chain: ChainInfo): AssetInfo {
  return {
    chain: chain.id,
    ref: 'native',
    symbol: chain.nativeAsset.symbol,
    name: chain.nativeAsset.symbol,
    decimals: chain.nativeAsset.decimals,
    priceId: null,
  };
}
