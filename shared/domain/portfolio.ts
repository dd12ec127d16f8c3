import { z } from 'zod';
import { AssetInfo, BaseUnits } from './asset';
import { CaipChainId } from './chain';

/** A USD value as a decimal string with up to 2 decimals for display-grade sums, or null when no price is known. */
export const UsdValue = z.string().regex(/^-?[0-9]+(\.[0-9]+)?$/).nullable();

export const Holding = z.strictObject({
  accountId: z.string(),
  address: z.string(),
  asset: AssetInfo,
  amount: BaseUnits,
  /** USD price of one whole unit, decimal string */
  usdPrice: UsdValue,
  usdValue: UsdValue,
  /** the price is the last known one, not fresh (offline or the price API failed) */
  priceStale: z.boolean(),
});
export type Holding = z.infer<typeof Holding>;

export const ChainRefreshError = z.strictObject({ chain: CaipChainId, code: z.string(), message: z.string() });
export type ChainRefreshError = z.infer<typeof ChainRefreshError>;

export const PortfolioGroup = z.strictObject({
  key: z.string(),
  label: z.string(),
  usdValue: UsdValue,
  /** share of the total, 0..1; null when the total is unknown */
  share: z.number().nullable(),
});
export type PortfolioGroup = z.infer<typeof PortfolioGroup>;

export const Portfolio = z.strictObject({
  /** ms since epoch of the last completed refresh; null before the first */
  updatedAt: z.number().int().nullable(),
  currency: z.literal('USD'),
  totalUsd: UsdValue,
  holdings: z.array(Holding),
  byChain: z.array(PortfolioGroup),
  /** the same asset on several chains grouped (by price id, else by symbol) */
  byAsset: z.array(PortfolioGroup),
  pricesStale: z.boolean(),
  /** when the oldest price in use was fetched (ms since epoch); null when no price is in use */
  pricesAt: z.number().int().nullable(),
  errors: z.array(ChainRefreshError),
});
export type Portfolio = z.infer<typeof Portfolio>;

export const RefreshProgress = z.strictObject({ done: z.number().int(), total: z.number().int(), chain: CaipChainId.nullable() });
export type RefreshProgress = z.infer<typeof RefreshProgress>;
