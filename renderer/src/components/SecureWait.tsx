import { useEffect, useRef, type ReactNode } from 'react';
import { Button } from './Button';
import { WindowIcon } from './icons';
import { Spinner } from './Spinner';

export interface SecureWaitProps {
  /** what the secure window is doing, e.g. "shows your new recovery phrase" */
  explanation: ReactNode;
  /** set once the secure window is done and the app finishes the job (e.g. "Creating your wallet…") */
  finishingText?: string | null;
  onCancel(): void;
  cancelling?: boolean;
  cancelLabel?: string;
  headingLevel?: 'h1' | 'h2';
}

/**
 * "Continue in the secure window": shown while a secure session is open. The secret never passes through this
 * window, so all it can do is wait for `secure.changed` and offer to cancel.
 */
export function SecureWait({
  explanation,
  finishingText,
  onCancel,
  cancelling = false,
  cancelLabel = 'Cancel',
  headingLevel = 'h1',
}: SecureWaitProps) {
  const Heading = headingLevel;
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <div className="secure-wait">
      <div className="secure-wait__art">
        <WindowIcon />
      </div>
      <Heading ref={headingRef} tabIndex={-1} className="secure-wait__title">
        Continue in the secure window
      </Heading>
      <p className="secure-wait__text">{explanation}</p>
      <p className="secure-wait__note">
        The secure window is separate from this one: your recovery phrase and keys never pass through here.
      </p>
      <div className="secure-wait__status" role="status" aria-live="polite">
        <Spinner />
        <span>{finishingText ?? 'Waiting for the secure window…'}</span>
      </div>
      <Button variant="ghost" onClick={onCancel} busy={cancelling} disabled={Boolean(finishingText)}>
        {cancelLabel}
      </Button>
    </div>
  );
}
