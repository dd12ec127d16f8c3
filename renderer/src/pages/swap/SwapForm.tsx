import { useId, useState, type FormEvent } from 'react';
import type { AssetInfo } from '../../../../shared/domain/asset';
import type { ChainInfo } from '../../../../shared/domain/chain';
import { Button } from '../../components/Button';
import { FormMessage } from '../../components/FormMessage';
import { call } from '../../ipc/client';
import { errorText } from '../../ipc/errorText';
import { exactAmount } from '../../lib/numberFormat';
import { useAccountsStore } from '../../stores/accountsStore';
import { useAssetsStore } from '../../stores/assetsStore';
import { useChainsStore } from '../../stores/chainsStore';
import { usePortfolioStore } from '../../stores/portfolioStore';
import { assetsOn, balanceLine, chainsFor, holdingOf, sendableAccounts } from '../send/sendOptions';
import { SlippageField } from './SlippageField';
import { parseDraftAmount, type RouteSort, type SwapDraft } from './swapDraft';

interface SwapFormProps {
  draft: SwapDraft;
  onChange(draft: SwapDraft): void;
  /** quotes at once (the debounce is skipped) */
  onFind(): void;
  finding: boolean;
}

interface Choice {
  value: string;
  label: string;
  disabled?: boolean;
}

