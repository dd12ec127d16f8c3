import type { ActivityEntry } from '../../../shared/domain/send';
import { activityStatusText } from '../lib/activityStatus';
import { CheckIcon, CrossIcon, ClockIcon } from './icons';
import { Spinner } from './Spinner';

/** Pending (with a spinner) / Confirmed / Failed / Failed, fee charged / Dropped. */
export function StatusBadge({ entry }: { entry: Pick<ActivityEntry, 'status' | 'fee' | 'blockNumber'> }) {
  const { status } = entry;
  const text = activityStatusText(entry);
  return (
    <span className={`status status--${status}`} title={text.title} data-status={status}>
      {status === 'pending' ? <Spinner /> : status === 'confirmed' ? <CheckIcon /> : status === 'dropped' ? <ClockIcon /> : <CrossIcon />}
      <span>{text.label}</span>
    </span>
  );
}
