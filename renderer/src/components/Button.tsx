import type { ButtonHTMLAttributes, ReactNode, Ref } from 'react';
import { cx } from '../lib/cx';
import { Spinner } from './Spinner';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: 'sm' | 'md' | 'lg';
  /** shows a spinner, disables the button and replaces its text with busyText (if given) */
  busy?: boolean;
  busyText?: string;
  icon?: ReactNode;
  ref?: Ref<HTMLButtonElement>;
}

/** The one button of the app: always a real <button>, type="button" unless told otherwise. */
export function Button({
  variant = 'secondary',
  size = 'md',
  busy = false,
  busyText,
  icon,
  className,
  children,
  disabled,
  type = 'button',
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type}
      className={cx('btn', `btn--${variant}`, `btn--${size}`, className)}
      disabled={disabled === true || busy}
      aria-busy={busy || undefined}
      {...rest}
    >
      {busy ? <Spinner /> : icon}
      <span className="btn__label">{busy && busyText ? busyText : children}</span>
    </button>
  );
}
