import { useId, useLayoutEffect, useRef, type ReactNode } from 'react';
import { cx } from '../lib/cx';

export interface DialogProps {
  title: string;
  description?: ReactNode;
  /** Escape, the close button and backdrop-less cancel all call this; the parent decides (e.g. not while busy). */
  onClose(): void;
  children: ReactNode;
  className?: string;
}

/**
 * A modal dialog on the native <dialog> element: the browser makes the page behind inert, moves focus to the
 * dialog's first focusable element and gives it back to the opener on close. Escape calls onClose.
 * Render it only while it is open.
 */
export function Dialog({ title, description, onClose, children, className }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    return () => {
      // A layout-effect cleanup runs before React detaches the element: close it while it is still in the page,
      // then hand focus back to whatever opened it (if that still exists).
      if (dialog.open) dialog.close();
      if (opener?.isConnected && !dialog.contains(opener)) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={cx('dialog', className)}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId} className="dialog__title">
        {title}
      </h2>
      {description ? (
        <p id={descriptionId} className="dialog__description">
          {description}
        </p>
      ) : null}
      {children}
      {/* Last in the DOM so that showModal() focuses the dialog's first field, not this button; CSS puts it top-right. */}
      <button type="button" className="icon-btn dialog__close" aria-label="Close" onClick={onClose}>
        <svg viewBox="0 0 16 16" aria-hidden="true" className="icon">
          <path d="M4 4l8 8M12 4l-8 8" />
        </svg>
      </button>
    </dialog>
  );
}
