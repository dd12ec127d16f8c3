import { useEffect, useRef, useState } from 'react';
import type { RouteStep } from '../../../../shared/domain/route';
import type { FailureAction, StepRecord, Transfer } from '../../../../shared/domain/transferRecord';
import { txHashText } from '../../../../shared/domain/txHashText';
import { Button } from '../../components/Button';
import { CheckIcon, ClockIcon, CrossIcon } from '../../components/icons';
import { ProgressBar } from '../../components/ProgressBar';
import { Spinner } from '../../components/Spinner';
import { call } from '../../ipc/client';
import { errorText } from '../../ipc/errorText';
import { truncateMiddle } from '../../lib/format';
import { exactTime } from '../../lib/relativeTime';
import { useNow } from '../../lib/useNow';
import { useTransfersStore } from '../../stores/transfersStore';
import {
  clockText,
  durationText,
  routeAssetIn,
  routeAssetOut,
  STEP_STATE_LABELS,
  stepDone,
  stepTitle,
  stepVia,
  tokenAmount,
  TRANSFER_STATUS_LABELS,
  type ChainNamer,
} from './routeText';

const ACTION_TEXT: Record<FailureAction, string> = {
  retry: 'Nothing more happens on its own. Find a route again to retry from where the funds are now.',
  // A bridge names where a pending refund reappears (the sender on the source chain), never the escrow holding it.
  'refund-pending': 'The bridge is returning the funds by itself: no action is needed; they reappear with the sender, on the chain named above.',
  'contact-support': 'This needs a person: keep the transaction hashes below and contact support.',
  none: 'Nothing to do.',
};

/** How long a step has been running (or ran), in ms; null before it started. */
function elapsedMs(record: StepRecord, step: RouteStep, now: number): number | null {
  if (record.startedAt === null) return null;
  const end = stepDone(record, step) ? record.updatedAt : now;
  return Math.max(0, end - record.startedAt);
}

/** One sentence for the live region: the status of the transfer, or of the step now running. */
function announcement(transfer: Transfer, chainName: ChainNamer): string {
  if (transfer.status === 'completed') {
    const lastRecord = transfer.steps[transfer.steps.length - 1];
    const out = routeAssetOut(transfer.route);
    return `Completed: ${lastRecord?.amountOut ? tokenAmount(lastRecord.amountOut, out) : out.symbol} arrived on ${chainName(out.chain)}.`;
  }
  if (transfer.status !== 'running') return `${TRANSFER_STATUS_LABELS[transfer.status]}.`;
  const index = transfer.steps.findIndex((r, i) => {
    const step = transfer.route.steps[i];
    return step !== undefined && !stepDone(r, step);
  });
  const record = transfer.steps[index];
  const step = transfer.route.steps[index];
  if (!record || !step) return 'In progress.';
  return `Step ${index + 1} of ${transfer.steps.length}: ${stepTitle(step, chainName)}, ${STEP_STATE_LABELS[record.state].toLowerCase()}${record.delayed ? ', delayed' : ''}.`;
}

function StepIcon({ record, step, index }: { record: StepRecord; step: RouteStep; index: number }) {
  if (record.state === 'failed') return <CrossIcon />;
  if (stepDone(record, step)) return <CheckIcon />;
  if (record.state === 'pending') return <span>{index + 1}</span>;
  return <Spinner />;
}

