import type { FeeTier } from '../../../../shared/domain/send';
import type { MethodInput } from '../../../../shared/ipc/contract';

/** What the send form holds while it is being filled (and kept when going back from the review). */
export interface SendDraft {
  accountId: string;
  chain: string;
  asset: string;
  to: string;
  amount: string;
  tier: FeeTier;
}

export type PrepareInput = MethodInput<'send.prepare'>;

export const TIER_LABELS: Record<FeeTier, string> = { slow: 'Slow', normal: 'Normal', fast: 'Fast' };
export const TIER_HINTS: Record<FeeTier, string> = {
  slow: 'Cheaper, slower',
  normal: 'The usual choice',
  fast: 'Ahead of the queue',
};
export const TIERS: readonly FeeTier[] = ['slow', 'normal', 'fast'];
