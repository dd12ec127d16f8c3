import { useEffect, useState, type FormEvent } from 'react';
import { cancelSecureSession, recordSecureSession, useSecureSession } from '../../app/secureSession';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { FormMessage } from '../../components/FormMessage';
import { SecureWait } from '../../components/SecureWait';
import { TextField } from '../../components/TextField';
import { call } from '../../ipc/client';
import { errorText } from '../../ipc/errorText';

/** Asks for the password again, then main shows the recovery phrase in the secure window (never here). */
export function RevealDialog({ onClose }: { onClose(): void }) {
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sessionId, setSessionId] = useState<string | null>(null);
  const [closing, setClosing] = useState(false);
  const session = useSecureSession(sessionId);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!password) return setError('Enter your password.');
    setBusy(true);
    setError(null);
    try {
      const view = await call('vault.revealMnemonic', { password });
      setPassword('');
      recordSecureSession(view);
      setSessionId(view.sessionId);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  // The user closed the secure window (or it expired): nothing left to wait for.
  useEffect(() => {
    if (session && session.state !== 'open' && session.state !== 'ready') onClose();
  }, [session, onClose]);

  function close() {
    if (busy) return;
    if (sessionId && session?.state === 'open') {
      setClosing(true);
      void cancelSecureSession(sessionId).then(onClose);
      return;
    }
    onClose();
  }

  return (
    <Dialog title="Show recovery phrase" onClose={close} className="dialog--wide">
      {sessionId ? (
        <SecureWait
          headingLevel="h2"
          explanation="Your recovery phrase is shown in the secure window. Close that window when you are done."
          onCancel={close}
          cancelling={closing}
          cancelLabel="Hide recovery phrase"
        />
      ) : (
        <form className="stack" onSubmit={submit} noValidate>
          <p className="dialog__description">
            Anyone who sees your recovery phrase can take everything in this wallet. Make sure nobody is watching your
            screen. Strata shows it in a separate secure window.
          </p>
          <TextField
            label="Password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            readOnly={busy}
            maxLength={1024}
          />
          <FormMessage error={error} status={busy ? 'Checking your password…' : null} statusTone="progress" />
          <div className="actions">
            <Button onClick={onClose} disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" variant="primary" busy={busy} busyText="Checking…">
              Show recovery phrase
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
