import { z } from 'zod';
import { CaipChainId } from './chain';

/**
 * An asset on one chain. `ref` is how the chain names it: `native` for the chain's coin, an EIP-55 contract address
 * for an ERC-20, a denom (`uatom`, `ibc/27394F…`, `factory/…`) for a Cosmos bank asset.
 */
export const AssetRef = z.string().min(1).max(160);

export const AssetInfo = z.strictObject({
  chain: CaipChainId,
  ref: AssetRef,
  symbol: z.string(),
  name: z.string(),
  decimals: z.number().int().min(0).max(36),
  /** CoinGecko id of the asset this is (or imitates, on the devnet); null when it has no price source */
  priceId: z.string().nullable(),
});
export type AssetInfo = z.infer<typeof AssetInfo>;

/** Integer base units as a decimal string (bigint does not cross IPC). */
export const BaseUnits = z.string().regex(/^(0|[1-9][0-9]{0,77})$/, 'integer base units');
