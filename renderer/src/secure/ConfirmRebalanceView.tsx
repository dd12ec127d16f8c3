import type { RebalanceConfirmation } from '../../../shared/ipc/secureContract';
import { Button } from '../components/Button';
import { FormMessage } from '../components/FormMessage';
import { TextField } from '../components/TextField';
import { exactAmount } from '../lib/numberFormat';
import { DoneView } from './DoneView';
import { useSecureConfirmation } from './useSecureConfirmation';

/**
 * The trusted confirmation of a rebalancing plan: main's kept plan (every trade it will run, what it sells and buys,
 * the minimum received, fees, price impact and the total cost), and the only place the plan can be started.
 */
export function ConfirmRebalanceView({ rebalance, onClose }: { rebalance: RebalanceConfirmation; onClose(): void }) {
  const { password, setPassword, busy, error, done, headingRef, submit } = useSecureConfirmation(rebalance.passwordRequired);

  if (done) return <DoneView title="Confirmed" text="The rebalancing has started. Return to the Strata window to follow it." onClose={onClose} />;

  const count = rebalance.trades.length;
  return (
    <form className="secure__content" onSubmit={submit} noValidate aria-labelledby="confirm-rebalance-title">
      <h1 id="confirm-rebalance-title" ref={headingRef} tabIndex={-1} className="secure__title">
        Confirm this rebalancing
      </h1>
      <p className="secure__lead">
        Strata will run {count} {count === 1 ? 'trade' : 'trades'}, one after the other. Check them against what you meant to do.
      </p>
      {rebalance.alreadyStarted > 0 ? (
        <p className="secure__note" data-confirm="already-started">
          {rebalance.alreadyStarted} of them already started; only the others are signed now.
        </p>
      ) : null}
      <ol className="secure__steps" aria-label="Trades">
        {rebalance.trades.map((trade, i) => {
          const first = trade.steps[0]!;
          const last = trade.steps[trade.steps.length - 1]!;
          return (
            <li key={i} data-confirm-trade={i}>
              <span data-confirm="trade">
                Sell {exactAmount(trade.amountIn, first.assetIn.decimals)} {first.assetIn.symbol} ({first.fromChain}) → buy at least{' '}
                {exactAmount(trade.minAmountOut, last.assetOut.decimals)} {last.assetOut.symbol} ({last.toChain})
              </span>
              <span className="secure__note">From {trade.accountLabel}, worth ${trade.usd}</span>
              <span className="secure__note">
                Route: {trade.steps.map((s) => `${s.kind === 'swap' ? 'swap' : 'bridge'} on ${s.provider}`).join(', then ')}
              </span>
              {trade.steps
                .filter((s) => s.assetIn.ref !== 'native' && s.fromChain.startsWith('eip155:'))
                .map((s, j) => (
                  <span key={`a${j}`} className="secure__note">
                    Approves exactly {exactAmount(s.amountIn, s.assetIn.decimals)} {s.assetIn.symbol} (<code>{s.assetIn.ref}</code>)
                  </span>
                ))}
              <span className="secure__note">
                Price impact {(trade.priceImpactBps / 100).toFixed(2)}% · fees {trade.feesUsd !== null ? `$${trade.feesUsd}` : 'not priced'}
              </span>
            </li>
          );
        })}
      </ol>
      <dl className="secure__review">
        <dt>Total cost</dt>
        <dd data-confirm="total-cost">{rebalance.totalCostUsd !== null ? `$${rebalance.totalCostUsd}` : 'not priced'}</dd>
      </dl>
      {rebalance.passwordRequired ? (
        <TextField label="Password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" />
      ) : null}
      <FormMessage error={error} />
      <div className="actions">
        <Button type="submit" variant="primary" size="lg" busy={busy} busyText="Starting…">
          Confirm and rebalance
        </Button>
      </div>
    </form>
  );
}
