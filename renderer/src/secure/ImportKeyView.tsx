import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button } from '../components/Button';
import { FormMessage } from '../components/FormMessage';
import { TextField } from '../components/TextField';
import { errorText } from '../ipc/errorText';
import { DoneView } from './DoneView';
import { callSecure } from './secureClient';

/** Import: a raw secp256k1 private key, typed or pasted here and sent only to main. */
export function ImportKeyView({ onClose }: { onClose(): void }) {
  const [key, setKey] = useState('');
  const [show, setShow] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => inputRef.current?.focus(), []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = key.trim();
    if (!trimmed) return setError('Paste the private key.');
    setBusy(true);
    setError(null);
    try {
      const { ready } = await callSecure('secure.submitPrivateKey', { privateKey: trimmed });
      if (!ready) throw new Error('not ready');
      setKey('');
      setDone(true);
    } catch (e) {
      setError(errorText(e, { INVALID_PRIVATE_KEY: 'That is not a valid private key: expected 64 hexadecimal characters.' }));
    } finally {
      setBusy(false);
    }
  }

  if (done) {
    return <DoneView title="Private key accepted" text="Return to the Strata window to finish." onClose={onClose} />;
  }

  return (
    <form className="secure__content" onSubmit={submit} noValidate>
      <h1 className="secure__title">Enter a private key</h1>
      <p className="secure__lead">Nothing you type here reaches the app window.</p>
      <TextField
        ref={inputRef}
        label="Private key"
        type={show ? 'text' : 'password'}
        value={key}
        onChange={(e) => {
          setKey(e.target.value);
          setError(null);
        }}
        autoComplete="off"
        autoCapitalize="off"
        autoCorrect="off"
        spellCheck={false}
        maxLength={130}
        mono
        hint="64 hexadecimal characters, with or without 0x."
      />
      <label className="checkbox">
        <input type="checkbox" checked={show} onChange={(e) => setShow(e.target.checked)} />
        <span>Show key</span>
      </label>
      <FormMessage error={error} />
      <div className="actions">
        <Button type="submit" variant="primary" size="lg" busy={busy} busyText="Checking…">
          Import
        </Button>
      </div>
    </form>
  );
}
