import { failedWithFeeCharged } from '../../../shared/domain/activityStatusLabel';
import type { ActivityEntry, ActivityStatus } from '../../../shared/domain/send';

export interface ActivityStatusText {
  /** short, on the badge */
  label: string;
  /** the longer explanation (tooltip) */
  title: string;
}

const TEXT: Record<ActivityStatus, ActivityStatusText> = {
  pending: { label: 'Pending', title: 'Sent to the network, waiting to be included in a block' },
  confirmed: { label: 'Confirmed', title: 'Included in a block' },
  failed: { label: 'Failed', title: 'The network refused the transaction: nothing was sent and no fee was charged' },
  dropped: { label: 'Dropped', title: 'The network forgot this transaction; nothing was sent' },
};

/**
 * What a transaction's status says to a person. A failed transaction the chain included in a block (out of gas, a
 * revert) cost its fee though nothing was sent: "Failed, fee charged"; one refused before any block cost nothing.
 */
export function activityStatusText(entry: Pick<ActivityEntry, 'status' | 'fee' | 'blockNumber'>): ActivityStatusText {
  if (failedWithFeeCharged(entry)) {
    return { label: 'Failed, fee charged', title: `Included in block ${entry.blockNumber} but failed: nothing was sent, and the network kept the fee` };
  }
  return TEXT[entry.status];
}
