import type { SendConfirmation } from '../../../shared/ipc/secureContract';
import { Button } from '../components/Button';
import { FormMessage } from '../components/FormMessage';
import { TextField } from '../components/TextField';
import { exactAmount } from '../lib/numberFormat';
import { DoneView } from './DoneView';
import { useSecureConfirmation } from './useSecureConfirmation';

/**
 * The trusted confirmation of a send: main's own review of the transaction it will sign (the app window cannot
 * change a word of it), and the only place a send can be confirmed. A first-time recipient needs the password.
 */
export function ConfirmSendView({ send, onClose }: { send: SendConfirmation; onClose(): void }) {
  const { password, setPassword, busy, error, setError, done, headingRef, submit } = useSecureConfirmation(send.passwordRequired);

  if (done) return <DoneView title="Confirmed" text="The transfer is signed and sent. Return to the Strata window to follow it." onClose={onClose} />;

  const sameAsset = send.asset.ref === send.feeAsset.ref;
  return (
    <form className="secure__content" onSubmit={submit} noValidate aria-labelledby="confirm-send-title">
      <h1 id="confirm-send-title" ref={headingRef} tabIndex={-1} className="secure__title">
        Confirm this transfer
      </h1>
      <p className="secure__lead">This is what Strata will sign. Check it against what you meant to send.</p>
      <dl className="secure__review">
        <dt>You send</dt>
        <dd data-confirm="amount">
          {exactAmount(send.amount, send.asset.decimals)} {send.asset.symbol}
        </dd>
        <dt>To</dt>
        <dd data-confirm="to">
          <code>{send.to}</code>
          {send.firstTimeRecipient ? <span className="secure__note">You have never sent to this address.</span> : null}
        </dd>
        <dt>From</dt>
        <dd data-confirm="from">
          {send.accountLabel} <code>{send.from}</code>
        </dd>
        <dt>Network</dt>
        <dd data-confirm="network">
          {send.chainName} ({send.chain})
        </dd>
        {send.asset.ref !== 'native' ? (
          <>
            <dt>Token contract</dt>
            <dd data-confirm="token">
              <code>{send.asset.ref}</code>
            </dd>
          </>
        ) : null}
        <dt>Network fee (max)</dt>
        <dd data-confirm="fee">
          {exactAmount(send.maxFee, send.feeAsset.decimals)} {send.feeAsset.symbol}
        </dd>
        {sameAsset ? (
          <>
            <dt>Total (max)</dt>
            <dd data-confirm="total">
              {exactAmount((BigInt(send.amount) + BigInt(send.maxFee)).toString(), send.asset.decimals)} {send.asset.symbol}
            </dd>
          </>
        ) : null}
      </dl>
      {send.passwordRequired ? (
        <TextField
          label="Password"
          type="password"
          value={password}
          onChange={(e) => {
            setPassword(e.target.value);
            setError(null);
          }}
          autoComplete="current-password"
          hint="Needed for a first transfer to an address."
        />
      ) : null}
      <FormMessage error={error} />
      <div className="actions">
        <Button type="submit" variant="primary" size="lg" busy={busy} busyText="Signing…">
          Confirm and send
        </Button>
      </div>
    </form>
  );
}
