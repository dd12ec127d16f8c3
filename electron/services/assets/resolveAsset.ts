import type { AssetInfo } from '../../../shared/domain/asset';
import type { ChainInfo } from '../../../shared/domain/chain';
import { StrataError } from '../../../shared/errors';
import { canonicalRef, listAssets, type ListAssetsOptions } from './listAssets';

/**
 * Finds a tracked asset of a chain (listAssets, with the same options) by what a user or a caller names it:
 * `native`; a contract address in any case; a denom (IBC hashes in any case; the native denom, `uatom`, is the
 * native asset); else a symbol, case-insensitively. A symbol several assets share (Osmosis lists six USDCs) is
 * refused rather than guessed: name it by its denom or address.
 * @throws StrataError UNKNOWN_ASSET when nothing, or more than one asset, matches
 */
export function resolveAsset(chain: ChainInfo, refOrSymbol: string, options: ListAssetsOptions = {}): AssetInfo {
  const text = refOrSymbol.trim();
  // Long enough for a whole `ibc/` + 64-hex denom (68 characters), cut visibly beyond.
  const shown = text.length > 100 ? `${text.slice(0, 100)}…` : text;
  const assets = listAssets(chain, options);
  if (text.length > 0 && text.length <= 160) {
    const ref = text.toLowerCase() === 'native' || (chain.family === 'cosmos' && text === chain.nativeAsset.denom) ? 'native' : canonicalRef(chain, text);
    const byRef = assets.find((asset) => asset.ref === ref);
    if (byRef) return byRef;
    const upper = text.toUpperCase();
    const bySymbol = assets.filter((asset) => asset.symbol.toUpperCase() === upper);
    if (bySymbol.length === 1 && bySymbol[0]) return bySymbol[0];
    if (bySymbol.length > 1) {
      const refs = bySymbol.slice(0, 4).map((asset) => asset.ref).join(', ');
      throw new StrataError('UNKNOWN_ASSET', `Several assets on ${chain.name} are called ${shown}: name one by its denom or address (${refs}${bySymbol.length > 4 ? ', …' : ''})`);
    }
  }
  throw new StrataError('UNKNOWN_ASSET', `Unknown asset "${shown}" on ${chain.name}`);
}
