import { useState } from 'react';
import type { AccountView } from '../../../../shared/domain/account';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { FormMessage } from '../../components/FormMessage';
import { call } from '../../ipc/client';
import { errorText } from '../../ipc/errorText';
import { useAccountsStore } from '../../stores/accountsStore';
import { awaitConfirmation } from '../../app/secureSession';

/** Confirms removing an imported or watch-only account. */
export function RemoveDialog({ account, onClose }: { account: AccountView; onClose(): void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function remove() {
    setBusy(true);
    setError(null);
    try {
      const answer = await call('accounts.remove', { id: account.id });
      // An imported key leaves the vault only after the secure window's confirmation.
      useAccountsStore.getState().setAccounts(Array.isArray(answer) ? answer : ((await awaitConfirmation(answer)).accounts ?? (await call('accounts.list', {}))));
      onClose();
    } catch (e) {
      setBusy(false);
      setError(errorText(e));
    }
  }

  const description =
    account.kind === 'private-key'
      ? 'Its private key will be deleted from this computer. Make sure you have a copy of it: your recovery phrase cannot restore it.'
      : 'Strata will stop watching this address. You can add it again at any time.';

  return (
    <Dialog title={`Remove ${account.label}?`} description={description} onClose={() => !busy && onClose()}>
      <FormMessage error={error} />
      <div className="actions">
        <Button onClick={onClose} disabled={busy}>
          Cancel
        </Button>
        <Button variant="danger" onClick={() => void remove()} busy={busy} busyText="Removing…">
          Remove
        </Button>
      </div>
    </Dialog>
  );
}
