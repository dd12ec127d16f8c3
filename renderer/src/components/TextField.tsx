import { useId, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';
import { cx } from '../lib/cx';

export interface TextFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  hint?: ReactNode;
  /** shown under the field and announced; marks the input invalid */
  error?: string | null;
  /** extra content right of the label (e.g. a strength label) */
  aside?: ReactNode;
  mono?: boolean;
  ref?: Ref<HTMLInputElement>;
}

/** A labelled input with optional hint and error, wired with aria-describedby / aria-invalid. */
export function TextField({ label, hint, error, aside, mono, className, id, ref, ...input }: TextFieldProps) {
  const autoId = useId();
  const inputId = id ?? `${autoId}-input`;
  const hintId = `${autoId}-hint`;
  const errorId = `${autoId}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={cx('field', className)}>
      <div className="field__top">
        <label className="field__label" htmlFor={inputId}>
          {label}
        </label>
        {aside}
      </div>
      <input
        ref={ref}
        id={inputId}
        className={cx('input', mono && 'input--mono')}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...input}
      />
      {hint ? (
        <div id={hintId} className="field__hint">
          {hint}
        </div>
      ) : null}
      {error ? (
        <div id={errorId} className="field__error">
          {error}
        </div>
      ) : null}
    </div>
  );
}
