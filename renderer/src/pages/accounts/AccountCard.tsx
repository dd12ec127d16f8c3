import { useId } from 'react';
import type { AccountView } from '../../../../shared/domain/account';
import { Button } from '../../components/Button';
import { KindBadge } from '../../components/KindBadge';
import { groupAddresses } from '../../lib/groupAddresses';
import { useChainsStore } from '../../stores/chainsStore';
import { AddressRow } from './AddressRow';

function subtitle(account: AccountView): string {
  if (account.kind === 'hd') return `From your recovery phrase · account #${(account.hdIndex ?? 0) + 1}`;
  if (account.kind === 'private-key') return 'Imported private key';
  return `Watching ${account.family === 'cosmos' ? 'a Cosmos' : 'an EVM'} address`;
}

/** An account with its addresses on every chain, plus rename / remove. */
export function AccountCard({
  account,
  onRename,
  onRemove,
}: {
  account: AccountView;
  onRename(account: AccountView): void;
  onRemove(account: AccountView): void;
}) {
  const headingId = useId();
  const byId = useChainsStore((s) => s.byId);
  const removable = account.kind !== 'hd';
  return (
    <section className="card account" aria-labelledby={headingId} data-account-id={account.id}>
      <header className="account__header">
        <div className="account__title">
          <h2 id={headingId} className="account__label">
            {account.label}
          </h2>
          <KindBadge kind={account.kind} />
        </div>
        <p className="account__subtitle">{subtitle(account)}</p>
        <div className="account__actions">
          <Button variant="ghost" size="sm" onClick={() => onRename(account)} aria-label={`Rename ${account.label}`}>
            Rename
          </Button>
          {removable ? (
            <Button variant="ghost" size="sm" onClick={() => onRemove(account)} aria-label={`Remove ${account.label}`}>
              Remove
            </Button>
          ) : null}
        </div>
      </header>
      {account.addresses.length === 0 ? (
        <p className="muted">No addresses.</p>
      ) : (
        <ul className="address-list" aria-label={`${account.label} addresses`}>
          {groupAddresses(account.addresses).map((group) => (
            <AddressRow key={`${group.address}:${group.path ?? ''}`} address={group} chains={byId} />
          ))}
        </ul>
      )}
    </section>
  );
}
