import { useEffect, useRef, useState } from 'react';
import type { Route } from '../../../../shared/domain/route';
import type { Transfer } from '../../../../shared/domain/transferRecord';
import { Button } from '../../components/Button';
import { FormMessage } from '../../components/FormMessage';
import { ArrowLeftIcon, ShieldIcon } from '../../components/icons';
import { recordSecureSession, useSecureSession } from '../../app/secureSession';
import { call, on } from '../../ipc/client';
import { errorFromPayload } from '../../ipc/clientError';
import { errorCode, errorText } from '../../ipc/errorText';
import { exactAmount } from '../../lib/amountDisplay';
import { formatUsd, usdValueOf } from '../../lib/usd';
import { lossPercentText, routeLossBps } from '../../../../shared/routing/valueLostGuard';
import { RouteAddress } from './RouteAddress';
import { RouteLoss, routeLossLevel } from './RouteLoss';
import { bpsText, durationText, feeLabel, routeAssetIn, routeAssetOut, routeSummary, tokenAmount, totalFeesUsd, usdText, type ChainNamer } from './routeText';
import { RouteWarnings } from './RouteWarnings';
import { signingPlan } from './signingPlan';

interface SwapReviewProps {
  route: Route;
  accountId: string;
  accountLabel: string;
  fromAddress: string | null;
  toAddress: string | null;
  slippagePercent: number;
  chainName: ChainNamer;
  priceOf(chain: string, ref: string): string | null;
  onEdit(): void;
  /** the quote expired (or was used): back to the routes, quoting again */
  onRequote(): void;
  onStarted(transfer: Transfer): void;
}

/**
 * The one review before a cross-chain transfer: what leaves, what arrives at least, every fee, the time it should
 * take, and what the vault will sign. One button asks main to start it (`transfers.start` with the route's id): main
 * checks it, the secure window shows main's own copy of the route and gives the confirmation, and the started transfer
 * comes back as a `confirmation.outcome` event; main runs every step after that.
 */
