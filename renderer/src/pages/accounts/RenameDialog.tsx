import { useState, type FormEvent } from 'react';
import type { AccountView } from '../../../../shared/domain/account';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { FormMessage } from '../../components/FormMessage';
import { TextField } from '../../components/TextField';
import { call } from '../../ipc/client';
import { errorText } from '../../ipc/errorText';
import { useAccountsStore } from '../../stores/accountsStore';

const MAX_LABEL = 64;

/** Renames an account (labels are 1–64 characters). */
export function RenameDialog({ account, onClose }: { account: AccountView; onClose(): void }) {
  const [label, setLabel] = useState(account.label);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = label.trim();
    if (trimmed.length === 0) return setError('Enter a name.');
    if (trimmed === account.label) return onClose();
    setBusy(true);
    setError(null);
    try {
      useAccountsStore.getState().upsertAccount(await call('accounts.rename', { id: account.id, label: trimmed }));
      onClose();
    } catch (e) {
      setBusy(false);
      setError(errorText(e));
    }
  }

  return (
    <Dialog title={`Rename ${account.label}`} onClose={() => !busy && onClose()}>
      <form className="stack" onSubmit={submit} noValidate>
        <TextField
          label="Name"
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          maxLength={MAX_LABEL}
          onFocus={(e) => e.target.select()}
          hint={`Up to ${MAX_LABEL} characters. Only you see it.`}
        />
        <FormMessage error={error} />
        <div className="actions">
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" busy={busy} busyText="Saving…">
            Save
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
