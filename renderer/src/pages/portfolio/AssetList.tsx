import { useId, useState } from 'react';
import { MAX_SLICES } from '../../components/AllocationChart';
import { AssetAvatar } from '../../components/AssetAvatar';
import { ChevronDownIcon, ClockIcon } from '../../components/icons';
import { displayAmount, exactAmount, formatShare, formatUsd } from '../../lib/numberFormat';
import type { AssetGroupView, AssetPosition } from '../../lib/portfolioView';
import { useAppStore } from '../../stores/appStore';

function Amount({ units, decimals, symbol }: { units: bigint; decimals: number; symbol: string }) {
  const exact = `${exactAmount(units, decimals)} ${symbol}`;
  return (
    <span className="amount num" title={exact}>
      {displayAmount(units, decimals)} {symbol}
    </span>
  );
}

function PositionRow({ position }: { position: AssetPosition }) {
  const openSend = useAppStore((s) => s.openSend);
  const name = position.accountLabel ? `${position.chainName} · ${position.accountLabel}` : position.chainName;
  return (
    <li className="position" data-chain={position.chain}>
      <span className="position__chain">{name}</span>
      <Amount units={position.amount} decimals={position.decimals} symbol={position.symbol} />
      <span className="position__value num">
        {formatUsd(position.usdValue)}
        {position.priceStale ? (
          <span className="stale-mark" title="Last known price: the price service could not be reached">
            <ClockIcon />
            <span className="sr-only"> (last known price)</span>
          </span>
        ) : null}
      </span>
      <button
        type="button"
        className="btn btn--ghost btn--sm position__send"
        aria-label={`Send ${position.symbol} on ${position.chainName}`}
        onClick={() => openSend({ accountId: position.accountId, chain: position.chain, asset: position.ref })}
      >
        <span className="btn__label">Send</span>
      </button>
    </li>
  );
}

function AssetRow({ group, tone }: { group: AssetGroupView; tone: number }) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const networks = group.positions.length;
  const chainsText = networks === 1 ? (group.positions[0]?.chainName ?? '') : `${networks} networks`;
  return (
    <li className="asset-group" data-asset={group.key}>
      <button
        type="button"
        className="asset-group__row"
        aria-expanded={open}
        aria-controls={listId}
        aria-label={`${group.symbol}: ${group.amount ? `${displayAmount(group.amount.units, group.amount.decimals)} ${group.symbol}, ` : ''}${formatUsd(group.usdValue)}, on ${chainsText}`}
        onClick={() => setOpen(!open)}
      >
        <AssetAvatar symbol={group.symbol} tone={tone} />
        <span className="asset-group__name">
          <span className="asset-group__symbol">{group.symbol}</span>
          <span className="asset-group__sub">
            {group.name !== group.symbol ? `${group.name} · ` : ''}
            {chainsText}
          </span>
        </span>
        <span className="asset-group__amount">
          {group.amount ? <Amount units={group.amount.units} decimals={group.amount.decimals} symbol={group.symbol} /> : null}
          <span className="asset-group__share">{formatShare(group.share)}</span>
        </span>
        <span className="asset-group__value num">{formatUsd(group.usdValue)}</span>
        <ChevronDownIcon />
      </button>
      <ul id={listId} className="positions" hidden={!open} aria-label={`${group.symbol} by network`}>
        {group.positions.map((p) => (
          <PositionRow key={p.key} position={p} />
        ))}
      </ul>
    </li>
  );
}

/** The avatar colour of the nth group: its slice's colour in the allocation chart (sorted the same way). */
function toneOf(index: number, count: number): number {
  const folded = count > MAX_SLICES && index >= MAX_SLICES - 1;
  return folded ? 7 : index % 7;
}

/** "By asset": the same asset on several chains in one row, expandable to one line per chain. */
export function AssetList({ groups }: { groups: AssetGroupView[] }) {
  return (
    <section className="card holdings" aria-labelledby="by-asset-title">
      <h2 id="by-asset-title" className="holdings__title">
        By asset
      </h2>
      <ul className="asset-list">
        {groups.map((g, index) => (
          <AssetRow key={g.key} group={g} tone={toneOf(index, groups.length)} />
        ))}
      </ul>
    </section>
  );
}