function StepRow({ record, step, index, now, chainName }: { record: StepRecord; step: RouteStep; index: number; now: number; chainName: ChainNamer }) {
  const done = stepDone(record, step);
  const elapsed = elapsedMs(record, step, now);
  const expectedMs = Math.max(step.etaSeconds, 1) * 1000;
  // The journal's word (delayed) counts as soon as it comes; our own clock may only tick a second later.
  const late = !done && (record.delayed || (elapsed !== null && elapsed > expectedMs));
  const out = record.amountOut ?? (done ? null : step.amountOut);
  return (
    <li className={`progress-step progress-step--${record.state}${record.delayed && !done ? ' progress-step--delayed' : ''}`} data-step-state={record.state} data-delayed={String(record.delayed)}>
      <span className="progress-step__icon" aria-hidden="true">
        <StepIcon record={record} step={step} index={index} />
      </span>
      <div className="progress-step__body">
        <div className="progress-step__top">
          <p className="progress-step__title">
            {stepTitle(step, chainName)} <span className="leg__via">{stepVia(step)}</span>
          </p>
          <span className="progress-step__state">
            {STEP_STATE_LABELS[record.state]}
            {record.delayed && !done ? <span className="delayed-tag">Delayed</span> : null}
          </span>
        </div>
        <p className="progress-step__amounts num">
          {tokenAmount(record.amountIn, step.assetIn)} → {out !== null ? `${record.amountOut === null ? '≈ ' : ''}${tokenAmount(out, step.assetOut)}` : step.assetOut.symbol}
        </p>
        {elapsed !== null ? (
          <div className="progress-step__time">
            <ProgressBar value={done ? expectedMs : Math.min(elapsed, expectedMs)} max={expectedMs} label={`Step ${index + 1} time`} className={done ? 'progress--done' : late ? 'progress--late' : undefined} />
            <span className="num" data-step="elapsed">
              {done ? `Took ${elapsed < 1000 ? 'under a second' : clockText(elapsed)}` : clockText(elapsed)}{' '}
              <span className="muted">{done ? `· expected ${durationText(step.etaSeconds)}` : `of ${durationText(step.etaSeconds)} expected`}</span>
            </span>
          </div>
        ) : (
          <p className="progress-step__expected muted">Expected {durationText(step.etaSeconds)}</p>
        )}
        {record.delayed && !done ? (
          <p className="progress-step__delayed" data-step="delayed">
            <ClockIcon />
            <span>Taking longer than expected. {step.kind === 'bridge' ? 'The funds are in the bridge; ' : ''}Strata keeps watching and goes on by itself.</span>
          </p>
        ) : null}
        {record.delayed && !done && record.note ? (
          <p className="progress-step__note muted" data-step="note">
            {record.note}
          </p>
        ) : null}
        {record.failure ? (
          <div className="progress-step__failure" role="alert">
            <p className="progress-step__failure-title">{record.failure.message}</p>
            <p>
              <strong>Where the funds are:</strong> <span data-step="funds-at">{record.failure.summary}</span>
            </p>
            <p>
              <strong>What to do:</strong> {ACTION_TEXT[record.failure.action]}
            </p>
          </div>
        ) : null}
        {record.calls.length > 0 ? (
          <ul className="progress-step__calls" aria-label={`Transactions of step ${index + 1}`}>
            {record.calls.map((c) => (
              <li key={c.hash}>
                <span className="progress-step__call-label">{c.label}</span>{' '}
                <code className="mono" title={txHashText(c.chain, c.hash)}>
                  {truncateMiddle(txHashText(c.chain, c.hash), 10, 8)}
                </code>{' '}
                <span className="muted">{c.state}</span>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </li>
  );
}

/**
 * Live progress of one cross-chain transfer: each step's state, elapsed against expected time, "delayed" when the
 * journal says so, and on failure where the funds are and what to do. Kept current by `transfers.changed` (through
 * the store); read once with `transfers.get` on open.
 */
export function TransferProgress({ transferId, chainName, onNew }: { transferId: string; chainName: ChainNamer; onNew(): void }) {
  const transfer = useTransfersStore((s) => s.transfers?.find((t) => t.id === transferId) ?? null);
  const [error, setError] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const now = useNow(1000);

  useEffect(() => {
    headingRef.current?.focus();
    let live = true;
    call('transfers.get', { id: transferId })
      .then((t) => useTransfersStore.getState().upsert(t))
      .catch((e: unknown) => {
        if (live) setError(errorText(e));
      });
    return () => {
      live = false;
    };
  }, [transferId]);

  const assetIn = transfer ? routeAssetIn(transfer.route) : null;
  const assetOut = transfer ? routeAssetOut(transfer.route) : null;
  const finished = transfer ? transfer.steps.filter((r, i) => transfer.route.steps[i] && stepDone(r, transfer.route.steps[i] as RouteStep)).length : 0;
  const lastRecord = transfer?.steps[transfer.steps.length - 1];

  return (
    <section className="card transfer-progress" aria-labelledby="transfer-progress-title" data-status={transfer?.status ?? 'loading'} data-transfer-id={transferId}>
      <header className="transfer-progress__header">
        <div>
          <h2 id="transfer-progress-title" ref={headingRef} tabIndex={-1} className="review__title">
            {transfer && assetIn && assetOut
              ? `${tokenAmount(transfer.route.amountIn, assetIn)} → ${assetOut.symbol} on ${chainName(assetOut.chain)}`
              : 'Cross-chain transfer'}
          </h2>
          {transfer ? <p className="review__lead">Started {exactTime(transfer.createdAt)}</p> : null}
        </div>
        {transfer ? (
          <span className={`transfer-status transfer-status--${transfer.status}`} data-status={transfer.status}>
            {transfer.status === 'running' ? <Spinner /> : transfer.status === 'completed' ? <CheckIcon /> : <CrossIcon />}
            {TRANSFER_STATUS_LABELS[transfer.status]}
          </span>
        ) : null}
      </header>
      <p className="sr-only" aria-live="polite" aria-atomic="true">
        {transfer ? announcement(transfer, chainName) : ''}
      </p>
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      {transfer ? (
        <>
          <ProgressBar value={finished} max={transfer.steps.length} label="Steps finished" className="transfer-progress__bar" />
          <ol className="progress-steps" aria-label="Steps">
            {transfer.steps.map((record, i) => {
              const step = transfer.route.steps[i];
              return step ? <StepRow key={i} record={record} step={step} index={i} now={now} chainName={chainName} /> : null;
            })}
          </ol>
          {transfer.status === 'completed' && assetOut && lastRecord?.amountOut ? (
            <p className="transfer-progress__done" data-received={lastRecord.amountOut}>
              <CheckIcon />
              <span className="transfer-progress__received">
                {tokenAmount(lastRecord.amountOut, assetOut)} arrived on {chainName(assetOut.chain)}
                <span className="muted"> (minimum was {tokenAmount(transfer.route.minAmountOut, assetOut)})</span>
              </span>
            </p>
          ) : null}
        </>
      ) : null}
      <div className="actions actions--split">
        <span className="muted small">{transfer?.status === 'running' ? 'You can leave this page: the transfer goes on, and Strata notifies you when it lands.' : ''}</span>
        <Button onClick={onNew}>New swap</Button>
      </div>
    </section>
  );
}

