import { MsgTransfer } from 'cosmjs-types/ibc/applications/transfer/v1/tx';
import { AXELAR_GMP_ACCOUNT, SEND_TOKEN_MESSAGE_TYPE } from './axelarNetwork';

/** The type URL of ICS-20 MsgTransfer (what cosmjs' default registry encodes). */
export const MSG_TRANSFER_TYPE_URL = '/ibc.applications.transfer.v1.MsgTransfer';

/**
 * The memo that makes Axelar forward an ICS-20 transfer sent to its GMP account: the token goes to
 * `destinationAddress` on `destinationChain` (Axelar's name). axelar-core (x/axelarnet/message_handler.go) reads
 * `{destination_chain, destination_address, payload, type, fee}`; `fee` is only accepted with general messages
 * (types 1 and 2): a type-3 transfer that carries one is refused, so none is written. Axelar deducts its transfer
 * fee itself.
 */
export function sendTokenMemo(destinationChain: string, destinationAddress: string): string {
  return JSON.stringify({ destination_chain: destinationChain, destination_address: destinationAddress, payload: null, type: SEND_TOKEN_MESSAGE_TYPE });
}

export interface AxelarMsgTransferParams {
  sender: string;
  /** The channel on the sending chain that leads to Axelar. */
  sourceChannel: string;
  denom: string;
  amount: bigint;
  destinationChain: string;
  destinationAddress: string;
  /** Unix nanoseconds after which the packet times out and the sending chain refunds it. */
  timeoutTimestampNs: bigint;
}

/**
 * The MsgTransfer of a Cosmos -> EVM transfer through Axelar: `amount` of `denom` over the channel to Axelar, to
 * Axelar's GMP account, with the send-token memo. Timeout by timestamp only (no height: the adapter reads no Axelar
 * block height). Returns cosmjs-types' MsgTransfer, ready for cosmjs' registry.
 */
export function buildAxelarMsgTransfer(params: AxelarMsgTransferParams): MsgTransfer {
  return MsgTransfer.fromPartial({
    sourcePort: 'transfer',
    sourceChannel: params.sourceChannel,
    token: { denom: params.denom, amount: params.amount.toString() },
    sender: params.sender,
    receiver: AXELAR_GMP_ACCOUNT,
    timeoutHeight: { revisionNumber: 0n, revisionHeight: 0n },
    timeoutTimestamp: params.timeoutTimestampNs,
    memo: sendTokenMemo(params.destinationChain, params.destinationAddress),
  });
}
