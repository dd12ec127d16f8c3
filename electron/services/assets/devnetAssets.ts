import type { AssetInfo } from '../../../shared/domain/asset';
import type { ChainInfo } from '../../../shared/domain/chain';
import { toChecksumAddress } from '../../../shared/addresses/evmAddress';
import { DEVNET_CHAIN_SPECS } from '../devnet/devnetSpec';

/**
 * The devnet's tokens, keyed like `Devnet.contracts` (deploy/steps/usdc.ts and weth.ts). Each maps to the asset it
 * imitates, so the devnet portfolio is priced like mainnet: USDC as `usd-coin`, WETH as `weth`.
 */
export const DEVNET_TOKENS = [
  { key: 'usdc', symbol: 'USDC', name: 'USD Coin (devnet)', decimals: 6, priceId: 'usd-coin' },
  { key: 'weth', symbol: 'WETH', name: 'Wrapped Ether', decimals: 18, priceId: 'weth' },
] as const;

/**
 * Where the devnet deploys them on both chains: CREATE2 through the devnet's factory, so the address depends only on
 * the salt and the compiled bytecode (no metadata hash). test/assets/devnetAssets.test.ts recomputes them from the
 * compiled contracts; a change to contracts/ that moves them fails there. A running devnet's own `contracts`
 * (ChainDirectory.devnetContracts()) can be passed to override them.
 */
export const DEVNET_TOKEN_ADDRESSES: Readonly<Record<(typeof DEVNET_TOKENS)[number]['key'], string>> = {
  usdc: '0x5632C04D71dE31E42B72A94cAabb45DE643617AF',
  weth: '0x970c131e0F07aE3b3242fA335A469911a6b00646',
};

/** Whether the chain is one of the two local devnet chains. */
export function isDevnetChain(chain: Pick<ChainInfo, 'id'>): boolean {
  return DEVNET_CHAIN_SPECS.some((spec) => spec.id === chain.id);
}

/**
 * The devnet tokens on a devnet chain (none elsewhere), at `contracts.<key>` when given, else at their fixed
 * addresses. A malformed address in `contracts` is skipped rather than listed.
 */
export function devnetTokenAssets(chain: Pick<ChainInfo, 'id'>, contracts: Readonly<Record<string, string>> = {}): AssetInfo[] {
  if (!isDevnetChain(chain)) return [];
  const assets: AssetInfo[] = [];
  for (const token of DEVNET_TOKENS) {
    const address = Object.hasOwn(contracts, token.key) ? contracts[token.key] : DEVNET_TOKEN_ADDRESSES[token.key];
    if (address === undefined || !/^0x[0-9a-fA-F]{40}$/.test(address)) continue;
    assets.push({ chain: chain.id, ref: toChecksumAddress(address), symbol: token.symbol, name: token.name, decimals: token.decimals, priceId: token.priceId });
  }
  return assets;
}
