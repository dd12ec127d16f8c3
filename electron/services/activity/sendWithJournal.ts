import { bytesToHex, randomBytes } from '@noble/hashes/utils.js';
import type { ActivityEntry } from '../../../shared/domain/send';
import { StrataError } from '../../../shared/errors';
import type { ChainEndpoint, DigestSigner, PreparedTransfer, SentTransfer, TransactionStatus } from '../chains/chainAdapter';
import type { ActivityJournal } from './activityJournal';

/** A sender that can call back between signing and broadcasting (the EVM adapter); others are journaled after. */
export interface JournaledSender {
  sendTransfer(
    target: ChainEndpoint,
    prepared: PreparedTransfer,
    signer: DigestSigner,
    options?: { beforeBroadcast?: (tx: SentTransfer) => Promise<void> },
  ): Promise<SentTransfer>;
  /** How the chain settled a hash (block, fee charged): a send that failed in a block still cost its fee. */
  getTransactionStatus?(target: ChainEndpoint, hash: string, nonce: bigint, from: string): Promise<TransactionStatus>;
}

export interface SendWithJournalInput {
  journal: ActivityJournal;
  adapter: JournaledSender;
  target: ChainEndpoint;
  prepared: PreparedTransfer;
  signer: DigestSigner;
  accountId: string;
  /** default: 16 random bytes, hex */
  id?: string;
  now?: () => number;
}

/**
 * Sends a prepared transfer and keeps it in the activity journal, crash-safe: the entry is recorded `pending` with the
 * signed transaction's hash BEFORE the broadcast (a crash after it cannot lose the entry; the recheck on the next
 * start settles it). When the send fails the entry becomes `failed` with the node's reason: if the chain included the
 * transaction (it failed in a block: out of gas, a revert), with the fee it charged and the block, as the adapter's
 * status look-up reads them; if not (refused at CheckTx, never included), fee 0. When the broadcast's fate is unknown
 * (RPC_UNAVAILABLE) it stays `pending` for the recheck. Adapters without the before-broadcast hook are recorded right
 * after the broadcast.
 * @returns the journal entry; @throws what the adapter throws (the entry, if any, already updated)
 */
export async function sendWithJournal(input: SendWithJournalInput): Promise<ActivityEntry> {
  const { journal, prepared } = input;
  const now = input.now ?? Date.now;
  const id = input.id ?? bytesToHex(randomBytes(16));
  let recorded: ActivityEntry | null = null;
  const record = async (tx: SentTransfer): Promise<void> => {
    const at = now();
    recorded = await journal.record({
      id,
      kind: 'transfer',
      chain: prepared.chain.id,
      accountId: input.accountId,
      from: prepared.from,
      to: prepared.to,
      asset: prepared.asset,
      amount: prepared.amount.toString(),
      fee: prepared.fees[prepared.tier].toString(),
      hash: tx.hash,
      nonce: tx.nonce.toString(),
      status: 'pending',
      createdAt: at,
      updatedAt: at,
      blockNumber: null,
      error: null,
    });
  };
  let sent: SentTransfer;
  try {
    sent = await input.adapter.sendTransfer(input.target, prepared, input.signer, { beforeBroadcast: record });
  } catch (error) {
    const ambiguous = error instanceof StrataError && error.code === 'RPC_UNAVAILABLE';
    if (recorded !== null && !ambiguous) {
      const reason = error instanceof StrataError ? error.message : 'The transaction was not sent';
      const charged = await chargedFee(input, recorded);
      await journal
        .update(id, { status: 'failed', fee: charged?.fee ?? '0', blockNumber: charged?.blockNumber ?? null, error: reason.slice(0, 300) })
        .catch(() => undefined);
    }
    throw error;
  }
  if (recorded === null) await record(sent);
  return journal.get(id) as ActivityEntry;
}

/**
 * The fee and block of a failed send that the chain included anyway; null when it was not included (or the look-up
 * itself failed: then the entry says fee 0 as before, and nothing is guessed).
 */
async function chargedFee(input: SendWithJournalInput, entry: ActivityEntry): Promise<{ fee: string; blockNumber: string } | null> {
  if (input.adapter.getTransactionStatus === undefined) return null;
  try {
    const status = await input.adapter.getTransactionStatus(input.target, entry.hash, BigInt(entry.nonce), entry.from);
    if (status.blockNumber === null || status.feePaid === null) return null;
    return { fee: status.feePaid.toString(), blockNumber: status.blockNumber.toString() };
  } catch {
    return null;
  }
}
