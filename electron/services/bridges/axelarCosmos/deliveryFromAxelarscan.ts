import type { CaipChainId } from '../../../../shared/domain/chain';
import type { DeliveryStatus } from '../bridgeAdapter';
import { AXELAR_CHAIN } from './axelarNetwork';
import type { AxelarscanTransfer } from './axelarscanClient';

/**
 * Where an Axelar transfer stands, in the order it moves (Axelarscan's own reading of the same fields, in
 * axelarscan-api `searchTransfers/addFieldsToResult.js`: asset_sent, deposit_confirmed, voted, batch_signed or
 * ibc_sent, executed; ibc_failed and send_failed end it).
 */
export type AxelarStage =
  | 'not-indexed'
  | 'source-failed'
  | 'insufficient-fee'
  | 'sent'
  | 'confirmed'
  | 'executed-on-axelar'
  | 'batch-signed'
  | 'ibc-sent'
  | 'ibc-failed'
  | 'delivered';

/** The stage of a transfer Axelarscan returned (null: not indexed yet). */
export function axelarStage(record: AxelarscanTransfer | null): AxelarStage {
  if (record === null) return 'not-indexed';
  const { send, confirm, vote, command, ibc_send: ibc } = record;
  if (ibc) {
    if (ibc.failed_txhash && !ibc.ack_txhash) return 'ibc-failed';
    return ibc.ack_txhash || ibc.recv_txhash ? 'delivered' : 'ibc-sent';
  }
  if (command) return command.executed || command.transactionHash ? 'delivered' : 'batch-signed';
  if (vote) return vote.success === false ? 'sent' : transferIdOf(record) === undefined ? 'confirmed' : 'executed-on-axelar';
  if (confirm) return transferIdOf(record) === undefined ? 'confirmed' : 'executed-on-axelar';
  if (send?.status === 'failed') return 'source-failed';
  // Axelarscan clears insufficient_fee once a transfer moves on; before that it means Axelar will not deliver.
  if (send?.insufficient_fee === true) return 'insufficient-fee';
  return 'sent';
}

/** Axelar's transfer id (nexus), as Axelarscan reports it on whichever stage carries it. */
export function transferIdOf(record: AxelarscanTransfer): string | undefined {
  const candidates = [record.command?.transfer_id, record.vote?.transfer_id, record.confirm?.transfer_id, record.ibc_send?.transfer_id, record.transfer_id];
  const id = candidates.find((c) => (typeof c === 'number' && Number.isSafeInteger(c)) || (typeof c === 'string' && /^[0-9]{1,20}$/.test(c)));
  return id === undefined ? undefined : String(id);
}

export interface DeliveryContext {
  /** Strata's destination chain and its name for messages ("Osmosis"). */
  destinationChain: CaipChainId;
  destinationName: string;
  /** The source chain's name and how long Axelar waits for its finality (EVM sources), for the first stage's message. */
  sourceName: string;
  finalityMinutes: number | undefined;
  /** What the transfer carries, for messages ("axlUSDC"). */
  symbol: string;
  /** Now, and the age after which an unfinished transfer is reported stuck at Axelar. */
  nowMs: number;
  stuckAfterMs: number;
}

/**
 * The DeliveryStatus of a transfer from Axelarscan's record: `inflight` at every stage before arrival, `delivered`
 * once the destination received it (the IBC packet was received or acknowledged; the EVM command was relayed),
 * `failed` when the source transaction failed, the amount was below Axelar's fee, or Axelar's IBC transfer to the
 * destination failed. A failure after the source names where the funds are (`fundsAt`): on Axelar, as uusdc, held
 * for the recipient or at Axelar's IBC sender; someone must ask Axelar to move them (contact support). An inflight
 * transfer older than `stuckAfterMs` past Axelar's confirmation says it is stuck there, with the same location.
 */
