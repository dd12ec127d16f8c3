import { useState } from 'react';
import type { ChainInfo } from '../../../../shared/domain/chain';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { FormMessage } from '../../components/FormMessage';
import { call } from '../../ipc/client';
import { errorText } from '../../ipc/errorText';
import { useChainsStore } from '../../stores/chainsStore';

/** Confirms removing a custom network; funds stay on the chain, Strata only stops reading it. */
export function RemoveNetworkDialog({ chain, onRemoved, onClose }: { chain: ChainInfo; onRemoved(): void; onClose(): void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function remove() {
    setBusy(true);
    setError(null);
    try {
      useChainsStore.getState().setChains(await call('chains.removeCustom', { chain: chain.id }));
      onRemoved();
      onClose();
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  }

  return (
    <Dialog
      title={`Remove ${chain.name}?`}
      description="Funds on this network stay where they are; Strata stops showing them. You can add the network again later."
      onClose={() => !busy && onClose()}
    >
      <div className="stack">
        <FormMessage error={error} />
        <div className="actions">
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button variant="danger" onClick={() => void remove()} busy={busy} busyText="Removing…">
            Remove network
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
