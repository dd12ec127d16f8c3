import type { Asset } from '@chain-registry/types';
import type { AssetInfo } from '../../../shared/domain/asset';
import type { ChainInfo } from '../../../shared/domain/chain';
import { assetIndexByName, assetIndexFor, denomKey, displayDecimals } from '../cosmos/registry/assetIndex';
import type { IbcOrigin } from '../cosmos/ibc/ibcOrigin';
import { resolveCosmosAsset } from '../cosmos/registry/resolveCosmosAsset';

/** Registry asset types that are bank denoms (what a balance query returns); cw20 and erc20 entries are not. */
const BANK_TYPES = new Set(['sdk.coin', 'ics20']);

const cache = new Map<string, AssetInfo[]>();

/**
 * A Cosmos chain's bank assets from its chain-registry asset list (native and IBC), with the registry's CoinGecko
 * id as priceId; the chain's native denom is left out (it is the `native` asset). Empty for chains outside the
 * bundled registry data.
 */
export function cosmosRegistryAssets(chain: Pick<ChainInfo, 'id' | 'family' | 'nativeAsset'>): AssetInfo[] {
  if (chain.family !== 'cosmos') return [];
  const key = `${chain.id} ${chain.nativeAsset.denom}`;
  let assets = cache.get(key);
  if (assets === undefined) {
    assets = [];
    for (const [denom, asset] of assetIndexFor(chain)?.assets ?? []) {
      if (denom === chain.nativeAsset.denom || !BANK_TYPES.has(asset.typeAsset)) continue;
      assets.push(fromRegistry(chain.id, denom, asset));
    }
    cache.set(key, assets);
  }
  return assets.map((asset) => ({ ...asset }));
}

/**
 * An AssetInfo for any denom a Cosmos balance query returns, never throwing: the chain's registry listing; else,
 * for a one-hop IBC denom with a known origin, the origin chain's listing of the base denom (and its CoinGecko id); else
 * the denom itself, 0 decimals, no price. Symbol and decimals as resolveCosmosAsset decides them.
 */
export function describeCosmosDenom(chain: Pick<ChainInfo, 'id' | 'nativeAsset'>, denom: string, origin?: IbcOrigin | null): AssetInfo {
  const key = denomKey(denom);
  const listed = assetIndexFor(chain)?.assets.get(key);
  if (listed !== undefined) return fromRegistry(chain.id, key, listed);
  const resolved = resolveCosmosAsset(chain, key, origin);
  // Only one hop names the issuer: after several, origin.chain is merely the last sender, whose own listing of a
  // denom with that name would be a different asset, so such a token gets no price rather than a wrong one.
  const oneHop = origin?.path.split('/').length === 2;
  const home = origin?.chain && oneHop ? assetIndexByName(origin.chain)?.assets.get(origin.baseDenom) : undefined;
  return {
    chain: chain.id,
    ref: key,
    symbol: resolved.symbol,
    name: home?.name ?? resolved.symbol,
    decimals: resolved.decimals,
    priceId: home?.coingeckoId ?? null,
  };
}

function fromRegistry(chainId: AssetInfo['chain'], denom: string, asset: Asset): AssetInfo {
  return { chain: chainId, ref: denom, symbol: asset.symbol, name: asset.name, decimals: displayDecimals(asset), priceId: asset.coingeckoId ?? null };
}
