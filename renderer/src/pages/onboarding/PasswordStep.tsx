import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button } from '../../components/Button';
import { FormMessage } from '../../components/FormMessage';
import { ArrowLeftIcon } from '../../components/icons';
import { PasswordStrengthMeter } from '../../components/PasswordStrengthMeter';
import { TextField } from '../../components/TextField';
import { MIN_PASSWORD_LENGTH, passwordProblem, passwordStrength } from '../../lib/passwordStrength';
import type { OnboardingMode } from './types';

export interface PasswordStepProps {
  mode: OnboardingMode;
  initialPassword: string;
  error: string | null;
  notice: string | null;
  busy: boolean;
  onBack(): void;
  onSubmit(password: string, wordCount: 12 | 24): void;
}

const TITLES: Record<OnboardingMode, string> = {
  create: 'Create a new wallet',
  'import-mnemonic': 'Import a recovery phrase',
  'import-private-key': 'Import a private key',
};

const NEXT: Record<OnboardingMode, string> = {
  create: 'Next, a secure window will show your new recovery phrase.',
  'import-mnemonic': 'Next, you will type your recovery phrase in a secure window.',
  'import-private-key': 'Next, you will paste your private key in a secure window.',
};

/** Choose the password that encrypts the vault on this computer (and, for a new wallet, the phrase length). */
export function PasswordStep({ mode, initialPassword, error, notice, busy, onBack, onSubmit }: PasswordStepProps) {
  const [password, setPassword] = useState(initialPassword);
  const [confirm, setConfirm] = useState(initialPassword);
  const [show, setShow] = useState(false);
  const [wordCount, setWordCount] = useState<12 | 24>(12);
  const [attempted, setAttempted] = useState(false);
  const firstRef = useRef<HTMLInputElement>(null);
  useEffect(() => firstRef.current?.focus(), []);

  const strength = passwordStrength(password);
  const problem = passwordProblem(password);
  const mismatch = confirm.length > 0 && confirm !== password;
  const passwordError = attempted ? problem : null;
  const confirmError = (attempted || confirm.length >= password.length) && mismatch ? 'The passwords do not match.' : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (problem || confirm !== password) return;
    onSubmit(password, wordCount);
  }

  return (
    <form className="stack" onSubmit={submit} noValidate aria-labelledby="password-step-title">
      <div>
        <p className="eyebrow">Step 1 of 2 · Password</p>
        <h1 id="password-step-title" className="onboarding__title onboarding__title--left">
          {TITLES[mode]}
        </h1>
        <p className="onboarding__lead onboarding__lead--left">
          Choose a password to unlock Strata on this computer. It encrypts your wallet, but it cannot restore it:
          only your recovery phrase can.
        </p>
      </div>

      {notice ? <p className="notice">{notice}</p> : null}

      <TextField
        ref={firstRef}
        label="Password"
        type={show ? 'text' : 'password'}
        autoComplete="new-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        aside={<PasswordStrengthMeter password={password} />}
        hint={strength.hint}
        error={passwordError}
        required
        minLength={MIN_PASSWORD_LENGTH}
        maxLength={1024}
      />
      <TextField
        label="Confirm password"
        type={show ? 'text' : 'password'}
        autoComplete="new-password"
        value={confirm}
        onChange={(e) => setConfirm(e.target.value)}
        error={confirmError}
        required
        maxLength={1024}
      />
      <label className="checkbox">
        <input type="checkbox" checked={show} onChange={(e) => setShow(e.target.checked)} />
        <span>Show password</span>
      </label>

      {mode === 'create' ? (
        <fieldset className="segmented">
          <legend className="field__label">Recovery phrase length</legend>
          <div className="segmented__options">
            {([12, 24] as const).map((count) => (
              <label key={count} className="segmented__option">
                <input
                  type="radio"
                  name="word-count"
                  value={count}
                  checked={wordCount === count}
                  onChange={() => setWordCount(count)}
                />
                <span>{count} words</span>
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}

      <FormMessage error={error} />
      <p className="muted small">{NEXT[mode]}</p>

      <div className="actions actions--split">
        <Button variant="ghost" onClick={onBack} icon={<ArrowLeftIcon />} disabled={busy}>
          Back
        </Button>
        <Button type="submit" variant="primary" size="lg" busy={busy} busyText="Opening secure window…">
          Continue
        </Button>
      </div>
    </form>
  );
}
