import { useId, useRef, useState, type FormEvent } from 'react';
import { parseAmount } from '../../../../shared/amounts';
import { isStrataError } from '../../../../shared/errors';
import type { SendReview } from '../../../../shared/domain/send';
import { Button } from '../../components/Button';
import { FormMessage } from '../../components/FormMessage';
import { TextField } from '../../components/TextField';
import { call } from '../../ipc/client';
import { errorCode, errorText } from '../../ipc/errorText';
import { displayAmount, exactAmount } from '../../lib/amountDisplay';
import { addressOnChain } from '../../lib/chainAddress';
import { truncateAddress } from '../../lib/format';
import { formatUsd, usdValueOf } from '../../lib/usd';
import { useAccountsStore } from '../../stores/accountsStore';
import { useAssetsStore } from '../../stores/assetsStore';
import { useChainsStore } from '../../stores/chainsStore';
import { usePortfolioStore } from '../../stores/portfolioStore';
import { assetsOn, balanceLine, chainsFor, holdingOf, richestChain, sendableAccounts } from './sendOptions';
import { TIER_HINTS, TIER_LABELS, TIERS, type PrepareInput, type SendDraft } from './sendTypes';

/** The fees of the last review, shown under each tier while the same chain and asset are chosen. */
export type KnownFees = { chain: string; asset: string; fees: SendReview['fees'] } | null;

interface SendFormProps {
  draft: SendDraft;
  onChange(draft: SendDraft): void;
  knownFees: KnownFees;
  /** called with the prepared review and the request that made it */
  onReviewed(review: SendReview, request: PrepareInput): void;
}

/**
 * From (account and chain), asset, recipient, amount (with Max) and fee tier. "Review" asks main to validate and
 * price the transfer (`send.prepare`); nothing is signed here. Main checks the recipient and the balance: its
 * errors are shown on the field they concern.
 */
