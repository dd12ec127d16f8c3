import type { AccountKind } from '../../../shared/domain/account';

const LABELS: Record<AccountKind, string> = { hd: 'HD', 'private-key': 'Imported', watch: 'Watch-only', ledger: 'Ledger' };
const TITLES: Record<AccountKind, string> = {
  hd: 'Derived from your recovery phrase',
  'private-key': 'Imported from a private key; not covered by your recovery phrase',
  watch: 'Watch-only: Strata has no key for this address',
  ledger: 'Ledger: the key stays on the hardware wallet, which signs every transaction',
};

/** HD / Imported / Watch-only. */
export function KindBadge({ kind }: { kind: AccountKind }) {
  return (
    <span className={`badge badge--${kind}`} title={TITLES[kind]}>
      {LABELS[kind]}
    </span>
  );
}
