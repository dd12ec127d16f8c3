import { useId, useState } from 'react';
import type { ActivityEntry } from '../../../../shared/domain/send';
import { AssetAvatar } from '../../components/AssetAvatar';
import { CopyButton } from '../../components/CopyButton';
import { ChevronDownIcon } from '../../components/icons';
import { StatusBadge } from '../../components/StatusBadge';
import { activityStatusText } from '../../lib/activityStatus';
import { displayAmount, exactAmount } from '../../lib/amountDisplay';
import { truncateAddress } from '../../lib/format';
import { exactTime, timeAgo } from '../../lib/relativeTime';
import type { ChainInfo } from '../../../../shared/domain/chain';

/** One of the wallet's transactions: what, where, to whom, status and time; opens to the hash and fee. */
export function ActivityRow({ entry, chain, toSelf, now }: { entry: ActivityEntry; chain: ChainInfo | undefined; toSelf: boolean; now: number }) {
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const chainName = chain?.name ?? entry.chain;
  const feeAsset = chain?.nativeAsset ?? entry.asset;
  const amount = `${displayAmount(entry.amount, entry.asset.decimals)} ${entry.asset.symbol}`;
  return (
    <li className="activity-row" data-activity-id={entry.id} data-status={entry.status}>
      <button
        type="button"
        className="activity-row__main"
        aria-expanded={open}
        aria-controls={detailsId}
        aria-label={`${toSelf ? 'Moved' : 'Sent'} ${amount} on ${chainName} to ${truncateAddress(entry.to)}, ${activityStatusText(entry).label.toLowerCase()}, ${timeAgo(entry.createdAt, now)}`}
        onClick={() => setOpen(!open)}
      >
        <AssetAvatar symbol={entry.asset.symbol} />
        <span className="activity-row__what">
          <span className="activity-row__title">
            {toSelf ? 'Moved' : 'Sent'} <span className="num" title={`${exactAmount(entry.amount, entry.asset.decimals)} ${entry.asset.symbol}`}>{amount}</span>
          </span>
          <span className="activity-row__sub">
            {chainName} · {toSelf ? 'to your own address ' : 'to '}
            <span className="mono" title={entry.to}>
              {truncateAddress(entry.to)}
            </span>
          </span>
        </span>
        <StatusBadge entry={entry} />
        <time className="activity-row__time" dateTime={new Date(entry.createdAt).toISOString()} title={exactTime(entry.createdAt)}>
          {timeAgo(entry.createdAt, now)}
        </time>
        <ChevronDownIcon />
      </button>
      <div id={detailsId} className="activity-row__details" hidden={!open}>
        <dl>
          <div>
            <dt>From</dt>
            <dd className="mono">{entry.from}</dd>
          </div>
          <div>
            <dt>To</dt>
            <dd className="mono">{entry.to}</dd>
          </div>
          <div>
            <dt>Amount</dt>
            <dd className="num">
              {exactAmount(entry.amount, entry.asset.decimals)} {entry.asset.symbol}
            </dd>
          </div>
          <div>
            <dt>{entry.status === 'pending' ? 'Fee (max)' : entry.status === 'failed' && entry.fee !== '0' ? 'Fee charged' : 'Fee'}</dt>
            <dd className="num">
              {exactAmount(entry.fee, feeAsset.decimals)} {feeAsset.symbol}
            </dd>
          </div>
          <div>
            <dt>Transaction hash</dt>
            <dd className="activity-row__hash">
              <span className="mono">{entry.hash}</span>
              <CopyButton value={entry.hash} label="Copy transaction hash" />
            </dd>
          </div>
          <div>
            <dt>Nonce</dt>
            <dd className="num">{entry.nonce}</dd>
          </div>
          {entry.blockNumber !== null ? (
            <div>
              <dt>Block</dt>
              <dd className="num">{entry.blockNumber}</dd>
            </div>
          ) : null}
          {entry.error ? (
            <div>
              <dt>Error</dt>
              <dd>{entry.error}</dd>
            </div>
          ) : null}
        </dl>
      </div>
    </li>
  );
}
