import { useEffect, useState } from 'react';
import type { AccountView } from '../../../../shared/domain/account';
import { refreshStatus } from '../../app/walletData';
import { Button } from '../../components/Button';
import { FormMessage } from '../../components/FormMessage';
import { EyeIcon, KeyIcon, PlusIcon } from '../../components/icons';
import { Spinner } from '../../components/Spinner';
import { call } from '../../ipc/client';
import { errorText } from '../../ipc/errorText';
import { useAccountsStore } from '../../stores/accountsStore';
import { useAppStore } from '../../stores/appStore';
import { AccountCard } from './AccountCard';
import { ImportKeyDialog } from './ImportKeyDialog';
import { RemoveDialog } from './RemoveDialog';
import { RenameDialog } from './RenameDialog';
import { WatchDialog } from './WatchDialog';

type OpenDialog =
  | { kind: 'none' }
  | { kind: 'watch' }
  | { kind: 'import-key' }
  | { kind: 'rename'; account: AccountView }
  | { kind: 'remove'; account: AccountView };

/** Accounts and their addresses; add HD, import key, watch address, rename, remove. */
export function AccountsPage() {
  const accounts = useAccountsStore((s) => s.accounts);
  const hasMnemonic = useAppStore((s) => s.status?.hasMnemonic ?? false);
  const [dialog, setDialog] = useState<OpenDialog>({ kind: 'none' });
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const close = () => setDialog({ kind: 'none' });

  // "Account 2 added." is news, not state: let it fade after a few seconds.
  useEffect(() => {
    if (!status) return;
    const timer = window.setTimeout(() => setStatus(null), 5000);
    return () => window.clearTimeout(timer);
  }, [status]);

  async function addHd() {
    setAdding(true);
    setError(null);
    setStatus(null);
    try {
      const account = await call('accounts.addHd', {});
      useAccountsStore.getState().upsertAccount(account);
      setStatus(`${account.label} added.`);
      void refreshStatus().catch(() => {});
    } catch (e) {
      setError(errorText(e));
    } finally {
      setAdding(false);
    }
  }

  const count = accounts?.length ?? 0;

  return (
    <>
      <div className="page__header">
        <div>
          <h1 className="page__title" tabIndex={-1}>
            Accounts
          </h1>
          <p className="page__subtitle">
            {accounts === null ? 'Loading…' : count === 1 ? '1 account' : `${count} accounts`} · addresses on every
            supported network
          </p>
        </div>
        <div className="toolbar" role="group" aria-label="Add accounts">
          <Button
            variant="primary"
            icon={<PlusIcon />}
            onClick={() => void addHd()}
            busy={adding}
            busyText="Adding…"
            disabled={!hasMnemonic}
            title={hasMnemonic ? 'Derive the next account from your recovery phrase' : 'This wallet has no recovery phrase'}
          >
            Add account
          </Button>
          <Button icon={<KeyIcon />} onClick={() => setDialog({ kind: 'import-key' })}>
            Import key
          </Button>
          <Button icon={<EyeIcon />} onClick={() => setDialog({ kind: 'watch' })}>
            Watch address
          </Button>
        </div>
      </div>
      <FormMessage error={error} status={status} className="page__message" />

      {accounts === null ? (
        <div className="loading" role="status">
          <Spinner /> Loading accounts…
        </div>
      ) : accounts.length === 0 ? (
        <div className="empty card">
          <h2 className="empty__title">No accounts yet</h2>
          <p className="empty__text">
            Add an account from your recovery phrase, import a private key, or watch an address you want to follow.
          </p>
        </div>
      ) : (
        <div className="account-list">
          {accounts.map((account) => (
            <AccountCard
              key={account.id}
              account={account}
              onRename={(a) => setDialog({ kind: 'rename', account: a })}
              onRemove={(a) => setDialog({ kind: 'remove', account: a })}
            />
          ))}
        </div>
      )}

      {dialog.kind === 'watch' ? <WatchDialog onClose={close} /> : null}
      {dialog.kind === 'import-key' ? <ImportKeyDialog onClose={close} /> : null}
      {dialog.kind === 'rename' ? <RenameDialog account={dialog.account} onClose={close} /> : null}
      {dialog.kind === 'remove' ? <RemoveDialog account={dialog.account} onClose={close} /> : null}
    </>
  );
}
