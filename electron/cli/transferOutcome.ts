import type { Transfer } from '../../shared/domain/transferRecord';
import { StrataError } from '../../shared/errors';

/**
 * What a CLI wait on a transfer ends with: the transfer when it completed; TX_FAILED (failed or needs-attention, with
 * the failure's summary) or TRANSFER_PENDING (still running: its id and how to go on) otherwise.
 * @throws TX_FAILED, TRANSFER_PENDING
 */
export function settledOrThrow(transfer: Transfer): Transfer {
  if (transfer.status === 'failed' || transfer.status === 'needs-attention') {
    const failure = transfer.steps.find((s) => s.failure !== null)?.failure;
    throw new StrataError('TX_FAILED', failure ? `${failure.message}. ${failure.summary}` : `Transfer ${transfer.id} failed`, { details: transfer.id });
  }
  if (transfer.status === 'running') throw pendingError([transfer.id]);
  return transfer;
}

/** TRANSFER_PENDING naming the transfers still running and the command that continues them. */
export function pendingError(ids: readonly string[]): StrataError {
  const which = ids.length === 1 ? `Transfer ${ids[0]} is` : `Transfers ${ids.join(', ')} are`;
  return new StrataError('TRANSFER_PENDING', `${which} still running: continue with \`strata transfers resume --dir <vault>\``, { details: ids.join(',') });
}
