import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Button } from '../components/Button';
import { FormMessage } from '../components/FormMessage';
import { TextField } from '../components/TextField';
import { errorText } from '../ipc/errorText';
import { DoneView } from './DoneView';
import { callSecure } from './secureClient';

const VALID_COUNTS = [12, 15, 18, 21, 24];

/** Whitespace and case do not matter in a BIP-39 phrase; normalise before sending it to main. */
function normalisePhrase(text: string): string {
  return text.trim().toLowerCase().split(/\s+/).filter(Boolean).join(' ');
}

/** Import: the phrase (and an optional BIP-39 passphrase) are typed here and sent only to main. */
export function ImportMnemonicView({ onClose }: { onClose(): void }) {
  const [phrase, setPhrase] = useState('');
  const [usePassphrase, setUsePassphrase] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const textareaId = useId();
  const hintId = useId();
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => textareaRef.current?.focus(), []);

  const count = normalisePhrase(phrase).split(' ').filter(Boolean).length;
  const countOk = VALID_COUNTS.includes(count);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!countOk) {
      setError(`A recovery phrase has 12, 15, 18, 21 or 24 words; this one has ${count}.`);
      textareaRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { ready } = await callSecure('secure.submitMnemonic', {
        mnemonic: normalisePhrase(phrase),
        passphrase: usePassphrase ? passphrase : '',
      });
      if (!ready) throw new Error('not ready');
      setPhrase('');
      setPassphrase('');
      setDone(true);
    } catch (e) {
      setError(
        errorText(e, { INVALID_MNEMONIC: 'That recovery phrase is not valid. Check each word and their order.' }),
      );
    } finally {
      setBusy(false);
    }
  }

  if (done) {
    return <DoneView title="Recovery phrase accepted" text="Return to the Strata window to finish." onClose={onClose} />;
  }

  return (
    <form className="secure__content" onSubmit={submit} noValidate>
      <h1 className="secure__title">Enter your recovery phrase</h1>
      <p className="secure__lead">Type the words in order, separated by spaces. Nothing you type here reaches the app window.</p>
      <div className="field">
        <div className="field__top">
          <label className="field__label" htmlFor={textareaId}>
            Recovery phrase
          </label>
          <span className={countOk ? 'word-count word-count--ok' : 'word-count'} aria-live="polite">
            {count === 1 ? '1 word' : `${count} words`}
          </span>
        </div>
        <textarea
          ref={textareaRef}
          id={textareaId}
          className="input textarea input--mono"
          rows={4}
          value={phrase}
          onChange={(e) => {
            setPhrase(e.target.value);
            setError(null);
          }}
          onKeyDown={(e) => {
            // Ctrl/Cmd+Enter submits from the textarea, where plain Enter is a line break.
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) e.currentTarget.form?.requestSubmit();
          }}
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          maxLength={512}
          aria-describedby={hintId}
          aria-invalid={error ? true : undefined}
        />
        <div id={hintId} className="field__hint">
          12, 15, 18, 21 or 24 words.
        </div>
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={usePassphrase} onChange={(e) => setUsePassphrase(e.target.checked)} />
        <span>This wallet uses a BIP-39 passphrase (sometimes called the 25th word)</span>
      </label>
      {usePassphrase ? (
        <TextField
          label="Passphrase"
          type="password"
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
          autoComplete="off"
          maxLength={256}
          hint="Exactly as set up, including case and spaces. A different passphrase opens a different wallet."
        />
      ) : null}
      <FormMessage error={error} />
      <div className="actions">
        <Button type="submit" variant="primary" size="lg" busy={busy} busyText="Checking…">
          Import
        </Button>
      </div>
    </form>
  );
}
