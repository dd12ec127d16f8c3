import { useEffect, useMemo, useRef, useState } from 'react';
import { formatAmount } from '../../../../shared/amounts';
import { providerLabel } from '../../../../shared/domain/stepProviders';
import type { AssetDrift, PlanTrade, RebalanceExecution, RebalancePlan as Plan } from '../../../../shared/rebalance/rebalanceSchemas';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { Spinner } from '../../components/Spinner';
import { recordSecureSession, useSecureSession } from '../../app/secureSession';
import { call, on } from '../../ipc/client';
import { errorFromPayload } from '../../ipc/clientError';
import { errorCode, errorText } from '../../ipc/errorText';
import { formatUsd, sumDecimals } from '../../lib/usd';
import { useChainsStore } from '../../stores/chainsStore';
import { usePortfolioStore } from '../../stores/portfolioStore';

const STATUS_TEXT: Record<RebalanceExecution['trades'][number]['status'], string> = {
  pending: 'Waiting',
  running: 'Running…',
  completed: 'Done',
  failed: 'Failed',
  'needs-attention': 'Needs attention',
};
/** Planning reads balances and quotes routes: wait for the picked target to settle first. */
const PLAN_DELAY_MS = 600;
/** Execution refusals that a fresh plan answers: the plan is too old or replaced, or its quotes moved. */
const STALE_PLAN: ReadonlySet<string> = new Set(['PLAN_EXPIRED', 'PLAN_NOT_FOUND', 'QUOTE_CHANGED']);

/**
 * The rebalancing plan for a target allocation (weights by the price table's asset keys): each asset's drift against
 * the band, the trades with their routes and fees, the total cost, skipped trades with their reasons, and one
 * "Rebalance" button (one confirmation) with progress per trade. Planned by main (`rebalance.plan`); nothing is
 * signed until the confirmation.
 */
