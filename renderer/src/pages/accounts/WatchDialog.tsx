import { useId, useMemo, useState, type FormEvent } from 'react';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { FormMessage } from '../../components/FormMessage';
import { TextField } from '../../components/TextField';
import { call } from '../../ipc/client';
import { errorCode, errorText } from '../../ipc/errorText';
import { useAccountsStore } from '../../stores/accountsStore';
import { useChainsStore } from '../../stores/chainsStore';

/** Adds a watch-only address on a chain chosen from `chains.list`. Errors come back from main by code. */
export function WatchDialog({ onClose }: { onClose(): void }) {
  const chains = useChainsStore((s) => s.chains);
  const [chain, setChain] = useState(() => chains[0]?.id ?? '');
  const [address, setAddress] = useState('');
  const [label, setLabel] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [addressError, setAddressError] = useState<string | null>(null);
  const selectId = useId();
  const selected = useMemo(() => chains.find((c) => c.id === chain), [chains, chain]);

  const placeholder = selected?.family === 'cosmos' ? `${selected.bech32Prefix ?? 'cosmos'}1…` : '0x…';

  async function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = address.trim();
    setError(null);
    setAddressError(null);
    if (trimmed.length === 0) return setAddressError('Enter an address.');
    setBusy(true);
    try {
      const account = await call('accounts.addWatch', {
        chain,
        address: trimmed,
        ...(label.trim() ? { label: label.trim() } : {}),
      });
      useAccountsStore.getState().upsertAccount(account);
      onClose();
    } catch (e) {
      setBusy(false);
      if (errorCode(e) === 'INVALID_ADDRESS') {
        // main says what is wrong with it ("An EVM address is 0x followed by 40 hex digits"): safe and useful.
        const detail = e instanceof Error && e.message ? ` ${e.message.replace(/\.?$/, '.')}` : '';
        setAddressError(`Not a valid ${selected?.name ?? ''} address.${detail}`.replace('  ', ' '));
      } else {
        setError(errorText(e, { DUPLICATE_ACCOUNT: 'This address is already in your wallet.' }));
      }
    }
  }

  return (
    <Dialog
      title="Watch an address"
      description="Follow an address without its key. Strata can show it but never sign with it."
      onClose={() => !busy && onClose()}
    >
      <form className="stack" onSubmit={submit} noValidate>
        <div className="field">
          <label className="field__label" htmlFor={selectId}>
            Network
          </label>
          <select id={selectId} className="input select" value={chain} onChange={(e) => {
              setChain(e.target.value);
              setAddressError(null);
            }}>
            {chains.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({c.family === 'evm' ? 'EVM' : 'Cosmos'}){c.testnet ? ' · testnet' : ''}
              </option>
            ))}
          </select>
          {selected?.family === 'evm' ? (
            <div className="field__hint">An EVM address is watched on every EVM network.</div>
          ) : null}
        </div>
        <TextField
          label="Address"
          mono
          value={address}
          onChange={(e) => {
            setAddress(e.target.value);
            setAddressError(null);
          }}
          placeholder={placeholder}
          spellCheck={false}
          autoComplete="off"
          autoCapitalize="off"
          maxLength={128}
          error={addressError}
        />
        <TextField
          label="Name (optional)"
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          maxLength={64}
          placeholder="e.g. Cold storage"
        />
        <FormMessage error={error} />
        <div className="actions">
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" busy={busy} busyText="Adding…" disabled={chains.length === 0}>
            Watch address
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
