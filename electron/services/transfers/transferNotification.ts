import { formatAmount } from '../../../shared/amounts';
import type { AssetInfo } from '../../../shared/domain/asset';
import type { StepRecord, Transfer } from '../../../shared/domain/transferRecord';

/** What a desktop notification says. Never a secret: amounts, chain names and where funds are. */
export interface TransferNotice {
  title: string;
  body: string;
}

/** A chain's display name from its CAIP-2 id. */
export type ChainNamer = (chainId: string) => string;

/** States in which a step still waits on something (a receipt or a delivery). */
const WAITING: ReadonlySet<StepRecord['state']> = new Set(['pending', 'signed', 'submitted', 'confirmed', 'delivering']);

/** `1234.5678912 USDC` with the fraction cut (never rounded up) to 6 digits: a notification is short. */
function amountText(units: string, asset: Pick<AssetInfo, 'decimals' | 'symbol'>): string {
  const [whole = '0', fraction = ''] = formatAmount(BigInt(units), asset.decimals).split('.');
  const kept = fraction.slice(0, 6).replace(/0+$/, '');
  return `${whole}${kept ? `.${kept}` : ''} ${asset.symbol}`;
}

function failedStep(transfer: Transfer): StepRecord | undefined {
  return transfer.steps.find((s) => s.failure !== null);
}

/**
 * The desktop notification for one change of a transfer, or null when this change deserves none. Only three
 * transitions notify: the transfer completed (it landed), it failed or needs attention, or a step became delayed
 * for the first time. `previous` is the last record seen (null when this process has seen none: after a restart,
 * a step already delayed and still waiting notifies once).
 */
export function transferNotification(previous: Transfer | null, next: Transfer, chainName: ChainNamer = (id) => id): TransferNotice | null {
  const last = next.route.steps[next.route.steps.length - 1];
  if (!last) return null;
  if (previous?.status === next.status && next.status !== 'running') return null;

  if (next.status === 'completed') {
    const received = next.steps[next.steps.length - 1]?.amountOut ?? null;
    // Without the last step's measured output only the quote is known: never state it as the amount received.
    const what = received === null ? `About ${amountText(next.route.amountOut, last.assetOut)} (quoted)` : amountText(received, last.assetOut);
    return { title: 'Transfer complete', body: `${what} arrived on ${chainName(last.toChain)}.` };
  }
  if (next.status === 'failed' || next.status === 'needs-attention') {
    const failure = failedStep(next)?.failure;
    const title = next.status === 'failed' ? 'Transfer failed' : 'Transfer needs your attention';
    return { title, body: failure ? `${failure.summary}. Open Strata to see what to do.` : 'Open Strata to see where the funds are and what to do.' };
  }

  const index = next.steps.findIndex((s, i) => s.delayed && WAITING.has(s.state) && previous?.steps[i]?.delayed !== true);
  const step = next.route.steps[index];
  if (index < 0 || !step) return null;
  const what = step.kind === 'bridge' ? `The bridge to ${chainName(step.toChain)}` : `The swap on ${chainName(step.fromChain)}`;
  return {
    title: 'Transfer delayed',
    body: `${what} is taking longer than expected (step ${index + 1} of ${next.steps.length}). Strata keeps watching and goes on by itself.`,
  };
}

/**
 * Remembers the last record of every transfer and calls `show` for the changes `transferNotification` names:
 * feed it every `transfers.changed` payload. Plain Node, so main wires it to Electron's Notification and tests to a
 * recorder.
 */
export function createTransferNotifier(show: (notice: TransferNotice, transfer: Transfer) => void, chainName?: ChainNamer): (transfer: Transfer) => void {
  const seen = new Map<string, Transfer>();
  return (transfer) => {
    const notice = transferNotification(seen.get(transfer.id) ?? null, transfer, chainName);
    seen.set(transfer.id, transfer);
    if (notice) show(notice, transfer);
  };
}
