import { useId, useState } from 'react';
import { CopyButton } from '../../components/CopyButton';
import { QrCode } from '../../components/QrCode';
import { useAccountsStore } from '../../stores/accountsStore';
import { useChainsStore } from '../../stores/chainsStore';
import { receiveAddresses, sharedAddresses, type ReceiveAddress } from './receiveOptions';

/** "Ethereum, Arbitrum and Base" */
function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * Receive: pick an account and a network, then the full address (EIP-55 for EVM, bech32 for Cosmos) as text, as a
 * QR code and on the clipboard, with the networks that share it spelled out, since a payment on the wrong network
 * is the usual way to lose track of funds.
 */
export function ReceivePage() {
  const accounts = useAccountsStore((s) => s.accounts) ?? [];
  const chains = useChainsStore((s) => s.chains);
  const byId = useChainsStore((s) => s.byId);
  const [accountId, setAccountId] = useState(accounts[0]?.id ?? '');
  const [chainId, setChainId] = useState('');
  const ids = { account: useId(), chain: useId(), address: useId() };

  const account = accounts.find((a) => a.id === accountId) ?? accounts[0];
  const options = receiveAddresses(account, chains, byId);
  const picked: ReceiveAddress | undefined = options.find((o) => o.chain.id === chainId) ?? options[0];
  const evm = options.filter((o) => o.chain.family === 'evm');
  const cosmos = options.filter((o) => o.chain.family === 'cosmos');
  const shared = picked ? sharedAddresses(options, picked) : null;

  return (
    <>
      <div className="page__header">
        <div>
          <h1 className="page__title" tabIndex={-1}>
            Receive
          </h1>
          <p className="page__subtitle">Share an address to be paid. Tokens arrive on the network they are sent on.</p>
        </div>
      </div>
      <div className="receive-page">
        <form className="card receive-page__pickers" aria-label="Address to receive on" onSubmit={(e) => e.preventDefault()}>
          <div className="field">
            <label className="field__label" htmlFor={ids.account}>
              Account
            </label>
            <select id={ids.account} className="input select" value={account?.id ?? ''} onChange={(e) => setAccountId(e.target.value)}>
              {accounts.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.kind === 'watch' ? `${a.label} (watch-only)` : a.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field__label" htmlFor={ids.chain}>
              Network
            </label>
            <select id={ids.chain} className="input select" value={picked?.chain.id ?? ''} onChange={(e) => setChainId(e.target.value)}>
              {evm.length > 0 ? (
                <optgroup label="EVM networks">
                  {evm.map((o) => (
                    <option key={o.chain.id} value={o.chain.id}>
                      {o.chain.name}
                    </option>
                  ))}
                </optgroup>
              ) : null}
              {cosmos.length > 0 ? (
                <optgroup label="Cosmos networks">
                  {cosmos.map((o) => (
                    <option key={o.chain.id} value={o.chain.id}>
                      {o.chain.name}
                    </option>
                  ))}
                </optgroup>
              ) : null}
            </select>
          </div>
          {account?.kind === 'watch' ? (
            <p className="field__hint">A watch-only account can receive, but Strata cannot move what arrives.</p>
          ) : null}
        </form>

        {picked && shared ? (
          <section className="card receive-page__card" aria-labelledby={ids.address}>
            <h2 id={ids.address} className="section__title">
              {account?.label} on {picked.chain.name}
            </h2>
            <div className="receive-page__qr">
              <QrCode value={picked.address} label={`QR code of the ${picked.chain.name} address`} />
            </div>
            <p className="receive-page__address">
              <code className="address address--full" aria-label={`${picked.chain.name} address`}>
                {picked.address}
              </code>
            </p>
            <div className="actions actions--center">
              <CopyButton value={picked.address} label={`Copy ${picked.chain.name} address`} />
            </div>
            <div className="receive-page__networks" aria-label="Where this address receives" role="note">
              {picked.chain.family === 'evm' ? (
                <p>
                  This address is the same on every EVM network
                  {shared.same.length > 0 ? <>: {listNames([picked.chain.name, ...shared.same.map((c) => c.name)])}</> : null}.
                  Ask the sender to use {picked.chain.name}: tokens sent on another network arrive there, at this
                  address, and show under that network.
                </p>
              ) : (
                <>
                  <p>
                    This address is for {picked.chain.name} only (prefix <code>{picked.chain.bech32Prefix}</code>). Each
                    Cosmos network gives you a different address
                    {shared.different.length > 0 ? ':' : '.'}
                  </p>
                  {shared.different.length > 0 ? (
                    <ul className="receive-page__others" aria-label="Your addresses on other Cosmos networks">
                      {shared.different.map((o) => (
                        <li key={o.chain.id}>
                          <span className="receive-page__other-name">{o.chain.name}</span>
                          <code className="address">{o.address}</code>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  {shared.same.length > 0 ? <p>The same address also receives on {listNames(shared.same.map((c) => c.name))}.</p> : null}
                </>
              )}
            </div>
          </section>
        ) : (
          <section className="card empty" aria-label="No address">
            <p className="empty__text">This account has no address on any network Strata knows.</p>
          </section>
        )}
      </div>
    </>
  );
}