export function SwapReview({ route, accountId, accountLabel, fromAddress, toAddress, slippagePercent, chainName, priceOf, onEdit, onRequote, onStarted }: SwapReviewProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [expired, setExpired] = useState(false);
  // A route losing more than 15% starts only with this exact loss accepted here (main checks it again).
  const refused = routeLossLevel(route) === 'refused';
  const lossBps = routeLossBps(route);
  const [accepted, setAccepted] = useState(false);
  /** the secure window's confirmation session, while it is open */
  const [sessionId, setSessionId] = useState<string | null>(null);
  const session = useSecureSession(sessionId);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const assetIn = routeAssetIn(route);
  const assetOut = routeAssetOut(route);
  const first = route.steps[0];
  const last = route.steps[route.steps.length - 1];
  const inPrice = priceOf(assetIn.chain, assetIn.ref);
  const outPrice = priceOf(assetOut.chain, assetOut.ref);
  const fees = totalFeesUsd(route);

  useEffect(() => {
    if (sessionId === null) return undefined;
    return on('confirmation.outcome', (outcome) => {
      if (outcome.sessionId !== sessionId) return;
      setSessionId(null);
      if (outcome.ok) {
        if (outcome.transfer !== undefined) onStarted(outcome.transfer);
      } else {
        fail(errorFromPayload(outcome.error));
      }
    });
  });

  useEffect(() => {
    if (session?.state !== 'cancelled' && session?.state !== 'expired') return;
    setSessionId(null);
    setBusy(false);
    setError('Not started: the transfer was not confirmed in the secure window.');
  }, [session?.state]);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      const acceptance = refused && accepted ? { acceptedLossBps: lossBps } : {};
      const view = await call('transfers.start', { routeId: route.id, accountId, ...acceptance });
      recordSecureSession(view);
      setSessionId(view.sessionId);
    } catch (e) {
      fail(e);
    }
  }

  function fail(e: unknown) {
    const code = errorCode(e);
    // Both mean this quote can no longer start: offer a fresh search.
    if (code === 'QUOTE_EXPIRED' || code === 'QUOTE_CHANGED') setExpired(true);
    setError(
      errorText(e, {
        QUOTE_EXPIRED: 'This quote has expired or was already used. Find routes again for a fresh quote; nothing was sent.',
        QUOTE_CHANGED: 'The quote changed since you opened this review (prices move). Nothing was sent: find routes again.',
        PRICE_IMPACT_TOO_HIGH: `This route loses ${lossPercentText(lossBps)}% of what you send. Nothing was sent: accept that loss below, or pick another route or a smaller amount.`,
        INSUFFICIENT_FUNDS: `Not enough ${assetIn.symbol} on ${chainName(assetIn.chain)} for this amount plus the route’s fees. Nothing was sent.`,
      }),
    );
    setBusy(false);
  }

  return (
    <section className="card review swap-review" aria-labelledby="swap-review-title" aria-busy={busy}>
      <header className="review__header">
        <h2 id="swap-review-title" ref={headingRef} tabIndex={-1} className="review__title">
          Review cross-chain transfer
        </h2>
        <p className="review__lead">One confirmation runs every step below. Nothing is signed until you confirm.</p>
      </header>

      <div className="swap-review__hero">
        <div className="swap-review__side">
          <span className="review__eyebrow">You send</span>
          <p className="swap-review__amount num" data-review="amount-in">
            {exactAmount(route.amountIn, assetIn.decimals)} <span className="review__symbol">{assetIn.symbol}</span>
          </p>
          <p className="review__usd num">
            on {chainName(assetIn.chain)}
            {inPrice ? ` · ≈ ${formatUsd(usdValueOf(BigInt(route.amountIn), assetIn.decimals, inPrice))}` : ''}
          </p>
        </div>
        <span className="swap-review__arrow" aria-hidden="true">
          →
        </span>
        <div className="swap-review__side">
          <span className="review__eyebrow">You receive about</span>
          <p className="swap-review__amount num" data-review="amount-out">
            {tokenAmount(route.amountOut, assetOut).replace(` ${assetOut.symbol}`, '')} <span className="review__symbol">{assetOut.symbol}</span>
          </p>
          <p className="review__usd num">
            on {chainName(assetOut.chain)}
            {outPrice ? ` · ≈ ${formatUsd(usdValueOf(BigInt(route.amountOut), assetOut.decimals, outPrice))}` : ''}
          </p>
        </div>
      </div>

      <dl className="review__details">
        <div className="review__line review__line--total">
          <dt>Minimum received</dt>
          <dd data-review="min-out">
            <span className="review__strong num">
              {exactAmount(route.minAmountOut, assetOut.decimals)} {assetOut.symbol}
            </span>
            <span className="review__sub">With {slippagePercent}% slippage tolerance per step. Less than this and the step is not sent.</span>
          </dd>
        </div>
        <div className="review__line">
          <dt>Route</dt>
          <dd data-review="route">
            <span className="review__strong">{routeSummary(route)}</span>
            <span className="review__sub">
              {route.steps.length} step{route.steps.length === 1 ? '' : 's'} · {durationText(route.etaSeconds)} · price impact {bpsText(route.priceImpactBps)}
            </span>
          </dd>
        </div>
        <div className="review__line">
          <dt>Value lost</dt>
          <dd data-review="value-lost">
            <span className="review__strong">
              <RouteLoss route={route} />
            </span>
            <span className="review__sub">What you send minus the least you receive, in USD: fees, price impact and slippage together. Price impact {bpsText(route.priceImpactBps)}.</span>
          </dd>
        </div>
        <div className="review__line">
          <dt>Fees</dt>
          <dd data-review="fees">
            <span className="review__strong num">{fees !== null ? usdText(fees) : 'Not priced'}</span>
            <ul className="swap-review__fees">
              {route.fees.map((fee, i) => (
                <li key={i} className="num">
                  {feeLabel(fee)} on {chainName(fee.chain)}: {tokenAmount(fee.amount, fee.asset, 8)} <span className="muted">· {usdText(fee.usd)}</span>
                </li>
              ))}
            </ul>
          </dd>
        </div>
        <div className="review__line">
          <dt>From</dt>
          <dd>
            <span className="review__strong">
              {accountLabel} on {first ? chainName(first.fromChain) : ''}
            </span>
            {fromAddress ? <RouteAddress address={fromAddress} /> : null}
          </dd>
        </div>
        <div className="review__line">
          <dt>To</dt>
          <dd>
            <span className="review__strong">
              The same account on {last ? chainName(last.toChain) : ''}
            </span>
            {toAddress ? <RouteAddress address={toAddress} /> : null}
          </dd>
        </div>
        <div className="review__line">
          <dt>Estimated time</dt>
          <dd data-review="eta">
            <span className="review__strong">{durationText(route.etaSeconds)}</span>
          </dd>
        </div>
      </dl>

      <div className="signing-plan">
        <h3 className="signing-plan__title">
          <ShieldIcon /> What Strata will sign with this account
        </h3>
        <ol className="signing-plan__list">
          {signingPlan(route, chainName).map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ol>
        <p className="signing-plan__note">Approvals are for the exact amount of their step, never unlimited. You confirm once; every later step is signed as the previous one lands.</p>
      </div>

      <RouteWarnings warnings={route.warnings} />

      {refused ? (
        <label className="review__accept-loss" data-review="accept-loss">
          <input type="checkbox" checked={accepted} onChange={(e) => setAccepted(e.target.checked)} disabled={busy || expired} />
          <span>
            I accept losing {lossPercentText(lossBps)}%{route.valueLostUsd != null ? ` ($${route.valueLostUsd})` : ''} of the value I send on this route.
          </span>
        </label>
      ) : null}

      <FormMessage error={error} status={busy ? (sessionId !== null && session?.state === 'open' ? 'Confirm this transfer in the secure window.' : 'Checking your balance and starting…') : null} statusTone="progress" />
      <div className="actions actions--split">
        <Button icon={<ArrowLeftIcon />} onClick={onEdit} disabled={busy}>
          Back to routes
        </Button>
        {expired ? (
          <Button variant="primary" size="lg" onClick={onRequote}>
            Find routes again
          </Button>
        ) : (
          <Button variant="primary" size="lg" onClick={() => void confirm()} busy={busy} busyText="Starting…">
            Confirm and start
          </Button>
        )}
      </div>
    </section>
  );
}
