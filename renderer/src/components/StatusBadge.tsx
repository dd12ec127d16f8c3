import type { ActivityStatus } from '../../../shared/domain/transfer';
import { CheckIcon, CrossIcon, ClockIcon } from './icons';
import { Spinner } from './Spinner';

const LABELS: Record<ActivityStatus, string> = { pending: 'Pending', confirmed: 'Confirmed', failed: 'Failed', dropped: 'Dropped' };
const TITLES: Record<ActivityStatus, string> = {
  pending: 'Sent to the network, waiting to be included in a block',
  confirmed: 'Included in a block',
  failed: 'Included in a block, but the transaction failed: only the fee was spent',
  dropped: 'The network forgot this transaction; nothing was sent',
};

/** Pending (with a spinner) / Confirmed / Failed / Dropped. */
export function StatusBadge({ status }: { status: ActivityStatus }) {
  return (
    <span className={`status status--${status}`} title={TITLES[status]} data-status={status}>
      {status === 'pending' ? <Spinner /> : status === 'confirmed' ? <CheckIcon /> : status === 'dropped' ? <ClockIcon /> : <CrossIcon />}
      <span>{LABELS[status]}</span>
    </span>
  );
}
