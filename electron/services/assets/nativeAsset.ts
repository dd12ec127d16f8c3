import type { AssetInfo } from '../../../shared/domain/asset';
import type { ChainInfo } from '../../../shared/domain/chain';
import { assetIndexFor } from '../cosmos/registry/assetIndex';
import { isDevnetChain } from './devnetAssets';

/**
 * CoinGecko ids (and display names) of EVM native coins, by native symbol: chain lists name the coin but carry no
 * price id, so this small table is ours. A chain whose coin is not here gets no price.
 */
export const NATIVE_COINS: Readonly<Record<string, { priceId: string; name: string }>> = {
  ETH: { priceId: 'ethereum', name: 'Ether' },
  POL: { priceId: 'polygon-ecosystem-token', name: 'POL' },
  BNB: { priceId: 'binancecoin', name: 'BNB' },
  AVAX: { priceId: 'avalanche-2', name: 'Avalanche' },
};

/**
 * The native asset of a chain (`ref: 'native'`). Cosmos: name and CoinGecko id from the chain's registry listing
 * of its fee denom. EVM: from NATIVE_COINS by symbol. A testnet's coin has no price, except on the devnet, whose ETH
 * stands for the real one.
 */
export function nativeAssetOf(chain: ChainInfo): AssetInfo {
  const base = { chain: chain.id, ref: 'native', symbol: chain.nativeAsset.symbol, decimals: chain.nativeAsset.decimals };
  if (chain.family === 'cosmos') {
    const listed = assetIndexFor(chain)?.assets.get(chain.nativeAsset.denom);
    return { ...base, name: listed?.name ?? chain.nativeAsset.symbol, priceId: chain.testnet ? null : (listed?.coingeckoId ?? null) };
  }
  const known = Object.hasOwn(NATIVE_COINS, chain.nativeAsset.symbol) ? NATIVE_COINS[chain.nativeAsset.symbol] : undefined;
  const priced = !chain.testnet || isDevnetChain(chain);
  return { ...base, name: known?.name ?? chain.nativeAsset.symbol, priceId: priced ? (known?.priceId ?? null) : null };
}
