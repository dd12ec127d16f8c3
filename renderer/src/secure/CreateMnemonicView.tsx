import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button } from '../components/Button';
import { FormMessage } from '../components/FormMessage';
import { TextField } from '../components/TextField';
import { errorCode, errorText } from '../ipc/errorText';
import { callSecure } from './secureClient';
import { DoneView } from './DoneView';
import { WordGrid } from './WordGrid';
import { WriteDownWarning } from './WriteDownWarning';

type Phase = 'show' | 'confirm' | 'done';

const MISMATCH = 'Those words do not match your recovery phrase. Check your written copy and try again.';

/** main names the wrong positions ("Word #3 does not match"); that is safe and more useful than a generic text. */
function mismatchText(error: unknown): string {
  const message = error instanceof Error ? error.message.trim() : '';
  return message ? `${message.replace(/\.$/, '')}. Check your written copy and try again.` : MISMATCH;
}

/** New wallet: show the words, then ask for a few of them back to prove they were written down. */
export function CreateMnemonicView({
  words,
  confirmPositions,
  onClose,
  onSessionEnded,
}: {
  words: readonly string[];
  confirmPositions: readonly number[];
  onClose(): void;
  /** the session was cancelled (too many wrong attempts) or expired: nothing more can happen here */
  onSessionEnded(message: string): void;
}) {
  const [phase, setPhase] = useState<Phase>('show');
  const [answers, setAnswers] = useState<Record<number, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstInputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (phase === 'confirm') firstInputRef.current?.focus();
    else if (phase === 'show') headingRef.current?.focus();
  }, [phase]);

  async function confirm(event: FormEvent) {
    event.preventDefault();
    const missing = confirmPositions.filter((p) => !(answers[p] ?? '').trim());
    if (missing.length > 0) {
      setError(`Enter word #${missing.join(', #')}.`);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const payload = Object.fromEntries(confirmPositions.map((p) => [String(p), (answers[p] ?? '').trim().toLowerCase()]));
      const { ready } = await callSecure('secure.confirmWords', { answers: payload });
      if (ready) {
        setAnswers({});
        setPhase('done');
      } else {
        setError(MISMATCH);
      }
    } catch (e) {
      const code = errorCode(e);
      if (code === 'CONFIRMATION_MISMATCH') setError(mismatchText(e));
      else if (code === 'SESSION_NOT_READY' || code === 'SESSION_NOT_FOUND') {
        onSessionEnded('Too many attempts, or the session timed out. For your safety this recovery phrase was discarded.');
      } else setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  if (phase === 'done') {
    return (
      <DoneView
        title="Recovery phrase confirmed"
        text="Return to the Strata window to finish creating your wallet."
        onClose={onClose}
      />
    );
  }

  if (phase === 'show') {
    return (
      <div className="secure__content">
        <p className="eyebrow">Step 1 of 2 · Your recovery phrase</p>
        <h1 ref={headingRef} tabIndex={-1} className="secure__title">
          Write down your recovery phrase
        </h1>
        <WriteDownWarning />
        <WordGrid words={words} />
        <div className="actions">
          <Button variant="primary" size="lg" onClick={() => setPhase('confirm')}>
            I have written them down
          </Button>
        </div>
      </div>
    );
  }

  return (
    <form className="secure__content" onSubmit={confirm} noValidate>
      <p className="eyebrow">Step 2 of 2 · Confirm</p>
      <h1 className="secure__title">Confirm your recovery phrase</h1>
      <p className="secure__lead">Type these words from your written copy to show it is complete and in order.</p>
      <div className="confirm-grid">
        {confirmPositions.map((position, index) => (
          <TextField
            key={position}
            ref={index === 0 ? firstInputRef : undefined}
            label={`Word #${position}`}
            value={answers[position] ?? ''}
            onChange={(e) => {
              setAnswers((prev) => ({ ...prev, [position]: e.target.value }));
              setError(null);
            }}
            autoComplete="off"
            autoCapitalize="off"
            autoCorrect="off"
            spellCheck={false}
            maxLength={16}
            mono
          />
        ))}
      </div>
      <FormMessage error={error} />
      <div className="actions actions--split">
        <Button variant="ghost" onClick={() => setPhase('show')} disabled={busy}>
          Show the words again
        </Button>
        <Button type="submit" variant="primary" size="lg" busy={busy} busyText="Checking…">
          Confirm
        </Button>
      </div>
    </form>
  );
}