export function SendForm({ draft, onChange, knownFees, onReviewed }: SendFormProps) {
  const accounts = useAccountsStore((s) => s.accounts);
  const chains = useChainsStore((s) => s.chains);
  const byId = useChainsStore((s) => s.byId);
  const assets = useAssetsStore((s) => s.assets);
  const portfolio = usePortfolioStore((s) => s.portfolio);
  const [busy, setBusy] = useState(false);
  const [maxBusy, setMaxBusy] = useState(false);
  const [toError, setToError] = useState<string | null>(null);
  const [amountError, setAmountError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [maxNote, setMaxNote] = useState<string | null>(null);
  const toRef = useRef<HTMLInputElement>(null);
  const amountRef = useRef<HTMLInputElement>(null);
  const ids = { account: useId(), chain: useId(), asset: useId(), amount: useId(), amountHint: useId(), amountError: useId(), balance: useId() };

  const senders = sendableAccounts(accounts);
  const account = senders.find((a) => a.id === draft.accountId);
  const chainOptions = chainsFor(account, chains, byId);
  const chain = byId[draft.chain];
  const assetOptions = assetsOn(chain, assets, portfolio?.holdings.filter((h) => h.accountId === draft.accountId) ?? []);
  const asset = assetOptions.find((a) => a.ref === draft.asset) ?? assetOptions[0];
  const holding = asset ? holdingOf(portfolio, draft.accountId, asset.chain, asset.ref) : null;
  const fromAddress = account && chain ? addressOnChain(account, chain, byId) : null;
  const fees = knownFees && knownFees.chain === draft.chain && knownFees.asset === draft.asset ? knownFees.fees : null;

  function update(patch: Partial<SendDraft>) {
    setError(null);
    setMaxNote(null);
    if ('to' in patch) setToError(null);
    if ('amount' in patch || 'asset' in patch || 'chain' in patch || 'accountId' in patch) setAmountError(null);
    onChange({ ...draft, ...patch });
  }

  function chooseAccount(accountId: string) {
    const next = senders.find((a) => a.id === accountId);
    const nextChains = chainsFor(next, chains, byId);
    const chainId = nextChains.some((c) => c.id === draft.chain) ? draft.chain : (richestChain(portfolio, accountId, nextChains) ?? '');
    update({ accountId, chain: chainId, asset: chainId === draft.chain ? draft.asset : 'native' });
  }

  let usdEstimate: string | null = null;
  if (asset && holding?.usdPrice && draft.amount.trim()) {
    try {
      usdEstimate = usdValueOf(parseAmount(draft.amount, asset.decimals), asset.decimals, holding.usdPrice);
    } catch {
      usdEstimate = null;
    }
  }

  async function fillMax() {
    if (!asset || !chain) return;
    setMaxBusy(true);
    setError(null);
    setAmountError(null);
    try {
      const max = await call('send.max', { accountId: draft.accountId, chain: chain.id, asset: asset.ref, tier: draft.tier });
      onChange({ ...draft, amount: max.formatted });
      setMaxNote(
        max.amount === '0'
          ? `Nothing to send: this account has no ${asset.symbol} to spare on ${chain.name}.`
          : asset.ref === 'native'
            ? `All of it, minus the most the ${TIER_LABELS[draft.tier].toLowerCase()} fee can cost.`
            : `Your whole ${asset.symbol} balance. The fee is paid in ${chain.nativeAsset.symbol}.`,
      );
      amountRef.current?.focus();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setMaxBusy(false);
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy || !asset || !chain || !account) return;
    setError(null);
    const to = draft.to.trim();
    let amountProblem: string | null = null;
    try {
      parseAmount(draft.amount, asset.decimals);
    } catch (e) {
      amountProblem = isStrataError(e) ? `${e.message}.`.replace(/\.\.$/, '.') : 'That amount is not valid.';
    }
    if (!draft.amount.trim()) amountProblem = 'Enter an amount.';
    setToError(to ? null : 'Enter the address to send to.');
    setAmountError(amountProblem);
    if (!to) return toRef.current?.focus();
    if (amountProblem) return amountRef.current?.focus();

    const request: PrepareInput = { accountId: account.id, chain: chain.id, to, asset: asset.ref, amount: draft.amount.trim(), tier: draft.tier };
    setBusy(true);
    try {
      const review = await call('send.prepare', request);
      onReviewed(review, request);
    } catch (e) {
      const code = errorCode(e);
      if (code === 'INVALID_ADDRESS') {
        setToError(errorText(e, { INVALID_ADDRESS: `That is not a valid ${chain.name} address.` }));
        toRef.current?.focus();
      } else if (code === 'INSUFFICIENT_FUNDS') {
        setAmountError(
          errorText(e, {
            INSUFFICIENT_FUNDS:
              asset.ref === 'native'
                ? `Not enough ${asset.symbol}: the amount plus the network fee is more than this account holds on ${chain.name}.`
                : `Not enough funds: check your ${asset.symbol} balance, and that you have ${chain.nativeAsset.symbol} on ${chain.name} for the fee.`,
          }),
        );
        amountRef.current?.focus();
      } else if (code === 'INVALID_AMOUNT') {
        setAmountError(errorText(e));
        amountRef.current?.focus();
      } else {
        setError(errorText(e));
      }
    } finally {
      setBusy(false);
    }
  }

  if (senders.length === 0) {
    return (
      <div className="card empty">
        <h2 className="empty__title">No account can send</h2>
        <p className="empty__text">Watch-only accounts have no key. Add an account or import a key to send funds.</p>
      </div>
    );
  }

  const evmChains = chainOptions.filter((c) => c.family === 'evm');
  const cosmosChains = chainOptions.filter((c) => c.family === 'cosmos');
  const balanceText = balanceLine(asset, holding, portfolio);

  return (
    <form className="send-form card" onSubmit={submit} noValidate aria-labelledby="send-title" aria-busy={busy}>
      <fieldset className="send-form__group">
        <legend className="send-form__legend">From</legend>
        <div className="send-form__row">
          <div className="field">
            <label className="field__label" htmlFor={ids.account}>
              Account
            </label>
            <select id={ids.account} className="input select" value={draft.accountId} onChange={(e) => chooseAccount(e.target.value)} disabled={busy}>
              {senders.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field__label" htmlFor={ids.chain}>
              Network
            </label>
            <select id={ids.chain} className="input select" value={draft.chain} onChange={(e) => update({ chain: e.target.value, asset: 'native' })} disabled={busy}>
              {evmChains.length > 0 ? (
                <optgroup label="EVM networks">
                  {evmChains.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </optgroup>
              ) : null}
              {cosmosChains.length > 0 ? (
                <optgroup label="Cosmos networks">
                  {cosmosChains.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </optgroup>
              ) : null}
            </select>
          </div>
        </div>
        {fromAddress ? (
          <p className="send-form__from" title={fromAddress}>
            <span className="sr-only">Sending from </span>
            <code className="address">{truncateAddress(fromAddress)}</code>
          </p>
        ) : null}
      </fieldset>

      <div className="field">
        <label className="field__label" htmlFor={ids.asset}>
          Asset
        </label>
        <select
          id={ids.asset}
          className="input select"
          value={asset?.ref ?? ''}
          onChange={(e) => update({ asset: e.target.value, amount: '' })}
          disabled={busy}
          aria-describedby={ids.balance}
        >
          {assetOptions.map((a) => (
            <option key={a.ref} value={a.ref}>
              {a.symbol}
              {a.name && a.name !== a.symbol ? ` — ${a.name}` : ''}
            </option>
          ))}
        </select>
        <div id={ids.balance} className="field__hint send-form__balance" title={holding && asset ? `${exactAmount(holding.amount, asset.decimals)} ${asset.symbol}` : undefined}>
          {balanceText}
        </div>
      </div>

      <TextField
        ref={toRef}
        label="To"
        mono
        value={draft.to}
        onChange={(e) => update({ to: e.target.value })}
        placeholder={chain?.family === 'cosmos' ? `${chain.bech32Prefix ?? ''}1…` : '0x…'}
        spellCheck={false}
        autoComplete="off"
        autoCapitalize="off"
        maxLength={128}
        error={toError}
        readOnly={busy}
      />

      <div className="field">
        <div className="field__top">
          <label className="field__label" htmlFor={ids.amount}>
            Amount
          </label>
          <span className="field__aside num" aria-live="polite">
            {usdEstimate !== null ? `≈ ${formatUsd(usdEstimate)}` : ''}
          </span>
        </div>
        <div className="amount-input">
          <input
            ref={amountRef}
            id={ids.amount}
            className="input amount-input__field num"
            inputMode="decimal"
            autoComplete="off"
            spellCheck={false}
            placeholder="0.00"
            value={draft.amount}
            onChange={(e) => update({ amount: e.target.value })}
            aria-invalid={amountError ? true : undefined}
            aria-describedby={[amountError ? ids.amountError : null, maxNote ? ids.amountHint : null].filter(Boolean).join(' ') || undefined}
            maxLength={100}
            readOnly={busy}
          />
          <span className="amount-input__symbol" aria-hidden="true">
            {asset?.symbol ?? ''}
          </span>
          <Button size="sm" variant="ghost" className="amount-input__max" onClick={() => void fillMax()} busy={maxBusy} disabled={busy || !asset}>
            Max
          </Button>
        </div>
        {maxNote ? (
          <div id={ids.amountHint} className="field__hint">
            {maxNote}
          </div>
        ) : null}
        {amountError ? (
          <div id={ids.amountError} className="field__error">
            {amountError}
          </div>
        ) : null}
      </div>

      <fieldset className="tiers">
        <legend className="field__label">Network fee</legend>
        <div className="tiers__options">
          {TIERS.map((tier) => (
            <label key={tier} className="tier">
              <input type="radio" name="tier" value={tier} checked={draft.tier === tier} onChange={() => update({ tier })} disabled={busy} />
              <span className="tier__body">
                <span className="tier__name">{TIER_LABELS[tier]}</span>
                <span className="tier__fee num">
                  {fees ? `≤ ${displayAmount(fees[tier].amount, fees[tier].feeAsset.decimals, 8)} ${fees[tier].feeAsset.symbol}` : TIER_HINTS[tier]}
                </span>
              </span>
            </label>
          ))}
        </div>
        <p className="field__hint">The exact fee is shown on the next screen, before anything is sent.</p>
      </fieldset>

      <FormMessage error={error} status={busy ? `Checking the transfer with ${chain?.name ?? 'the network'}…` : null} statusTone="progress" />
      <div className="actions">
        <Button type="submit" variant="primary" size="lg" busy={busy} busyText="Preparing review…" disabled={!asset || !chain}>
          Review
        </Button>
      </div>
    </form>
  );
}
