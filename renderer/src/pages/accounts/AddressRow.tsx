import { useEffect, useId, useRef, useState } from 'react';
import type { ChainInfo } from '../../../../shared/domain/chain';
import { CheckIcon } from '../../components/icons';
import { truncateAddress } from '../../lib/format';
import type { AddressGroup } from '../../lib/groupAddresses';

type CopyState = 'idle' | 'copied' | 'failed';

const FAMILY: Record<string, string> = { evm: 'EVM', cosmos: 'Cosmos' };

/**
 * One address of an account and the chains it is used on: chain names and family, the address shortened in the
 * middle (full value in the title and for screen readers), and a copy button. When the clipboard refuses, the full
 * address is shown selected so it can be copied by hand.
 */
export function AddressRow({ address, chains }: { address: AddressGroup; chains: Record<string, ChainInfo> }) {
  const [copy, setCopy] = useState<CopyState>('idle');
  const timer = useRef<number | undefined>(undefined);
  const manualRef = useRef<HTMLInputElement>(null);
  const manualId = useId();
  const firstId = address.chains[0] ?? '';
  const chain = chains[firstId];
  const chainName = chain?.name ?? firstId;
  const others = address.chains.slice(1).map((id) => chains[id]?.name ?? id);

  useEffect(() => () => window.clearTimeout(timer.current), []);
  useEffect(() => {
    if (copy === 'failed') manualRef.current?.select();
  }, [copy]);

  async function copyAddress() {
    window.clearTimeout(timer.current);
    try {
      if (!navigator.clipboard) throw new Error('clipboard unavailable');
      await navigator.clipboard.writeText(address.address);
      setCopy('copied');
      timer.current = window.setTimeout(() => setCopy('idle'), 2000);
    } catch {
      setCopy('failed');
    }
  }

  return (
    <li className="address-row" data-chains={address.chains.join(' ')}>
      <div className="address-row__chain">
        <div className="address-row__chain-line">
          <span className="address-row__chain-name">{chainName}</span>
          <span className={`tag tag--${chain?.family ?? 'unknown'}`}>{chain ? FAMILY[chain.family] : '—'}</span>
          {chain?.testnet ? <span className="tag tag--testnet">Testnet</span> : null}
        </div>
        {others.length > 0 ? (
          <span className="address-row__also" title={`Same address on ${others.join(', ')}`}>
            <span aria-hidden="true">
              + {others.length} more {chain?.family === 'cosmos' ? 'Cosmos' : 'EVM'} network{others.length === 1 ? '' : 's'}
            </span>
            <span className="sr-only">Same address on {others.join(', ')}</span>
          </span>
        ) : null}
      </div>
      <div className="address-row__value">
        <code className="address" title={address.address}>
          <span aria-hidden="true">{truncateAddress(address.address)}</span>
          <span className="sr-only">{address.address}</span>
        </code>
        {address.path ? <span className="address-row__path">{address.path}</span> : null}
      </div>
      <button
        type="button"
        className={`btn btn--ghost btn--sm copy-btn copy-btn--${copy}`}
        aria-label={`Copy ${chainName} address`}
        onClick={() => void copyAddress()}
      >
        {copy === 'copied' ? <CheckIcon /> : null}
        <span className="btn__label">{copy === 'copied' ? 'Copied' : copy === 'failed' ? 'Copy failed' : 'Copy'}</span>
      </button>
      <span className="sr-only" aria-live="polite">
        {copy === 'copied' ? `${chainName} address copied` : copy === 'failed' ? 'Could not copy the address' : ''}
      </span>
      {copy === 'failed' ? (
        <div className="address-row__manual">
          <label className="field__hint" htmlFor={manualId}>
            Strata could not use the clipboard. The full address is selected below: press Ctrl+C to copy it.
          </label>
          <input
            ref={manualRef}
            id={manualId}
            className="input input--mono"
            readOnly
            value={address.address}
            onBlur={() => setCopy('idle')}
          />
        </div>
      ) : null}
    </li>
  );
}
