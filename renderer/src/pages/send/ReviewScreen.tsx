import { useEffect, useRef, useState } from 'react';
import type { ActivityEntry, FeeTier, SendReview } from '../../../../shared/domain/send';
import { Button } from '../../components/Button';
import { FormMessage } from '../../components/FormMessage';
import { AlertIcon, ArrowLeftIcon } from '../../components/icons';
import { cancelSecureSession, recordSecureSession, useSecureSession } from '../../app/secureSession';
import { call, on } from '../../ipc/client';
import { errorFromPayload } from '../../ipc/clientError';
import { errorText } from '../../ipc/errorText';
import { exactAmount } from '../../lib/amountDisplay';
import { useNow } from '../../lib/useNow';
import { formatUsd, sumDecimals, usdValueOf } from '../../lib/usd';
import { useActivityStore } from '../../stores/activityStore';
import { TIER_LABELS, TIERS, type PrepareInput } from './sendTypes';

/** An address in full, in groups of four characters (spacing by CSS, so a copy gives the address unchanged). */
export function FullAddress({ address }: { address: string }) {
  const head = address.startsWith('0x') ? '0x' : '';
  const rest = address.slice(head.length);
  const chunks = rest.match(/.{1,4}/g) ?? [];
  return (
    <code className="address address--full" title={address}>
      {head ? <span className="address__chunk">{head}</span> : null}
      {chunks.map((chunk, i) => (
        <span key={i} className="address__chunk">
          {chunk}
        </span>
      ))}
    </code>
  );
}

interface ReviewScreenProps {
  review: SendReview;
  request: PrepareInput;
  accountLabel: string;
  chainName: string;
  /** USD price of the sent asset and of the fee asset, when the portfolio knows them */
  assetPrice: string | null;
  feePrice: string | null;
  /** the wallet has never sent to this address */
  firstTime: boolean;
  onEdit(): void;
  onReprepared(review: SendReview, request: PrepareInput): void;
  onSent(entry: ActivityEntry): void;
}

/**
 * The last screen before signing: what leaves which account, to whom, on which network, the most the fee can cost
 * and the total. "Confirm and send" asks main for a confirmation of exactly this review (`send.confirm` with its id):
 * main opens the secure window with its own copy of the review, the user confirms there, and the outcome comes back
 * as a `confirmation.outcome` event. This window cannot confirm anything itself.
 */
