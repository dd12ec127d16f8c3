import { loadActivity } from '../../app/walletData';
import { Button } from '../../components/Button';
import { FormMessage } from '../../components/FormMessage';
import { SendIcon } from '../../components/icons';
import { Spinner } from '../../components/Spinner';
import { sameAddress } from '../../lib/chainAddress';
import { useNow } from '../../lib/useNow';
import { useAccountsStore } from '../../stores/accountsStore';
import { useActivityStore } from '../../stores/activityStore';
import { useAppStore } from '../../stores/appStore';
import { useChainsStore } from '../../stores/chainsStore';
import { ActivityRow } from './ActivityRow';

/** The wallet's own transactions, newest first, with statuses that update live from `activity.changed`. */
export function ActivityPage() {
  const entries = useActivityStore((s) => s.entries);
  const error = useActivityStore((s) => s.error);
  const byId = useChainsStore((s) => s.byId);
  const accounts = useAccountsStore((s) => s.accounts);
  const openSend = useAppStore((s) => s.openSend);
  const now = useNow();
  const own = (accounts ?? []).flatMap((a) => a.addresses.map((x) => x.address));
  const pending = entries?.filter((e) => e.status === 'pending').length ?? 0;

  return (
    <>
      <div className="page__header">
        <div>
          <h1 className="page__title" tabIndex={-1}>
            Activity
          </h1>
          <p className="page__subtitle">
            {entries === null
              ? 'Loading…'
              : entries.length === 0
                ? 'Transactions sent from this wallet'
                : `${entries.length} transaction${entries.length === 1 ? '' : 's'}${pending > 0 ? ` · ${pending} pending` : ''}`}
          </p>
        </div>
        <div className="toolbar">
          <Button variant="primary" icon={<SendIcon />} onClick={() => openSend()}>
            Send
          </Button>
        </div>
      </div>
      <FormMessage error={entries === null ? error : null} className="page__message" />
      {entries === null ? (
        error ? (
          <div className="actions actions--start">
            <Button onClick={() => void loadActivity()}>Try again</Button>
          </div>
        ) : (
          <div className="loading" role="status">
            <Spinner /> Loading activity…
          </div>
        )
      ) : entries.length === 0 ? (
        <section className="card empty" aria-labelledby="no-activity-title">
          <h2 id="no-activity-title" className="empty__title">
            No transactions yet
          </h2>
          <p className="empty__text">Transfers you send from Strata appear here, with their status as the network confirms them.</p>
        </section>
      ) : (
        <ol className="activity-list card" aria-label="Transactions">
          {entries.map((entry) => (
            <ActivityRow key={entry.id} entry={entry} chain={byId[entry.chain]} toSelf={own.some((a) => sameAddress(a, entry.to))} now={now} />
          ))}
        </ol>
      )}
    </>
  );
}
