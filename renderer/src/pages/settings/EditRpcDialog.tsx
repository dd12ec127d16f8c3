import { useId, useState, type FormEvent } from 'react';
import type { ChainInfo } from '../../../../shared/domain/chain';
import type { ChainRpc } from '../../../../shared/ipc/contract';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { FormMessage } from '../../components/FormMessage';
import { call } from '../../ipc/client';
import { useChainsStore } from '../../stores/chainsStore';
import { endpointErrorText, endpointListProblem, parseEndpointLines } from './networkText';
import { awaitConfirmation } from '../../app/secureSession';

/**
 * Edits a chain's RPC endpoints (one per line, in failover order). Main checks that each one serves this chain
 * before saving anything; "Restore defaults" saves an empty list.
 */
export function EditRpcDialog({ chain, rpc, onSaved, onClose }: { chain: ChainInfo; rpc: ChainRpc; onSaved(rpc: ChainRpc): void; onClose(): void }) {
  const [text, setText] = useState(rpc.endpoints.join('\n'));
  const [busy, setBusy] = useState<'save' | 'restore' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const byId = useChainsStore((s) => s.byId);
  const fieldId = useId();
  const hintId = useId();
  const overridden = rpc.endpoints.join('\n') !== rpc.defaults.join('\n');

  async function save(endpoints: string[], kind: 'save' | 'restore') {
    setBusy(kind);
    setError(null);
    try {
      const answer = await call('chains.setRpc', { chain: chain.id, endpoints });
      // Replacing endpoints is confirmed in the secure window first.
      onSaved('sessionId' in answer ? ((await awaitConfirmation(answer)).rpc ?? (await call('chains.rpc', { chain: chain.id }))) : answer);
      onClose();
    } catch (e) {
      setError(endpointErrorText(e, byId));
      setBusy(null);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const urls = parseEndpointLines(text);
    if (urls.length === 0) return setError('Enter at least one endpoint, or restore the defaults.');
    const problem = endpointListProblem(urls);
    if (problem) return setError(problem);
    void save(urls, 'save');
  }

  return (
    <Dialog
      title={`RPC endpoints · ${chain.name}`}
      description={`Strata tries them in order and moves to the next when one does not answer. Each is checked to serve ${chain.name} (${chain.id}) before it is saved.`}
      onClose={() => busy === null && onClose()}
      className="dialog--wide"
    >
      <form className="stack" onSubmit={submit} noValidate>
        <div className="field">
          <label className="field__label" htmlFor={fieldId}>
            Endpoints
          </label>
          <textarea
            id={fieldId}
            className="input input--mono textarea"
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setError(null);
            }}
            spellCheck={false}
            autoComplete="off"
            readOnly={busy !== null}
            aria-invalid={error ? true : undefined}
            aria-describedby={hintId}
            rows={4}
          />
          <div id={hintId} className="field__hint">
            One URL per line, up to 5. Defaults: {rpc.defaults.length > 0 ? rpc.defaults.join(', ') : 'none'}
          </div>
        </div>
        <FormMessage error={error} status={busy === 'save' ? 'Checking each endpoint…' : busy === 'restore' ? 'Restoring the defaults…' : null} statusTone="progress" />
        <div className="actions actions--split">
          <Button variant="ghost" onClick={() => void save([], 'restore')} disabled={!overridden || busy !== null} busy={busy === 'restore'}>
            Restore defaults
          </Button>
          <div className="actions">
            <Button onClick={onClose} disabled={busy !== null}>
              Cancel
            </Button>
            <Button type="submit" variant="primary" busy={busy === 'save'} busyText="Checking…">
              Save endpoints
            </Button>
          </div>
        </div>
      </form>
    </Dialog>
  );
}
