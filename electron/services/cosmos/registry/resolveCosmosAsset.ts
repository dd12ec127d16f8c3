import type { ChainInfo } from '../../../../shared/domain/chain';
import type { IbcOrigin } from '../ibc/ibcOrigin';
import { assetIndexByName, assetIndexFor, denomKey, displayDecimals } from './assetIndex';

/** What a wallet shows for a denom. */
export interface CosmosAssetInfo {
  denom: string;
  symbol: string;
  /** exponent of the display unit; 0 when unknown (amounts then read in base units) */
  decimals: number;
  /** for IBC denoms whose trace is known */
  origin?: IbcOrigin;
}

/**
 * Symbol and decimals of a denom on a chain: the chain's registry asset list; else the chain's native asset (chains
 * outside the registry); else, for an IBC denom with a known origin, the origin chain's listing of the base denom;
 * else the denom itself with 0 decimals. Registry data only, no network.
 */
export function resolveCosmosAsset(
  chain: Pick<ChainInfo, 'id' | 'nativeAsset'>,
  denom: string,
  origin?: IbcOrigin | null,
): CosmosAssetInfo {
  const key = denomKey(denom);
  const withOrigin = origin ? { origin: { chain: origin.chain, baseDenom: origin.baseDenom, path: origin.path } } : {};
  const asset = assetIndexFor(chain)?.assets.get(key);
  if (asset !== undefined) return { denom: key, symbol: asset.symbol, decimals: displayDecimals(asset), ...withOrigin };
  if (key === chain.nativeAsset.denom) {
    return { denom: key, symbol: chain.nativeAsset.symbol, decimals: chain.nativeAsset.decimals, ...withOrigin };
  }
  if (origin) {
    const home = origin.chain === null ? undefined : assetIndexByName(origin.chain)?.assets.get(origin.baseDenom);
    if (home !== undefined) return { denom: key, symbol: home.symbol, decimals: displayDecimals(home), ...withOrigin };
    return { denom: key, symbol: origin.baseDenom, decimals: 0, ...withOrigin };
  }
  return { denom: key, symbol: key, decimals: 0 };
}
