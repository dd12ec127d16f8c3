import { useEffect, useRef, useState } from 'react';
import { cx } from '../lib/cx';
import { CheckIcon, CopyIcon } from './icons';

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * Copies a value to the clipboard and says so (visibly and to screen readers). When the clipboard refuses, the
 * button says "Copy failed": callers show the full value next to it so it can be selected by hand.
 */
export function CopyButton({ value, label, className }: { value: string; label: string; className?: string }) {
  const [state, setState] = useState<CopyState>('idle');
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  async function copy() {
    window.clearTimeout(timer.current);
    try {
      if (!navigator.clipboard) throw new Error('clipboard unavailable');
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      setState('failed');
    }
    timer.current = window.setTimeout(() => setState('idle'), 2000);
  }

  return (
    <>
      <button
        type="button"
        className={cx('btn btn--ghost btn--sm copy-btn', `copy-btn--${state}`, className)}
        aria-label={label}
        onClick={() => void copy()}
      >
        {state === 'copied' ? <CheckIcon /> : <CopyIcon />}
        <span className="btn__label">{state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'Copy'}</span>
      </button>
      <span className="sr-only" aria-live="polite">
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Could not copy' : ''}
      </span>
    </>
  );
}
