import type { AccountKind } from '../../../shared/domain/account';

const LABELS: Record<AccountKind, string> = { hd: 'HD', 'private-key': 'Imported', watch: 'Watch-only' };
const TITLES: Record<AccountKind, string> = {
  hd: 'Derived from your recovery phrase',
  'private-key': 'Imported from a private key; not covered by your recovery phrase',
  watch: 'Watch-only: Strata has no key for this address',
};

/** HD / Imported / Watch-only. */
export function KindBadge({ kind }: { kind: AccountKind }) {
  return (
    <span className={`badge badge--${kind}`} title={TITLES[kind]}>
      {LABELS[kind]}
    </span>
  );
}
