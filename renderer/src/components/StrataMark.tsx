import { cx } from '../lib/cx';

/** The Strata mark: three stacked layers. Decorative; the word "Strata" sits next to it. */
export function StrataMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={cx('mark', className)} aria-hidden="true" focusable="false">
      <path className="mark__layer mark__layer--3" d="M4 21.5 16 27.5 28 21.5 28 24.5 16 30.5 4 24.5Z" />
      <path className="mark__layer mark__layer--2" d="M4 14.5 16 20.5 28 14.5 28 17.5 16 23.5 4 17.5Z" />
      <path className="mark__layer mark__layer--1" d="M16 2.5 28 8.5 16 14.5 4 8.5Z" />
    </svg>
  );
}
