import { parseEvmAddress } from '../../../shared/addresses/evmAddress';
import type { AssetInfo } from '../../../shared/domain/asset';
import { StrataError } from '../../../shared/errors';

/** How the EVM code sees an asset: the chain's coin, or an ERC-20 contract (EIP-55). */
export type EvmAsset = { kind: 'native' } | { kind: 'erc20'; address: string };

/**
 * Reads an asset's `ref` on an EVM chain: `native`, or the ERC-20 contract's address (EIP-55 checked like any address).
 * With `chainId`, the asset must belong to that chain.
 * @throws UNKNOWN_ASSET
 */
export function parseEvmAsset(asset: Pick<AssetInfo, 'ref' | 'chain' | 'symbol'>, chainId?: string): EvmAsset {
  if (chainId !== undefined && asset.chain !== chainId) {
    throw new StrataError('UNKNOWN_ASSET', `${asset.symbol.slice(0, 16)} is not an asset of ${chainId}`);
  }
  if (asset.ref === 'native') return { kind: 'native' };
  try {
    return { kind: 'erc20', address: parseEvmAddress(asset.ref) };
  } catch {
    throw new StrataError('UNKNOWN_ASSET', `${asset.symbol.slice(0, 16)}: "${asset.ref.slice(0, 64)}" is not an ERC-20 contract address`);
  }
}
