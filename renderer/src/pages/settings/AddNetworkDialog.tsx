import { useState, type FormEvent } from 'react';
import type { ChainInfo } from '../../../../shared/domain/chain';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { FormMessage } from '../../components/FormMessage';
import { TextField } from '../../components/TextField';
import { call } from '../../ipc/client';
import { errorCode } from '../../ipc/errorText';
import { useChainsStore } from '../../stores/chainsStore';
import { endpointErrorText, endpointListProblem } from './networkText';

type Errors = Partial<Record<'name' | 'chainId' | 'rpc' | 'symbol', string>>;

/** Adds a custom EVM network; main checks that the node answers with the chain id given before keeping it. */
export function AddNetworkDialog({ onAdded, onClose }: { onAdded(chain: ChainInfo): void; onClose(): void }) {
  const [name, setName] = useState('');
  const [chainId, setChainId] = useState('');
  const [rpc, setRpc] = useState('');
  const [symbol, setSymbol] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const byId = useChainsStore((s) => s.byId);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const id = Number(chainId.trim());
    const next: Errors = {};
    if (!name.trim()) next.name = 'Enter a name.';
    if (!/^[1-9][0-9]{0,15}$/.test(chainId.trim()) || !Number.isSafeInteger(id)) next.chainId = 'The chain id is a whole number, e.g. 8453.';
    else if (byId[`eip155:${id}`]) next.chainId = `Strata already knows this network: ${byId[`eip155:${id}`]?.name}.`;
    const rpcProblem = rpc.trim() ? endpointListProblem([rpc.trim()]) : 'Enter the RPC URL of a node of this network.';
    if (rpcProblem) next.rpc = rpcProblem;
    if (!symbol.trim()) next.symbol = 'Enter the symbol of its coin, e.g. ETH.';
    setErrors(next);
    setError(null);
    if (Object.keys(next).length > 0) return;
    setBusy(true);
    try {
      const chain = await call('chains.addCustom', { name: name.trim(), chainId: id, rpc: rpc.trim(), symbol: symbol.trim() });
      onAdded(chain);
      onClose();
    } catch (e) {
      const code = errorCode(e);
      if (code === 'CHAIN_ID_MISMATCH' || code === 'RPC_UNAVAILABLE') setErrors({ rpc: endpointErrorText(e, byId) });
      else if (code === 'INVALID_INPUT' && e instanceof Error && /already known/.test(e.message)) setErrors({ chainId: 'Strata already knows a network with this chain id.' });
      else setError(endpointErrorText(e, byId));
      setBusy(false);
    }
  }

  return (
    <Dialog title="Add a network" description="Any EVM network: Strata checks that the node answers with this chain id before adding it." onClose={() => !busy && onClose()}>
      <form className="stack" onSubmit={submit} noValidate>
        <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} maxLength={48} error={errors.name} placeholder="e.g. My L2" readOnly={busy} />
        <div className="form-row">
          <TextField label="Chain ID" value={chainId} onChange={(e) => setChainId(e.target.value)} inputMode="numeric" maxLength={16} error={errors.chainId} placeholder="e.g. 8453" readOnly={busy} />
          <TextField label="Currency symbol" value={symbol} onChange={(e) => setSymbol(e.target.value)} maxLength={12} error={errors.symbol} placeholder="ETH" readOnly={busy} />
        </div>
        <TextField label="RPC URL" mono value={rpc} onChange={(e) => setRpc(e.target.value)} maxLength={512} error={errors.rpc} placeholder="https://" spellCheck={false} autoComplete="off" readOnly={busy} />
        <FormMessage error={error} status={busy ? 'Asking the node which network it serves…' : null} statusTone="progress" />
        <div className="actions">
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" busy={busy} busyText="Checking…">
            Add network
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