export function deliveryFromAxelarscan(record: AxelarscanTransfer | null, ctx: DeliveryContext): DeliveryStatus {
  const stage = axelarStage(record);
  const guid = record === null ? undefined : transferIdOf(record);
  const base = { destinationChain: ctx.destinationChain, ...(guid === undefined ? {} : { guid }) };
  const amount = record?.send?.amount;
  const what = amount === undefined ? `the ${ctx.symbol}` : `${amount} ${ctx.symbol}`;
  const onAxelar = (address: string | undefined) => `the funds are on Axelar as uusdc${address ? `, address ${address}` : ''}`;
  switch (stage) {
    case 'not-indexed':
      return { state: 'inflight', detail: 'Waiting for Axelar to see the transfer', ...base };
    case 'source-failed':
      return { state: 'failed', detail: 'The source transaction failed: nothing was sent', ...base };
    case 'insufficient-fee': {
      const fee = record?.send?.fee;
      const recipient = record?.link?.recipient_address ?? record?.send?.recipient_address;
      return {
        state: 'failed',
        detail: `Not delivered: ${what} is not more than Axelar's transfer fee${fee === undefined ? '' : ` of ${fee} ${ctx.symbol}`}; ${onAxelar(undefined)}, held for ${recipient ?? 'the recipient'} on ${ctx.destinationName}`,
        ...base,
        // Axelar keeps the transfer pending for its recipient: nothing returns by itself.
        fundsAt: { chain: AXELAR_CHAIN, address: recipient ?? '', action: 'contact-support' },
      };
    }
    case 'ibc-failed':
      return {
        state: 'failed',
        detail: `Stuck at Axelar: its IBC transfer to ${ctx.destinationName} failed (timed out or refused); ${onAxelar(record?.ibc_send?.sender_address)}, where Axelar can retry it`,
        ...base,
        // A retry on Axelar (RetryIBCTransfer) must be asked for: it does not happen by itself.
        fundsAt: { chain: AXELAR_CHAIN, address: record?.ibc_send?.sender_address ?? '', action: 'contact-support' },
      };
    case 'delivered': {
      const destinationTxHash = record?.ibc_send?.recv_txhash ?? record?.command?.transactionHash ?? undefined;
      const acked = record?.ibc_send?.ack_txhash ? ' (IBC acknowledged)' : '';
      return { state: 'delivered', detail: `Delivered on ${ctx.destinationName}${acked}`, ...base, ...(destinationTxHash ? { destinationTxHash } : {}) };
    }
    case 'sent':
      return {
        state: 'inflight',
        detail:
          ctx.finalityMinutes === undefined
            ? `Axelar received the transfer from ${ctx.sourceName}; waiting for its validators' confirmation`
            : `Axelar saw the transfer; waiting for ${ctx.sourceName} finality (about ${ctx.finalityMinutes} min) and its validators' confirmation`,
        ...base,
      };
    default: {
      const waiting = {
        confirmed: `Confirmed by Axelar's validators; waiting for Axelar to execute the transfer`,
        'executed-on-axelar': `Executed on Axelar (transfer ${guid ?? '?'}); waiting for it to leave for ${ctx.destinationName}`,
        'batch-signed': `Axelar signed the transfer to ${ctx.destinationName}; waiting for a relayer to submit it`,
        'ibc-sent': `Axelar sent it to ${ctx.destinationName} over IBC; waiting for the packet to arrive`,
      }[stage];
      const since = record?.send?.created_at?.ms;
      if (since !== undefined && ctx.nowMs - since > ctx.stuckAfterMs) {
        const over = ctx.stuckAfterMs >= 3_600_000 ? `${Math.floor(ctx.stuckAfterMs / 3_600_000)} h` : `${Math.max(1, Math.floor(ctx.stuckAfterMs / 60_000))} min`;
        return { state: 'inflight', detail: `Stuck at Axelar for over ${over}: ${onAxelar(record?.ibc_send?.sender_address)}. ${waiting}`, ...base };
      }
      return { state: 'inflight', detail: waiting, ...base };
    }
  }
}

