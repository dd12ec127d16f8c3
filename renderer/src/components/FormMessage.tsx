import { cx } from '../lib/cx';

/**
 * A form's error and status, in live regions that stay mounted so screen readers announce every change: errors use
 * role="alert" (assertive), status text is polite. When both are empty the block takes no room.
 */
export function FormMessage({
  error,
  status,
  statusTone = 'success',
  className,
}: {
  error?: string | null;
  status?: string | null;
  /** 'success' for a finished action ("Password changed."), 'progress' for a slow one underway */
  statusTone?: 'success' | 'progress';
  className?: string;
}) {
  return (
    <div className={cx('form-messages', !error && !status && 'is-empty', className)}>
      <div className="form-message form-message--error" role="alert">
        {error ?? ''}
      </div>
      <div className={`form-message form-message--status form-message--${statusTone}`} aria-live="polite">
        {status ?? ''}
      </div>
    </div>
  );
}
