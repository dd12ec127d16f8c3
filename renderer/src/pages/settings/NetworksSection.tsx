import { useEffect, useState } from 'react';
import type { ChainInfo } from '../../../../shared/domain/chain';
import type { ChainRpc } from '../../../../shared/ipc/contract';
import { Button } from '../../components/Button';
import { FormMessage } from '../../components/FormMessage';
import { PlusIcon } from '../../components/icons';
import { call } from '../../ipc/client';
import { errorText } from '../../ipc/errorText';
import { useChainsStore } from '../../stores/chainsStore';
import { AddNetworkDialog } from './AddNetworkDialog';
import { EditRpcDialog } from './EditRpcDialog';
import { chainOrigin, endpointHost } from './networkText';
import { RemoveNetworkDialog } from './RemoveNetworkDialog';

type RpcState = { rpc: ChainRpc } | { error: string };
type OpenDialog = { kind: 'none' } | { kind: 'add' } | { kind: 'edit'; chain: ChainInfo; rpc: ChainRpc } | { kind: 'remove'; chain: ChainInfo };

function NetworkRow({ chain, state, onEdit, onRemove }: { chain: ChainInfo; state: RpcState | undefined; onEdit(rpc: ChainRpc): void; onRemove(): void }) {
  const origin = chainOrigin(chain);
  const rpc = state && 'rpc' in state ? state.rpc : null;
  const overridden = rpc !== null && rpc.endpoints.join('\n') !== rpc.defaults.join('\n');
  const first = rpc?.endpoints[0];
  return (
    <li className="network-row" data-chain={chain.id}>
      <div className="network-row__name">
        <span className="network-row__title">{chain.name}</span>
        <span className={`tag tag--${chain.family}`}>{chain.family === 'evm' ? 'EVM' : 'Cosmos'}</span>
        {origin !== 'builtin' ? <span className={`tag tag--${origin}`}>{origin === 'custom' ? 'Custom' : 'Devnet'}</span> : null}
        {chain.testnet && origin !== 'devnet' ? <span className="tag tag--testnet">Testnet</span> : null}
      </div>
      <div className="network-row__rpc">
        {state === undefined ? (
          <span className="muted">Loading…</span>
        ) : 'error' in state ? (
          <span className="field__error">{state.error}</span>
        ) : first ? (
          <>
            <code className="network-row__url" title={rpc?.endpoints.join('\n')}>
              {endpointHost(first)}
            </code>
            <span className="network-row__meta">
              {overridden ? 'Your endpoints' : 'Default'}
              {rpc && rpc.endpoints.length > 1 ? ` · +${rpc.endpoints.length - 1} fallback${rpc.endpoints.length > 2 ? 's' : ''}` : ''}
            </span>
          </>
        ) : (
          <span className="muted">No endpoint</span>
        )}
      </div>
      <div className="network-row__actions">
        <Button variant="ghost" size="sm" disabled={rpc === null} onClick={() => rpc && onEdit(rpc)} aria-label={`Edit ${chain.name} endpoints`}>
          Edit
        </Button>
        {origin === 'custom' ? (
          <Button variant="ghost" size="sm" onClick={onRemove} aria-label={`Remove ${chain.name}`}>
            Remove
          </Button>
        ) : null}
      </div>
    </li>
  );
}

/** Settings › Networks: each chain's RPC endpoints (edit, restore), custom EVM networks (add, remove). */
export function NetworksSection() {
  const chains = useChainsStore((s) => s.chains);
  const [rpcs, setRpcs] = useState<Record<string, RpcState>>({});
  const [dialog, setDialog] = useState<OpenDialog>({ kind: 'none' });
  const [status, setStatus] = useState<string | null>(null);
  const close = () => setDialog({ kind: 'none' });
  const ids = chains.map((c) => c.id).join(' ');

  useEffect(() => {
    let live = true;
    for (const id of ids.split(' ').filter(Boolean)) {
      call('chains.rpc', { chain: id })
        .then((rpc) => live && setRpcs((r) => ({ ...r, [id]: { rpc } })))
        .catch((e: unknown) => live && setRpcs((r) => ({ ...r, [id]: { error: errorText(e) } })));
    }
    return () => {
      live = false;
    };
  }, [ids]);

  useEffect(() => {
    if (!status) return;
    const timer = window.setTimeout(() => setStatus(null), 5000);
    return () => window.clearTimeout(timer);
  }, [status]);

  return (
    <section className="card settings-section" aria-labelledby="networks-title">
      <div className="section__header">
        <h2 id="networks-title" className="section__title">
          Networks
        </h2>
        <Button size="sm" icon={<PlusIcon />} onClick={() => setDialog({ kind: 'add' })}>
          Add network
        </Button>
      </div>
      <p className="section__text">
        Strata reads balances and sends transactions through these RPC endpoints. Use your own node for more privacy or
        reliability.
      </p>
      <FormMessage status={status} />
      <ul className="network-list" aria-label="Networks">
        {chains.map((chain) => (
          <NetworkRow
            key={chain.id}
            chain={chain}
            state={rpcs[chain.id]}
            onEdit={(rpc) => setDialog({ kind: 'edit', chain, rpc })}
            onRemove={() => setDialog({ kind: 'remove', chain })}
          />
        ))}
      </ul>
      {dialog.kind === 'add' ? (
        <AddNetworkDialog
          onClose={close}
          onAdded={(chain) => {
            const state = useChainsStore.getState();
            if (!state.byId[chain.id]) state.setChains([...state.chains, chain]);
            setStatus(`${chain.name} added.`);
          }}
        />
      ) : null}
      {dialog.kind === 'edit' ? (
        <EditRpcDialog
          chain={dialog.chain}
          rpc={dialog.rpc}
          onClose={close}
          onSaved={(rpc) => {
            setRpcs((r) => ({ ...r, [rpc.chain]: { rpc } }));
            setStatus(`${dialog.chain.name} endpoints saved.`);
          }}
        />
      ) : null}
      {dialog.kind === 'remove' ? (
        <RemoveNetworkDialog
          chain={dialog.chain}
          onRemoved={() => setStatus(`${dialog.chain.name} removed.`)}
          onClose={close}
        />
      ) : null}
    </section>
  );
}
