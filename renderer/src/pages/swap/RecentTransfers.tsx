import { useEffect } from 'react';
import { ChevronRightIcon } from '../../components/icons';
import { Spinner } from '../../components/Spinner';
import { call } from '../../ipc/client';
import { errorText } from '../../ipc/errorText';
import { timeAgo } from '../../lib/relativeTime';
import { useNow } from '../../lib/useNow';
import { useTransfersStore } from '../../stores/transfersStore';
import { routeAssetIn, routeAssetOut, tokenAmount, TRANSFER_STATUS_LABELS, type ChainNamer } from './routeText';

/** How many transfers the side list shows. */
const SHOWN = 8;

/** Recent cross-chain transfers (transfers.list, then live through the store); each reopens its progress. */
export function RecentTransfers({ chainName, openId, onOpen }: { chainName: ChainNamer; openId: string | null; onOpen(id: string): void }) {
  const transfers = useTransfersStore((s) => s.transfers);
  const error = useTransfersStore((s) => s.error);
  const now = useNow(30_000);

  useEffect(() => {
    call('transfers.list', {})
      .then((list) => useTransfersStore.getState().setTransfers(list))
      .catch((e: unknown) => useTransfersStore.getState().setError(errorText(e)));
  }, []);

  return (
    <section className="card recent-transfers" aria-labelledby="recent-transfers-title">
      <h2 id="recent-transfers-title" className="section__title">
        Recent transfers
      </h2>
      {error ? <p className="field__error">{error}</p> : null}
      {transfers === null && !error ? (
        <p className="muted">
          <Spinner /> Loading…
        </p>
      ) : null}
      {transfers !== null && transfers.length === 0 ? <p className="muted small">No cross-chain transfer yet. They appear here, and stay, once started.</p> : null}
      {transfers !== null && transfers.length > 0 ? (
        <ul className="recent-transfers__list" aria-label="Cross-chain transfers">
          {transfers.slice(0, SHOWN).map((t) => {
            const assetIn = routeAssetIn(t.route);
            const assetOut = routeAssetOut(t.route);
            const delayed = t.status === 'running' && t.steps.some((s) => s.delayed);
            return (
              <li key={t.id} data-transfer-id={t.id} data-status={t.status}>
                <button type="button" className="recent-transfer" aria-current={openId === t.id ? 'true' : undefined} onClick={() => onOpen(t.id)}>
                  <span className="recent-transfer__main">
                    <span className="recent-transfer__title num">
                      {tokenAmount(t.route.amountIn, assetIn)} → {assetOut.symbol}
                    </span>
                    <span className="recent-transfer__sub">
                      {chainName(assetIn.chain)} → {chainName(assetOut.chain)} · {timeAgo(t.createdAt, now)}
                    </span>
                  </span>
                  <span className={`transfer-status transfer-status--${delayed ? 'delayed' : t.status} transfer-status--small`}>
                    {delayed ? 'Delayed' : TRANSFER_STATUS_LABELS[t.status]}
                  </span>
                  <ChevronRightIcon />
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