/** A labelled select of the form (network, asset, account). */
function SelectField({ id, label, value, choices, onChange, describedBy }: { id: string; label: string; value: string; choices: Choice[]; onChange(value: string): void; describedBy?: string }) {
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="input select" value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={describedBy}>
        {choices.map((c) => (
          <option key={c.value} value={c.value} disabled={c.disabled}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
}

const chainChoices = (chains: ChainInfo[]): Choice[] => chains.map((c) => ({ value: c.id, label: c.name }));
const assetChoices = (assets: AssetInfo[], exclude?: string): Choice[] => assets.map((a) => ({ value: a.ref, label: a.symbol, disabled: a.ref === exclude }));
/** The first asset of a network other than `ref` (what "to" becomes when it would equal "from"). */
const otherAsset = (assets: AssetInfo[], ref: string): string => assets.find((a) => a.ref !== ref)?.ref ?? '';

const SORTS: Array<{ sort: RouteSort; label: string }> = [
  { sort: 'amount', label: 'Most received' },
  { sort: 'speed', label: 'Fastest' },
];

/**
 * From (chain, asset held, amount with Max), to (chain, asset), slippage and ranking. Routes are quoted as the form
 * changes (debounced by the page); "Find routes" quotes at once. Nothing here signs anything.
 */
export function SwapForm({ draft, onChange, onFind, finding }: SwapFormProps) {
  const accounts = useAccountsStore((s) => s.accounts);
  const chains = useChainsStore((s) => s.chains);
  const byId = useChainsStore((s) => s.byId);
  const assets = useAssetsStore((s) => s.assets);
  const portfolio = usePortfolioStore((s) => s.portfolio);
  const [maxBusy, setMaxBusy] = useState(false);
  const [maxNote, setMaxNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const ids = { account: useId(), fromChain: useId(), fromAsset: useId(), amount: useId(), amountNote: useId(), toChain: useId(), toAsset: useId(), balance: useId() };

  const senders = sendableAccounts(accounts);
  const account = senders.find((a) => a.id === draft.accountId);
  // EVM and Cosmos chains alike: the router bridges between them (IBC, Axelar) and swaps on either side, or on one.
  const chainOptions = chainsFor(account, chains, byId);
  const holdings = portfolio?.holdings.filter((h) => h.accountId === draft.accountId) ?? [];
  const fromOptions = assetsOn(byId[draft.fromChain], assets, holdings);
  const fromAsset = fromOptions.find((a) => a.ref === draft.fromAsset);
  const toOptions = assetsOn(byId[draft.toChain], assets, holdings);
  const holding = fromAsset ? holdingOf(portfolio, draft.accountId, fromAsset.chain, fromAsset.ref) : null;
  const amount = parseDraftAmount(draft.amount, fromAsset);
  const overBalance = amount.ok && holding !== null && amount.units > BigInt(holding.amount);
  const amountError = amount.ok ? (overBalance ? `More than your balance of ${exactAmount(holding?.amount ?? '0', fromAsset?.decimals ?? 0)} ${fromAsset?.symbol ?? ''}.` : null) : amount.error;

  function update(patch: Partial<SwapDraft>) {
    setError(null);
    if ('amount' in patch || 'fromAsset' in patch || 'fromChain' in patch) setMaxNote(null);
    onChange({ ...draft, ...patch });
  }

  function chooseFromChain(chainId: string) {
    // The same network on both sides is a swap on it (a swap-only route); only the same asset on both sides is no route.
    const toAsset = chainId === draft.toChain && draft.toAsset === 'native' ? otherAsset(assetsOn(byId[chainId], assets, holdings), 'native') : draft.toAsset;
    update({ fromChain: chainId, fromAsset: 'native', amount: '', toAsset });
  }

  function chooseFromAsset(ref: string) {
    const toAsset = draft.toChain === draft.fromChain && draft.toAsset === ref ? otherAsset(toOptions, ref) : draft.toAsset;
    update({ fromAsset: ref, amount: '', toAsset });
  }

  function chooseToChain(toChain: string) {
    // on the from network, "to" starts at another asset than the one sent
    update({ toChain, toAsset: toChain === draft.fromChain ? otherAsset(assetsOn(byId[toChain], assets, holdings), draft.fromAsset) : 'native' });
  }

  async function fillMax() {
    if (!fromAsset) return;
    setMaxBusy(true);
    setError(null);
    try {
      const max = await call('send.max', { accountId: draft.accountId, chain: draft.fromChain, asset: fromAsset.ref, tier: 'normal' });
      onChange({ ...draft, amount: max.formatted });
      setMaxNote(
        max.amount === '0'
          ? `Nothing to spare: this account has no ${fromAsset.symbol} to swap on ${byId[draft.fromChain]?.name ?? 'this network'}.`
          : fromAsset.ref === 'native'
            ? 'All of it, less one network fee. The route’s own fees are checked before anything is signed.'
            : `Your whole ${fromAsset.symbol} balance. Fees are paid in ${byId[draft.fromChain]?.nativeAsset.symbol ?? 'the native coin'}.`,
      );
    } catch (e) {
      setError(errorText(e));
    } finally {
      setMaxBusy(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    onFind();
  }

  if (senders.length === 0) {
    return (
      <div className="card empty">
        <h2 className="empty__title">No account can swap</h2>
        <p className="empty__text">Watch-only accounts have no key. Add an account or import a key to move funds across chains.</p>
      </div>
    );
  }

  const balanceText = balanceLine(fromAsset, holding, portfolio);

  return (
    <form className="swap-form card" onSubmit={submit} noValidate aria-label="Swap and bridge">
      {senders.length > 1 ? (
        <SelectField id={ids.account} label="Account" value={draft.accountId} choices={senders.map((a) => ({ value: a.id, label: a.label }))} onChange={(accountId) => update({ accountId })} />
      ) : null}

      <fieldset className="swap-form__side">
        <legend className="send-form__legend">From</legend>
        <div className="send-form__row">
          <SelectField id={ids.fromChain} label="From network" value={draft.fromChain} choices={chainChoices(chainOptions)} onChange={chooseFromChain} />
          <SelectField
            id={ids.fromAsset}
            label="From asset"
            value={fromAsset?.ref ?? ''}
            choices={assetChoices(fromOptions)}
            onChange={chooseFromAsset}
            describedBy={ids.balance}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={ids.amount}>
            Amount
          </label>
          <div className="amount-input">
            <input
              id={ids.amount}
              className="input amount-input__field num"
              inputMode="decimal"
              autoComplete="off"
              spellCheck={false}
              placeholder="0.00"
              maxLength={100}
              value={draft.amount}
              onChange={(e) => update({ amount: e.target.value })}
              aria-invalid={amountError ? true : undefined}
              aria-describedby={amountError || maxNote ? ids.amountNote : undefined}
            />
            <span className="amount-input__symbol" aria-hidden="true">
              {fromAsset?.symbol ?? ''}
            </span>
            <Button size="sm" variant="ghost" className="amount-input__max" onClick={() => void fillMax()} busy={maxBusy} disabled={!fromAsset}>
              Max
            </Button>
          </div>
          <div id={ids.balance} className="swap-form__balance num" title={holding && fromAsset ? `${exactAmount(holding.amount, fromAsset.decimals)} ${fromAsset.symbol}` : undefined}>
            {balanceText}
          </div>
          {amountError ? (
            <div id={ids.amountNote} className="field__error">
              {amountError}
            </div>
          ) : maxNote ? (
            <div id={ids.amountNote} className="field__hint">
              {maxNote}
            </div>
          ) : null}
        </div>
      </fieldset>

      <fieldset className="swap-form__side">
        <legend className="send-form__legend">To</legend>
        <div className="send-form__row">
          <SelectField
            id={ids.toChain}
            label="To network"
            value={draft.toChain}
            choices={chainChoices(chainOptions)}
            onChange={chooseToChain}
          />
          <SelectField
            id={ids.toAsset}
            label="To asset"
            value={draft.toAsset}
            choices={assetChoices(toOptions, draft.toChain === draft.fromChain ? draft.fromAsset : undefined)}
            onChange={(toAsset) => update({ toAsset })}
          />
        </div>
      </fieldset>

      <SlippageField value={draft.slippage} onChange={(slippage) => update({ slippage })} />

      <fieldset className="segmented">
        <legend className="field__label">Rank routes by</legend>
        <div className="segmented__options">
          {SORTS.map((s) => (
            <label key={s.sort} className="segmented__option">
              <input type="radio" name="route-sort" value={s.sort} checked={draft.sort === s.sort} onChange={() => update({ sort: s.sort })} />
              <span>{s.label}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <FormMessage error={error} />
      <div className="actions">
        <Button type="submit" variant="primary" size="lg" busy={finding} busyText="Finding routes…" disabled={!fromAsset || !draft.toChain}>
          Find routes
        </Button>
      </div>
    </form>
  );
}
