import { useEffect, useRef, useState, type FormEvent } from 'react';
import { beginSecureSession, cancelSecureSession, useSecureSession } from '../../app/secureSession';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { FormMessage } from '../../components/FormMessage';
import { SecureWait } from '../../components/SecureWait';
import { TextField } from '../../components/TextField';
import { call } from '../../ipc/client';
import { errorText } from '../../ipc/errorText';
import { useAccountsStore } from '../../stores/accountsStore';

/**
 * Imports a private key: the key is pasted in the secure window (never here); once that session is ready, main is
 * asked to add it with `accounts.importKey({ sessionId })`.
 */
export function ImportKeyDialog({ onClose }: { onClose(): void }) {
  const [label, setLabel] = useState('');
  const [sessionId, setSessionId] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [importing, setImporting] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const session = useSecureSession(sessionId);
  const importedFor = useRef<string | null>(null);

  async function start(event: FormEvent) {
    event.preventDefault();
    setStarting(true);
    setError(null);
    try {
      setSessionId((await beginSecureSession({ purpose: 'import-private-key' })).sessionId);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setStarting(false);
    }
  }

  useEffect(() => {
    if (!session) return;
    if (session.state === 'ready' && importedFor.current !== session.sessionId) {
      importedFor.current = session.sessionId;
      void importKey(session.sessionId);
    } else if (session.state === 'cancelled' || session.state === 'expired') {
      setSessionId(null);
      setCancelling(false);
      setError(session.state === 'expired' ? 'The secure window timed out.' : 'The secure window was closed before the key was imported.');
    }
  }, [session]);

  async function importKey(id: string) {
    setImporting(true);
    try {
      const trimmed = label.trim();
      const account = await call('accounts.importKey', { sessionId: id, ...(trimmed ? { label: trimmed } : {}) });
      useAccountsStore.getState().upsertAccount(account);
      onClose();
    } catch (e) {
      setImporting(false);
      setSessionId(null);
      setError(errorText(e, { DUPLICATE_ACCOUNT: 'This key is already in your wallet.' }));
    }
  }

  function close() {
    if (importing) return;
    if (sessionId) {
      setCancelling(true);
      void cancelSecureSession(sessionId).then(onClose);
      return;
    }
    onClose();
  }

  return (
    <Dialog title="Import a private key" onClose={close} className="dialog--wide">
      {sessionId ? (
        <SecureWait
          headingLevel="h2"
          explanation="Paste the private key in the secure window that Strata opened."
          finishingText={importing ? 'Importing the key…' : null}
          onCancel={close}
          cancelling={cancelling}
        />
      ) : (
        <form className="stack" onSubmit={start} noValidate>
          <p className="dialog__description">
            You will paste the key in a separate secure window. An imported key is not covered by your recovery phrase:
            keep your own backup of it.
          </p>
          <TextField
            label="Name (optional)"
            value={label}
            onChange={(e) => setLabel(e.target.value)}
            maxLength={64}
            placeholder="e.g. Trading key"
          />
          <FormMessage error={error} />
          <div className="actions">
            <Button onClick={onClose} disabled={starting}>
              Cancel
            </Button>
            <Button type="submit" variant="primary" busy={starting} busyText="Opening secure window…">
              Continue
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
