/**
 * Sends: one asset from one account to one address on one chain, their fee tiers, the review shown before signing and
 * the activity entry a send leaves (its persisted `kind` stays 'transfer'). Multi-step cross-chain transfers are
 * shared/domain/transferRecord.ts.
 */
import { z } from 'zod';
import { AssetInfo, BaseUnits } from './asset';
import { CaipChainId } from './chain';

export const FeeTier = z.enum(['slow', 'normal', 'fast']);
export type FeeTier = z.infer<typeof FeeTier>;

export const FeeQuote = z.strictObject({
  tier: FeeTier,
  /** the most this tier can cost, in the fee asset's base units (EVM: gas limit x max fee per gas) */
  amount: BaseUnits,
  feeAsset: AssetInfo,
});
export type FeeQuote = z.infer<typeof FeeQuote>;

/** What the review screen shows before main signs. Main keeps the exact transaction under `reviewId`. */
export const SendReview = z.strictObject({
  reviewId: z.string(),
  chain: CaipChainId,
  accountId: z.string(),
  from: z.string(),
  to: z.string(),
  asset: AssetInfo,
  amount: BaseUnits,
  fee: FeeQuote,
  fees: z.strictObject({ slow: FeeQuote, normal: FeeQuote, fast: FeeQuote }),
  /** amount + fee when both are in the same asset, else null (then the fee is paid in the native asset) */
  total: BaseUnits.nullable(),
  /** ms since epoch after which the review must be prepared again */
  expiresAt: z.number().int(),
});
export type SendReview = z.infer<typeof SendReview>;

export const ActivityStatus = z.enum(['pending', 'confirmed', 'failed', 'dropped']);
export type ActivityStatus = z.infer<typeof ActivityStatus>;

/** One of the wallet's own transactions, as the persisted activity journal keeps it. */
export const ActivityEntry = z.strictObject({
  id: z.string(),
  kind: z.literal('transfer'),
  chain: CaipChainId,
  accountId: z.string(),
  from: z.string(),
  to: z.string(),
  asset: AssetInfo,
  amount: BaseUnits,
  /** fee actually paid once known, else the quoted maximum */
  fee: BaseUnits,
  hash: z.string(),
  /** EVM nonce or Cosmos sequence used */
  nonce: z.string(),
  status: ActivityStatus,
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  blockNumber: z.string().nullable(),
  error: z.string().nullable(),
});
export type ActivityEntry = z.infer<typeof ActivityEntry>;