export function ReviewScreen({ review, request, accountLabel, chainName, assetPrice, feePrice, firstTime, onEdit, onReprepared, onSent }: ReviewScreenProps) {
  const [busy, setBusy] = useState<'confirm' | 'reprepare' | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** the secure window's confirmation session, while it is open */
  const [sessionId, setSessionId] = useState<string | null>(null);
  const session = useSecureSession(sessionId);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const now = useNow(1000);
  const expired = now >= review.expiresAt;
  useEffect(() => headingRef.current?.focus(), []);

  const { asset, fee } = review;
  const sameAsset = review.total !== null;
  const amountUsd = assetPrice ? usdValueOf(BigInt(review.amount), asset.decimals, assetPrice) : null;
  const feeUsd = feePrice ? usdValueOf(BigInt(fee.amount), fee.feeAsset.decimals, feePrice) : null;

  async function reprepare(tier: FeeTier) {
    setBusy('reprepare');
    setError(null);
    const next = { ...request, tier };
    try {
      onReprepared(await call('send.prepare', next), next);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  }

  useEffect(() => {
    if (sessionId === null) return undefined;
    return on('confirmation.outcome', (outcome) => {
      if (outcome.sessionId !== sessionId) return;
      setSessionId(null);
      if (outcome.ok) {
        if (outcome.entry === undefined) return;
        useActivityStore.getState().upsert(outcome.entry);
        onSent(outcome.entry);
      } else {
        setError(errorText(errorFromPayload(outcome.error)));
        setBusy(null);
      }
    });
  }, [sessionId, onSent]);

  useEffect(() => {
    if (session?.state !== 'cancelled' && session?.state !== 'expired') return;
    setSessionId(null);
    setBusy(null);
    setError('Not sent: the transfer was not confirmed in the secure window.');
  }, [session?.state]);

  async function confirm() {
    if (expired) return reprepare(review.fee.tier);
    setBusy('confirm');
    setError(null);
    try {
      const view = await call('send.confirm', { reviewId: review.reviewId });
      recordSecureSession(view);
      setSessionId(view.sessionId);
    } catch (e) {
      setError(errorText(e));
      setBusy(null);
    }
  }

  return (
    <section className="card review" aria-labelledby="review-title" aria-busy={busy !== null}>
      <header className="review__header">
        <h2 id="review-title" ref={headingRef} tabIndex={-1} className="review__title">
          Review transfer
        </h2>
        <p className="review__lead">Check every line. Nothing is signed until you confirm.</p>
      </header>

      <div className="review__hero">
        <span className="review__eyebrow">You send</span>
        <p className="review__amount num" data-review="amount">
          {exactAmount(review.amount, asset.decimals)} <span className="review__symbol">{asset.symbol}</span>
        </p>
        <p className="review__usd num">{amountUsd !== null ? `≈ ${formatUsd(amountUsd)}` : '\u00a0'}</p>
      </div>

      <dl className="review__details">
        <div className="review__line">
          <dt>From</dt>
          <dd>
            <span className="review__strong">{accountLabel}</span>
            <FullAddress address={review.from} />
          </dd>
        </div>
        <div className="review__line">
          <dt>To</dt>
          <dd data-review="to">
            <FullAddress address={review.to} />
            {firstTime ? <span className="review__note">First transfer to this address: check it character by character.</span> : null}
          </dd>
        </div>
        <div className="review__line">
          <dt>Network</dt>
          <dd data-review="network">
            <span className="review__strong">{chainName}</span>
            <span className="review__sub">{review.chain.startsWith('eip155:') ? `Chain ID ${review.chain.slice(7)}` : review.chain}</span>
          </dd>
        </div>
        <div className="review__line">
          <dt>
            Network fee <span className="review__qualifier">(max)</span>
          </dt>
          <dd data-review="fee">
            <span className="review__strong num">
              {exactAmount(fee.amount, fee.feeAsset.decimals)} {fee.feeAsset.symbol}
            </span>
            <span className="review__sub num">{feeUsd !== null ? `≈ ${formatUsd(feeUsd, feeUsd.startsWith('0.00') ? 4 : 2)} · ` : ''}usually less</span>
            <fieldset className="review__tiers">
              <legend className="sr-only">Fee speed</legend>
              {TIERS.map((tier) => (
                <label key={tier} className="chip-radio">
                  <input
                    type="radio"
                    name="review-tier"
                    value={tier}
                    checked={fee.tier === tier}
                    disabled={busy !== null}
                    onChange={() => void reprepare(tier)}
                  />
                  <span>
                    {TIER_LABELS[tier]} · {exactAmount(review.fees[tier].amount, review.fees[tier].feeAsset.decimals)}
                  </span>
                </label>
              ))}
            </fieldset>
          </dd>
        </div>
        <div className="review__line review__line--total">
          <dt>
            Total <span className="review__qualifier">(max)</span>
          </dt>
          <dd data-review="total">
            {sameAsset && review.total !== null ? (
              <span className="review__strong num">
                {exactAmount(review.total, asset.decimals)} {asset.symbol}
              </span>
            ) : (
              <span className="review__strong num">
                {exactAmount(review.amount, asset.decimals)} {asset.symbol} + {exactAmount(fee.amount, fee.feeAsset.decimals)} {fee.feeAsset.symbol}
              </span>
            )}
            {amountUsd !== null && feeUsd !== null ? <span className="review__sub num">≈ {formatUsd(sumDecimals([amountUsd, feeUsd]))}</span> : null}
          </dd>
        </div>
      </dl>

      {expired ? (
        <p className="notice review__expired" role="status">
          <AlertIcon /> This review is out of date: fees move with the network. Update it to see the current fee.
        </p>
      ) : null}
      <FormMessage
        error={error}
        status={
          busy === 'confirm'
            ? session?.state === 'consumed'
              ? 'Signing and sending…'
              : 'Confirm this transfer in the secure window.'
            : busy === 'reprepare'
              ? 'Updating the fee…'
              : null
        }
        statusTone="progress"
      />
      <div className="actions actions--split">
        {sessionId !== null && session?.state === 'open' ? (
          <Button onClick={() => void cancelSecureSession(sessionId)}>Cancel</Button>
        ) : (
          <Button icon={<ArrowLeftIcon />} onClick={onEdit} disabled={busy !== null}>
            Edit
          </Button>
        )}
        <Button variant="primary" size="lg" onClick={() => void confirm()} busy={busy === 'confirm'} busyText="Waiting…" disabled={busy !== null}>
          {expired ? 'Update review' : 'Confirm and send'}
        </Button>
      </div>
    </section>
  );
}
