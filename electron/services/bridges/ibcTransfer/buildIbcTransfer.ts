import type { EncodeObject } from '@cosmjs/proto-signing';
import { parseBech32Address } from '../../../../shared/addresses/bech32Address';
import { StrataError } from '../../../../shared/errors';
import { cosmosPrefix } from '../../cosmos/cosmosChainId';
import { forwardMemo, PFM_INTERMEDIATE_RECEIVER } from '../../cosmos/ibc/forwardMemo';
import type { IbcTimeout } from '../../cosmos/ibc/ibcTimeout';
import type { IbcPath } from './ibcPaths';

export const MSG_TRANSFER_TYPE_URL = '/ibc.applications.transfer.v1.MsgTransfer';

/**
 * The MsgTransfer of an IBC path: over the first channel, from `sender` (on the source chain) to `recipient` (on the
 * destination chain); a path through packet-forward-middleware sends to PFM's placeholder receiver on the
 * intermediate chain with a forward memo naming the recipient. `timeout` applies to the first hop (the forward memo
 * carries its own relative timeout).
 * @throws StrataError INVALID_ADDRESS (a prefix that is not the chain's), INVALID_AMOUNT
 */
export function buildIbcTransfer(path: IbcPath, amount: bigint, parties: { sender: string; recipient: string }, timeout: IbcTimeout): EncodeObject {
  const [source] = path.chains;
  const dest = path.chains[path.chains.length - 1];
  const first = path.hops[0];
  if (source === undefined || dest === undefined || first === undefined) throw new StrataError('INTERNAL', 'An IBC path without a hop');
  if (amount <= 0n || amount >= 2n ** 256n) throw new StrataError('INVALID_AMOUNT', 'The amount must be positive');
  const sender = parseBech32Address(parties.sender, cosmosPrefix(source)).address;
  const recipient = parseBech32Address(parties.recipient, cosmosPrefix(dest)).address;
  const forwards = path.hops.slice(1);
  const memo = forwardMemo(forwards.map((hop, i) => ({
    receiver: i === forwards.length - 1 ? recipient : PFM_INTERMEDIATE_RECEIVER,
    port: hop.sourcePort,
    channel: hop.sourceChannel,
  })));
  return {
    typeUrl: MSG_TRANSFER_TYPE_URL,
    value: {
      sourcePort: first.sourcePort,
      sourceChannel: first.sourceChannel,
      token: { denom: path.sourceDenom, amount: amount.toString() },
      sender,
      receiver: forwards.length === 0 ? recipient : PFM_INTERMEDIATE_RECEIVER,
      timeoutHeight: { revisionNumber: timeout.revisionNumber, revisionHeight: timeout.revisionHeight },
      timeoutTimestamp: timeout.timestampNs,
      memo,
      encoding: '',
    },
  };
}
