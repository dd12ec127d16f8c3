import { AssetInfo } from '../../../shared/domain/asset';
import type { ChainInfo } from '../../../shared/domain/chain';
import { toChecksumAddress } from '../../../shared/addresses/evmAddress';
import { StrataError } from '../../../shared/errors';
import { denomKey } from '../cosmos/registry/assetIndex';
import { cosmosRegistryAssets } from './cosmosAssets';
import { devnetTokenAssets } from './devnetAssets';
import { nativeAssetOf } from './nativeAsset';
import { tokenListAssets } from './tokenListAssets';

export interface ListAssetsOptions {
  /**
   * More assets (custom tokens, contracts a devnet step deployed, the OFT token). Those of other chains are ignored,
   * so one list can serve every chain; one with the same ref as a catalogue asset replaces it (the caller knows
   * better, e.g. after a redeployment), the others are appended.
   */
  extraAssets?: readonly AssetInfo[];
  /** A running devnet's `contracts` (`usdc`, `weth`, ...), to find the devnet tokens; default DEVNET_TOKEN_ADDRESSES. */
  devnetContracts?: Readonly<Record<string, string>>;
}

/**
 * The assets Strata tracks on a chain, native first:
 * - EVM: the native coin, then USDC, USDT, DAI, WETH, WBTC, LINK, UNI where the Uniswap default token list has them;
 * - devnet chains: ETH, then the devnet's USDC and WETH, priced as the assets they imitate;
 * - Cosmos: the native coin, then every bank asset of the chain's chain-registry asset list;
 * then `options.extraAssets` of this chain. Refs are canonical: EIP-55 addresses, IBC hashes in upper case.
 * @throws StrataError INVALID_INPUT for a malformed extra asset
 */
export function listAssets(chain: ChainInfo, options: ListAssetsOptions = {}): AssetInfo[] {
  const assets = [
    nativeAssetOf(chain),
    ...tokenListAssets(chain),
    ...devnetTokenAssets(chain, options.devnetContracts),
    ...cosmosRegistryAssets(chain),
  ];
  for (const extra of options.extraAssets ?? []) {
    if (extra.chain !== chain.id) continue;
    const asset = canonicalExtra(chain, extra);
    const at = assets.findIndex((a) => a.ref === asset.ref);
    if (at >= 0) assets[at] = asset;
    else assets.push(asset);
  }
  return assets;
}

/** Canonical ref for comparisons: `native`, an EIP-55 address, or a denom with its IBC hash upper-cased. */
export function canonicalRef(chain: Pick<ChainInfo, 'family'>, ref: string): string | undefined {
  if (ref === 'native') return ref;
  if (chain.family === 'evm') return /^0x[0-9a-fA-F]{40}$/.test(ref) ? toChecksumAddress(ref) : undefined;
  return denomKey(ref);
}

function canonicalExtra(chain: ChainInfo, extra: AssetInfo): AssetInfo {
  const parsed = AssetInfo.safeParse(extra);
  const ref = parsed.success ? canonicalRef(chain, parsed.data.ref) : undefined;
  if (!parsed.success || ref === undefined) {
    throw new StrataError('INVALID_INPUT', `Invalid extra asset for ${chain.name}: expected native, an address or a denom`);
  }
  return { ...parsed.data, ref };
}
