import { cx } from '../lib/cx';

/**
 * A progress bar on the native <progress> element (its value is an attribute, so no inline style is needed under
 * the CSP); `value: null` makes it indeterminate. The label names it for screen readers.
 */
export function ProgressBar({ value, max, label, className }: { value: number | null; max: number; label: string; className?: string }) {
  return value === null ? (
    <progress className={cx('progress', className)} aria-label={label} />
  ) : (
    <progress className={cx('progress', className)} value={Math.min(value, max)} max={Math.max(max, 1)} aria-label={label} />
  );
}
