import { z } from 'zod';
import { StrataError } from '../../../../shared/errors';
import { AXELARSCAN_API_BASE_URL } from './axelarNetwork';
import { apiBase, fetchAxelarJson, type AxelarHttpOptions } from './fetchAxelarJson';

const text = z.string().max(200);
const txHash = text.nullable().optional();
const timestamp = z.looseObject({ ms: z.number() }).optional();

/**
 * One transfer as Axelarscan's `POST /token/searchTransfers` returns it (`{"data":[…],"total":n,"time_spent":ms}`).
 * Only the fields tracking reads are checked; the API adds others freely. Amounts are display units (USDC, not
 * uusdc) as JSON numbers. Stages appear as they happen: `send` (the source transaction), `confirm`/`vote`
 * (Axelar confirmed the deposit), `command` (signed for an EVM destination; `executed`/`transactionHash` once
 * relayed), `ibc_send` (Axelar's IBC transfer to a Cosmos destination; `recv_txhash`/`ack_txhash` once it arrived,
 * `failed_txhash` when it timed out or was refused).
 */
export const AxelarscanTransfer = z.looseObject({
  type: text.optional(),
  status: text.optional(),
  simplified_status: text.optional(),
  send: z
    .looseObject({
      txhash: txHash,
      status: text.optional(),
      source_chain: text.optional(),
      destination_chain: text.optional(),
      recipient_address: text.optional(),
      denom: text.optional(),
      amount: z.number().optional(),
      fee: z.number().optional(),
      insufficient_fee: z.boolean().optional(),
      amount_received: z.number().optional(),
      created_at: timestamp,
    })
    .optional(),
  link: z.looseObject({ recipient_address: text.optional(), destination_chain: text.optional() }).optional(),
  confirm: z.looseObject({ txhash: txHash }).optional(),
  vote: z.looseObject({ txhash: txHash, success: z.boolean().optional() }).optional(),
  command: z.looseObject({ executed: z.boolean().optional(), transactionHash: txHash, chain: text.optional() }).optional(),
  ibc_send: z
    .looseObject({
      txhash: txHash,
      sender_address: text.optional(),
      recipient_address: text.optional(),
      recv_txhash: txHash,
      ack_txhash: txHash,
      failed_txhash: txHash,
    })
    .optional(),
  axelar_transfer: z.looseObject({ txhash: txHash }).optional(),
});
export type AxelarscanTransfer = z.infer<typeof AxelarscanTransfer>;

const SearchTransfersBody = z.looseObject({ data: z.array(AxelarscanTransfer) });

/** Where tracking learns what Axelar did with a transfer (injectable: tests use a local stand-in of the real API). */
export interface AxelarTransferStatusSource {
  /** The transfer whose source transaction is `txHash`, or null while Axelar has not seen it. @throws RPC_UNAVAILABLE */
  transferByTxHash(txHash: string): Promise<AxelarscanTransfer | null>;
}

/** EVM hashes (0x + 64 hex) and Cosmos hashes (64 hex): nothing else is sent to the API. */
const TX_HASH = /^(0x)?[0-9a-fA-F]{64}$/;

/**
 * The real status source: Axelarscan's token-transfer search, `POST <base>/token/searchTransfers` with
 * `{"txHash":"…","size":1}` (the endpoint Axelarscan's own transfer page polls; documented at
 * docs.axelarscan.io, "searchTransfers").
 * @throws (transferByTxHash) INVALID_INPUT for a malformed hash; RPC_UNAVAILABLE when the API cannot be reached or
 *   answers something else than a transfer list
 */
export function createAxelarscanClient(options: AxelarHttpOptions = {}): AxelarTransferStatusSource {
  const base = apiBase(options, AXELARSCAN_API_BASE_URL);
  return {
    async transferByTxHash(hash) {
      if (!TX_HASH.test(hash)) throw new StrataError('INVALID_INPUT', 'Not a transaction hash');
      const json = await fetchAxelarJson(`${base}/token/searchTransfers`, { txHash: hash, size: 1 }, options, 'Axelarscan');
      const parsed = SearchTransfersBody.safeParse(json);
      if (!parsed.success) throw new StrataError('RPC_UNAVAILABLE', 'Axelarscan sent an unexpected answer');
      return parsed.data.data[0] ?? null;
    },
  };
}
