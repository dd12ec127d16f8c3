import { cx } from '../lib/cx';

/** A small indeterminate spinner; decorative, so pair it with text saying what is happening. */
export function Spinner({ className }: { className?: string }) {
  return <span className={cx('spinner', className)} aria-hidden="true" />;
}
