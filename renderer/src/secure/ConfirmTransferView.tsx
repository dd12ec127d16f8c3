import { providerLabel } from '../../../shared/domain/stepProviders';
import type { TransferConfirmation } from '../../../shared/ipc/secureContract';
import { Button } from '../components/Button';
import { FormMessage } from '../components/FormMessage';
import { TextField } from '../components/TextField';
import { exactAmount, percentOfBps, usdText } from '../lib/numberFormat';
import { DoneView } from './DoneView';
import { useSecureConfirmation } from './useSecureConfirmation';

/**
 * The trusted confirmation of a cross-chain transfer: main's kept quote of every step it will sign (the app window
 * cannot change it), and the only place the transfer can be started.
 */
export function ConfirmTransferView({ transfer, onClose }: { transfer: TransferConfirmation; onClose(): void }) {
  const { password, setPassword, busy, error, done, headingRef, submit } = useSecureConfirmation(transfer.passwordRequired);

  if (done) return <DoneView title="Confirmed" text="The transfer has started. Return to the Strata window to follow it." onClose={onClose} />;

  const first = transfer.steps[0]!;
  const last = transfer.steps[transfer.steps.length - 1]!;
  return (
    <form className="secure__content" onSubmit={submit} noValidate aria-labelledby="confirm-transfer-title">
      <h1 id="confirm-transfer-title" ref={headingRef} tabIndex={-1} className="secure__title">
        Confirm this transfer
      </h1>
      <p className="secure__lead">This is what Strata will sign, step by step. Check it against what you meant to do.</p>
      <dl className="secure__review">
        <dt>You send</dt>
        <dd data-confirm="amount">
          {exactAmount(transfer.amountIn, first.assetIn.decimals)} {first.assetIn.symbol}
        </dd>
        <dt>You receive at least</dt>
        <dd data-confirm="min-out">
          {exactAmount(transfer.minAmountOut, last.assetOut.decimals)} {last.assetOut.symbol}
        </dd>
        <dt>From</dt>
        <dd>{transfer.accountLabel}</dd>
        <dt>Price impact</dt>
        <dd data-confirm="impact">{percentOfBps(transfer.priceImpactBps)}</dd>
        <dt>Fees</dt>
        <dd data-confirm="fees">{transfer.totalFeesUsd !== null ? usdText(transfer.totalFeesUsd) : 'not priced'}</dd>
      </dl>
      <ol className="secure__steps" aria-label="Steps">
        {transfer.steps.map((step, i) => (
          <li key={i} data-confirm-step={i}>
            {step.kind === 'swap' ? 'Swap' : 'Bridge'} on {providerLabel(step.provider)}: {exactAmount(step.amountIn, step.assetIn.decimals)}{' '}
            {step.assetIn.symbol} ({step.fromChain}) → at least {exactAmount(step.minAmountOut, step.assetOut.decimals)} {step.assetOut.symbol} ({step.toChain})
            {step.assetIn.ref !== 'native' && step.fromChain.startsWith('eip155:') ? (
              <span className="secure__note">
                Approves exactly {exactAmount(step.amountIn, step.assetIn.decimals)} {step.assetIn.symbol} (<code>{step.assetIn.ref}</code>)
              </span>
            ) : null}
            {step.fees.map((fee, j) => (
              <span key={j} className="secure__note">
                {fee.kind} fee: {exactAmount(fee.amount, fee.asset.decimals)} {fee.asset.symbol}
              </span>
            ))}
          </li>
        ))}
      </ol>
      {transfer.passwordRequired ? (
        <TextField label="Password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" />
      ) : null}
      <FormMessage error={error} />
      <div className="actions">
        <Button type="submit" variant="primary" size="lg" busy={busy} busyText="Starting…">
          Confirm and start
        </Button>
      </div>
    </form>
  );
}
