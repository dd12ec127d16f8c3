import { StrataError } from '../../../../shared/errors';

/** Where a transaction failed: in simulation, at CheckTx (never included, no fee) or in a block (fee charged). */
export type TxFailureStage = 'simulate' | 'checkTx' | 'deliverTx';

/** Reasons of the Cosmos SDK's root codespace (`sdk`), written for a user; the raw log goes to details only. */
const SDK_REASONS: Readonly<Record<number, string>> = {
  2: 'the transaction could not be decoded',
  3: 'invalid account sequence',
  4: 'signature verification failed',
  5: 'insufficient funds',
  7: 'invalid address',
  8: 'invalid public key',
  9: 'unknown account (it has never received funds)',
  10: 'invalid coins',
  11: 'out of gas',
  12: 'memo too large',
  13: 'the fee is too low for this node',
  19: 'the transaction is already in the mempool',
  20: 'the mempool is full',
  21: 'the transaction is too large',
  28: 'wrong chain id',
  30: 'the transaction timed out',
  32: 'wrong account sequence (another transaction from this account is pending)',
  41: 'invalid gas limit',
};

const PREFIX: Readonly<Record<TxFailureStage, string>> = {
  simulate: 'The transaction would fail',
  checkTx: 'The node rejected the transaction',
  deliverTx: 'The transaction failed on chain (the fee was charged)',
};

/**
 * The StrataError for a failed transaction result: INSUFFICIENT_FUNDS for the SDK's insufficient-funds code before
 * inclusion (nothing happened), TX_FAILED otherwise. The message is ours (the node's raw log is untrusted text);
 * the raw log, cleaned and cut, goes to `details` with the code.
 */
export function txFailure(
  stage: TxFailureStage,
  result: { code: number; codespace?: string; log?: string },
  hash?: string,
): StrataError {
  const codespace = result.codespace || 'sdk';
  const known = codespace === 'sdk' ? SDK_REASONS[result.code] : undefined;
  const reason = known ?? `error ${result.code} in module "${safeText(codespace, 32)}"`;
  const details = [`codespace=${safeText(codespace, 32)} code=${result.code}`, hash ? `hash=${hash}` : '', safeText(result.log ?? '', 500)]
    .filter((part) => part !== '')
    .join(' ');
  if (stage !== 'deliverTx' && codespace === 'sdk' && result.code === 5) {
    return new StrataError('INSUFFICIENT_FUNDS', `${PREFIX[stage]}: insufficient funds`, { details });
  }
  return new StrataError('TX_FAILED', `${PREFIX[stage]}: ${reason}`, { details });
}

/** Printable ASCII only, cut to `max` characters: node text never carries control characters into our logs. */
export function safeText(text: string, max: number): string {
  return text.replace(/[^\x20-\x7e]/g, ' ').slice(0, max);
}
