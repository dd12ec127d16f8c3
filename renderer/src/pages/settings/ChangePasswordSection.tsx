import { useState, type FormEvent } from 'react';
import { Button } from '../../components/Button';
import { FormMessage } from '../../components/FormMessage';
import { PasswordStrengthMeter } from '../../components/PasswordStrengthMeter';
import { TextField } from '../../components/TextField';
import { call } from '../../ipc/client';
import { errorCode, errorText } from '../../ipc/errorText';
import { passwordProblem } from '../../lib/passwordStrength';
import { useAppStore } from '../../stores/appStore';

/** Current / new / confirm. Main re-encrypts the vault; a wrong current password is reported on its field. */
export function ChangePasswordSection() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [currentError, setCurrentError] = useState<string | null>(null);
  const [nextError, setNextError] = useState<string | null>(null);
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setCurrentError(current ? null : 'Enter your current password.');
    const problem = passwordProblem(next);
    setNextError(problem);
    setConfirmError(confirm === next ? null : 'The passwords do not match.');
    setError(null);
    setStatus(null);
    if (!current || problem || confirm !== next) return;
    setBusy(true);
    try {
      const result = await call('vault.changePassword', { current, next });
      useAppStore.getState().setStatus(result);
      setCurrent('');
      setNext('');
      setConfirm('');
      setStatus('Password changed.');
    } catch (e) {
      if (errorCode(e) === 'WRONG_PASSWORD') setCurrentError(errorText(e, { WRONG_PASSWORD: 'The current password is not correct.' }));
      else if (errorCode(e) === 'WEAK_PASSWORD') setNextError(errorText(e));
      else setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card settings-section" aria-labelledby="password-title">
      <h2 id="password-title" className="section__title">
        Password
      </h2>
      <p className="section__text">The password unlocks Strata on this computer. Changing it re-encrypts your wallet.</p>
      <form className="stack stack--narrow" onSubmit={submit} noValidate>
        <TextField
          label="Current password"
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          error={currentError}
          maxLength={1024}
        />
        <TextField
          label="New password"
          type="password"
          autoComplete="new-password"
          value={next}
          onChange={(e) => setNext(e.target.value)}
          aside={<PasswordStrengthMeter password={next} />}
          error={nextError}
          maxLength={1024}
        />
        <TextField
          label="Confirm new password"
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          error={confirmError}
          maxLength={1024}
        />
        <FormMessage
          error={error}
          status={busy ? 'Re-encrypting your wallet…' : status}
          statusTone={busy ? 'progress' : 'success'}
        />
        <div className="actions actions--start">
          <Button type="submit" variant="primary" busy={busy} busyText="Changing password…">
            Change password
          </Button>
        </div>
      </form>
    </section>
  );
}
