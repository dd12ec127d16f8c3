import { useEffect, useRef } from 'react';
import type { ActivityEntry } from '../../../../shared/domain/send';
import { Button } from '../../components/Button';
import { CopyButton } from '../../components/CopyButton';
import { CheckIcon, CrossIcon, SendIcon } from '../../components/icons';
import { StatusBadge } from '../../components/StatusBadge';
import { exactAmount } from '../../lib/amountDisplay';
import { truncateAddress } from '../../lib/format';
import { useActivityStore } from '../../stores/activityStore';
import { useAppStore } from '../../stores/appStore';
import { useChainsStore } from '../../stores/chainsStore';

const STATUS_TEXT: Record<ActivityEntry['status'], string> = {
  pending: 'Waiting for the network to include it in a block…',
  confirmed: 'Confirmed: the transfer is in a block.',
  failed: 'The transaction failed on the network. Only the fee was spent.',
  dropped: 'The network dropped this transaction. Nothing was sent.',
};

/** After confirming: what was sent, the hash, and a status that follows `activity.changed` live. */
export function SentScreen({ sent, onNew }: { sent: ActivityEntry; onNew(): void }) {
  const live = useActivityStore((s) => s.entries?.find((e) => e.id === sent.id)) ?? sent;
  const chain = useChainsStore((s) => s.byId[live.chain]);
  const chainName = chain?.name ?? live.chain;
  // The fee is paid in the chain's native asset (the sent asset itself when that is native).
  const feeAsset = chain?.nativeAsset ?? live.asset;
  const setPage = useAppStore((s) => s.setPage);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const amount = `${exactAmount(live.amount, live.asset.decimals)} ${live.asset.symbol}`;

  return (
    <section className="card sent" aria-labelledby="sent-title" data-status={live.status}>
      <div className={`sent__badge sent__badge--${live.status}`}>
        {live.status === 'confirmed' ? <CheckIcon large /> : live.status === 'pending' ? <SendIcon /> : <CrossIcon />}
      </div>
      <h2 id="sent-title" ref={headingRef} tabIndex={-1} className="sent__title">
        Transfer sent
      </h2>
      <p className="sent__summary">
        <span className="num">{amount}</span> to <code className="address">{truncateAddress(live.to)}</code> on {chainName}
      </p>
      <div className="sent__status" role="status">
        <StatusBadge entry={live} />
        <span>{live.error && live.status !== 'confirmed' ? live.error : STATUS_TEXT[live.status]}</span>
      </div>
      <dl className="sent__details">
        <div>
          <dt>Transaction hash</dt>
          <dd className="sent__hash">
            <code className="address" data-hash={live.hash}>
              {live.hash}
            </code>
            <CopyButton value={live.hash} label="Copy transaction hash" />
          </dd>
        </div>
        <div>
          <dt>{live.status === 'pending' ? 'Fee (max)' : 'Fee paid'}</dt>
          <dd className="num">
            {exactAmount(live.fee, feeAsset.decimals)} {feeAsset.symbol}
          </dd>
        </div>
        {live.blockNumber !== null ? (
          <div>
            <dt>Block</dt>
            <dd className="num">{live.blockNumber}</dd>
          </div>
        ) : null}
      </dl>
      <div className="actions actions--center">
        <Button onClick={() => setPage('activity')}>View activity</Button>
        <Button variant="primary" onClick={onNew}>
          New transfer
        </Button>
      </div>
    </section>
  );
}
