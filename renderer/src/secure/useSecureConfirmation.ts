import { useEffect, useRef, useState, type FormEvent } from 'react';
import { errorText } from '../ipc/errorText';
import { callSecure } from './secureClient';

/**
 * The state of a confirmation view in the secure window: the password (when main asks for it), the busy and error
 * states, focus on the heading, and the one `secure.confirm` call that makes main sign. Every confirm view uses it.
 */
export function useSecureConfirmation(passwordRequired: boolean) {
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (passwordRequired && password.length === 0) return setError('Enter your password to confirm.');
    setBusy(true);
    setError(null);
    try {
      await callSecure('secure.confirm', passwordRequired ? { password } : {});
      setPassword('');
      setDone(true);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return { password, setPassword, busy, error, setError, done, headingRef, submit };
}