export function RebalancePlan({ weights }: { weights: Readonly<Record<string, number>> | null }) {
  const [plan, setPlan] = useState<Plan | null>(null);
  const [planning, setPlanning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [execution, setExecution] = useState<RebalanceExecution | null>(null);
  const [starting, setStarting] = useState(false);
  /** the secure window's confirmation session, while it is open */
  const [sessionId, setSessionId] = useState<string | null>(null);
  const session = useSecureSession(sessionId);
  // The plan on screen was refused as stale (older than 10 min, replaced, or its quotes moved): offer a new one.
  const [stale, setStale] = useState(false);
  // Bumped by "Make a new plan": plans again for the same target and snapshot.
  const [attempt, setAttempt] = useState(0);
  const chains = useChainsStore((s) => s.byId);
  // Main plans from its last portfolio snapshot (the one this page shows): none yet, no plan.
  const snapshotAt = usePortfolioStore((s) => s.portfolio?.updatedAt ?? null);
  // A stable key: the page hands a new weights object on every recompute, and planning twice for the same target
  // would re-read every balance.
  const key = useMemo(() => {
    const entries = Object.entries(targetWeights(weights));
    return entries.length === 0 ? '' : JSON.stringify(entries.sort());
  }, [weights]);
  const request = useRef(0);
  // A plan being executed stays on screen: a new snapshot (a refresh) must not replace it mid-run.
  const running = useRef(false);
  running.current = execution?.status === 'running' || starting;

  useEffect(() => {
    if (running.current) return;
    if (key === '' || snapshotAt === null) {
      request.current += 1;
      setPlanning(false);
      return;
    }
    const target = Object.fromEntries(JSON.parse(key) as Array<[string, number]>);
    const id = ++request.current;
    setPlanning(true);
    setError(null);
    setStale(false);
    const timer = setTimeout(() => {
      call('rebalance.plan', { target })
        .then((next) => {
          if (id !== request.current) return;
          setPlan(next);
          setExecution(null);
        })
        .catch((e: unknown) => id === request.current && setError(errorText(e)))
        .finally(() => id === request.current && setPlanning(false));
    }, PLAN_DELAY_MS);
    return () => clearTimeout(timer);
  }, [key, snapshotAt, attempt]);

  useEffect(() => on('rebalance.changed', (next) => setExecution((current) => (current && current.planId === next.planId ? next : current))), []);

  async function execute() {
    if (!plan) return;
    setStarting(true);
    try {
      // Saved first: the scheduled drift check and `strata rebalance` follow the target the user rebalanced to.
      await saveRebalanceTarget(Object.fromEntries(JSON.parse(key) as Array<[string, number]>));
      const answer = await call('rebalance.execute', { planId: plan.id });
      setConfirming(false);
      if ('sessionId' in answer) {
        // Main asks the secure window; the plan starts only when the user confirms there (confirmation.outcome).
        recordSecureSession(answer);
        setSessionId(answer.sessionId);
        return;
      }
      setExecution(answer);
      setStarting(false);
    } catch (e) {
      fail(e);
    }
  }

  function fail(e: unknown) {
    setError(errorText(e));
    setStale(STALE_PLAN.has(errorCode(e) ?? ''));
    setConfirming(false);
    setStarting(false);
  }

  useEffect(() => {
    if (sessionId === null) return undefined;
    return on('confirmation.outcome', (outcome) => {
      if (outcome.sessionId !== sessionId) return;
      setSessionId(null);
      if (outcome.ok) {
        if (outcome.execution !== undefined) setExecution(outcome.execution);
        setStarting(false);
      } else {
        fail(errorFromPayload(outcome.error));
      }
    });
  });

  useEffect(() => {
    if (session?.state !== 'cancelled' && session?.state !== 'expired') return;
    setSessionId(null);
    setStarting(false);
    setError('Not started: the rebalancing was not confirmed in the secure window.');
  }, [session?.state]);

  const chainName = (id: string) => chains[id]?.name ?? id;
  const busy = execution?.status === 'running';

  return (
    <section className="card strategy-card rebalance" aria-labelledby="rebalance-title" data-testid="rebalance-plan">
      <div className="strategy-card__head">
        <h2 id="rebalance-title" className="strategy-card__title">Rebalancing plan</h2>
        <span className="strategy__status" role="status" data-testid="rebalance-status">
          {planning ? (
            <>
              <Spinner /> Planning…
            </>
          ) : sessionId !== null ? (
            'Confirm this rebalancing in the secure window.'
          ) : plan ? (
            `${plan.trades.length} ${plan.trades.length === 1 ? 'trade' : 'trades'} · band ±${plan.rules.bandPct} pp`
          ) : null}
        </span>
      </div>
      {error && (
        <p className="strategy__error" role="alert" data-testid="rebalance-error">
          {error}
        </p>
      )}
      {stale && !planning && (
        <div className="actions">
          <Button variant="primary" onClick={() => setAttempt((n) => n + 1)} data-testid="rebalance-replan">
            Make a new plan
          </Button>
        </div>
      )}
      {!plan && !error && (
        <p className="strategy__empty">
          {snapshotAt === null ? 'Refresh the portfolio to see the trades to this target.' : weights ? 'Planning the trades to this target…' : 'Pick a target to see the trades.'}
        </p>
      )}
      {plan && (
        <>
          <DriftChart assets={plan.drift.assets} bandPct={plan.rules.bandPct} />
          {(plan.drift.untracked.length > 0 || plan.drift.unpriced.length > 0) && (
            <p className="strategy__note">
              {plan.drift.untracked.length > 0 && `Not in the target, left alone: ${plan.drift.untracked.join(', ')}. `}
              {plan.drift.unpriced.length > 0 && `No price now, not counted: ${plan.drift.unpriced.join(', ')}.`}
            </p>
          )}
          {plan.trades.length === 0 ? (
            <p className="strategy__empty" data-testid="rebalance-nothing">
              {plan.drift.outOfBand.length === 0 ? `Every asset is within ±${plan.rules.bandPct} pp of its target: nothing to trade.` : 'No trade can be made for the assets outside the band (see below).'}
            </p>
          ) : (
            <ol className="rebalance__trades" data-testid="rebalance-trades">
              {plan.trades.map((trade) => (
                <TradeRow key={trade.index} trade={trade} chainName={chainName} progress={execution?.trades[trade.index]?.status ?? null} />
              ))}
            </ol>
          )}
          {plan.skipped.length > 0 && (
            <div className="rebalance__skipped" data-testid="rebalance-skipped">
              <h3 className="rebalance__subtitle">Skipped</h3>
              <ul>
                {plan.skipped.map((s, i) => (
                  <li key={i} data-reason={s.reason}>
                    {s.message}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {plan.trades.length > 0 && (
            <div className="rebalance__footer">
              <p className="rebalance__total">
                Total cost <strong className="num" data-testid="rebalance-cost">{plan.totalCostUsd === null ? 'unknown' : formatUsd(plan.totalCostUsd)}</strong>
                <span className="rebalance__hint"> at most lost (fees, price impact and slippage) for {formatUsd(sumDecimals(plan.trades.map((t) => t.usd)))} traded</span>
              </p>
              {execution && (
                <p className="rebalance__progress" role="status" aria-live="polite" data-testid="rebalance-progress" data-status={execution.status}>
                  {execution.status === 'completed' ? 'Rebalanced.' : execution.status === 'failed' ? execution.message : execution.status === 'running' ? 'Rebalancing…' : 'Paused: rebalance again to go on.'}
                </p>
              )}
              <Button variant="primary" onClick={() => setConfirming(true)} disabled={planning || stale || busy || sessionId !== null || execution?.status === 'completed' || execution?.status === 'failed'} busy={busy} busyText="Rebalancing…">
                Rebalance
              </Button>
            </div>
          )}
        </>
      )}
      {confirming && plan && (
        <Dialog title="Rebalance now?" description={`${plan.trades.length === 1 ? 'One trade runs' : `${plan.trades.length} trades run one after the other`}, signed with your keys; value lost at most ${plan.totalCostUsd === null ? 'unknown' : formatUsd(plan.totalCostUsd)}. Each swap is protected by its minimum received.`} onClose={() => !starting && setConfirming(false)}>
          <div className="actions">
            <Button variant="ghost" onClick={() => setConfirming(false)} disabled={starting}>
              Cancel
            </Button>
            <Button variant="primary" onClick={() => void execute()} busy={starting} busyText="Starting…">
              Confirm and rebalance
            </Button>
          </div>
        </Dialog>
      )}
    </section>
  );
}

/**
 * The optimizer's weights as a rebalancing target, rounded to 1e-6; dust and float noise (-1e-17) become 0 but stay:
 * a 0% asset is one to sell, not one to leave alone. Empty when no weight is positive.
 */
function targetWeights(weights: Readonly<Record<string, number>> | null): Record<string, number> {
  const entries = Object.entries(weights ?? {}).map(([a, w]) => [a, w > 0.00005 ? Math.min(1, Math.round(w * 1e6) / 1e6) : 0] as const);
  return entries.some(([, w]) => w > 0) ? Object.fromEntries(entries) : {};
}

/** Saves a frontier point's weights as the target the drift check and `strata rebalance` follow. */
export async function saveRebalanceTarget(weights: Readonly<Record<string, number>>): Promise<void> {
  const target = targetWeights(weights);
  if (Object.keys(target).length > 0) await call('rebalance.saveTarget', { weights: target });
}

function TradeRow({ trade, chainName, progress }: { trade: PlanTrade; chainName(id: string): string; progress: RebalanceExecution['trades'][number]['status'] | null }) {
  return (
    <li className="rebalance__trade" data-testid="rebalance-trade" data-status={progress ?? 'planned'}>
      <div className="rebalance__trade-head">
        <span>
          Sell <strong className="num">{formatAmount(BigInt(trade.amountIn), trade.sell.decimals)} {trade.sell.symbol}</strong> on {chainName(trade.sell.chain)} for{' '}
          <strong>{trade.buy.symbol}</strong> on {chainName(trade.buy.chain)}
        </span>
        <span className="num">{formatUsd(trade.usd)}</span>
      </div>
      <div className="rebalance__route">
        {trade.route.steps.map((s, i) => (
          <span key={i} className="rebalance__step">
            {s.kind === 'swap' ? `Swap ${s.assetIn.symbol}→${s.assetOut.symbol}` : `Bridge ${s.assetIn.symbol}`} · {providerLabel(s.provider)}
          </span>
        ))}
        <span className="rebalance__fees">
          fees <span className="num">{trade.feesUsd === null ? 'unknown' : formatUsd(trade.feesUsd)}</span>
          {trade.valueLostUsd !== undefined ? (
            <>
              {' '}
              · value lost up to <span className="num" data-testid="trade-value-lost">{trade.valueLostUsd === null ? 'unknown' : formatUsd(trade.valueLostUsd)}</span>
            </>
          ) : null}{' '}
          · receive ≥{' '}
          <span className="num">{formatAmount(BigInt(trade.route.minAmountOut), trade.buy.decimals)} {trade.buy.symbol}</span>
        </span>
        {progress && <span className={`rebalance__state rebalance__state--${progress}`}>{STATUS_TEXT[progress]}</span>}
      </div>
    </li>
  );
}

/**
 * Drift per asset against the band: bars from the target line, the band shaded (SVG attributes only, for the CSP).
 * Assets at 0% now and 0% in the target are left out.
 */
function DriftChart({ assets, bandPct }: { assets: readonly AssetDrift[]; bandPct: number }) {
  const reach = Math.max(bandPct * 2, 10, ...assets.map((a) => Math.abs(a.driftPct)));
  const x = (pct: number) => 100 + (pct / reach) * 95;
  return (
    <figure className="drift" data-testid="drift-chart">
      <figcaption className="sr-only">Drift of each asset from its target, percentage points; the band is ±{bandPct}</figcaption>
      <table className="drift__table">
        <tbody>
          {assets.filter((a) => a.currentPct !== 0 || a.targetPct !== 0).map((a) => (
            <tr key={a.key} data-asset={a.key} data-out={a.outOfBand}>
              <th scope="row" className="drift__label">{a.symbol}</th>
              <td className="drift__bar-cell">
                <svg className="drift__svg" viewBox="0 0 200 12" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                  <rect className="drift__band" x={x(-bandPct)} y="0" width={x(bandPct) - x(-bandPct)} height="12" />
                  <rect className={a.outOfBand ? 'drift__bar drift__bar--out' : 'drift__bar'} x={Math.min(100, x(a.driftPct))} y="3" width={Math.abs(x(a.driftPct) - 100)} height="6" />
                  <line className="drift__axis" x1="100" x2="100" y1="0" y2="12" />
                </svg>
              </td>
              <td className="drift__value num" data-drift={a.driftPct}>
                {a.driftPct > 0 ? '+' : ''}
                {a.driftPct.toFixed(2)} pp
              </td>
              <td className="drift__detail num">
                {a.currentPct.toFixed(1)}% → {a.targetPct.toFixed(1)}%
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
