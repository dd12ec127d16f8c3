import { useEffect, useRef, useState, type FormEvent } from 'react';
import { enterWallet } from '../app/walletData';
import { Button } from '../components/Button';
import { FormMessage } from '../components/FormMessage';
import { StrataMark } from '../components/StrataMark';
import { TextField } from '../components/TextField';
import { call } from '../ipc/client';
import { errorText } from '../ipc/errorText';
import { useAppStore, type LockReason } from '../stores/appStore';

const REASON_TEXT: Record<LockReason, string | null> = {
  manual: null,
  idle: 'Strata locked itself after a period of inactivity.',
  suspend: 'Strata locked when this computer went to sleep.',
  'screen-lock': 'Strata locked when the screen was locked.',
  'password-changed': 'Your password was changed. Unlock with the new password.',
};

/** The unlock screen. The KDF takes about a second, so the button says "Unlocking…" meanwhile. */
export function Unlock() {
  const lockReason = useAppStore((s) => s.lockReason);
  const [password, setPassword] = useState('');
  const [show, setShow] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => inputRef.current?.focus(), []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (password.length === 0) {
      setError('Enter your password.');
      inputRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const status = await call('vault.unlock', { password });
      setPassword('');
      await enterWallet(status);
    } catch (e) {
      setBusy(false);
      setError(errorText(e));
      // Select the wrong password so the next attempt replaces it.
      requestAnimationFrame(() => inputRef.current?.select());
    }
  }

  const reasonText = lockReason ? REASON_TEXT[lockReason] : null;

  return (
    <main className="unlock">
      <form className="unlock__card" onSubmit={submit} noValidate aria-labelledby="unlock-title">
        <StrataMark className="mark--hero" />
        <h1 id="unlock-title" className="onboarding__title">
          Unlock Strata
        </h1>
        <p className="onboarding__lead">{reasonText ?? 'Enter your password to open your wallet.'}</p>
        <TextField
          ref={inputRef}
          label="Password"
          type={show ? 'text' : 'password'}
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          readOnly={busy}
          maxLength={1024}
          error={null}
        />
        <label className="checkbox">
          <input type="checkbox" checked={show} onChange={(e) => setShow(e.target.checked)} disabled={busy} />
          <span>Show password</span>
        </label>
        <FormMessage
          error={error}
          status={busy ? 'Checking your password. This takes about a second.' : null}
          statusTone="progress"
        />
        <Button type="submit" variant="primary" size="lg" busy={busy} busyText="Unlocking…" className="btn--block">
          Unlock
        </Button>
      </form>
    </main>
  );
}
