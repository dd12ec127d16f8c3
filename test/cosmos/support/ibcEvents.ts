/**
 * IBC events exactly as ibc-go v8 emits them (core/04-channel/keeper/events.go and apps/transfer): the attribute
 * keys, their order and value formats (`packet_timeout_height` as `revision-height`, nanosecond timestamps, the
 * ICS-20 packet data as JSON with string amounts, `packet_ack` as the JSON acknowledgement). Used to build recorded
 * transaction results for the stand-in nodes.
 *
 * `ibcGo: 'v10'` writes what the issue-17 ibc-go v10.4 chains wrote: `send_packet` / `recv_packet` with
 * `packet_data_hex` only (the deprecated `packet_data` left out), and the transfer app's v10 events
 * (apps/transfer/internal/events: `ibc_transfer` {sender, receiver, denom, amount, memo}; `fungible_token_packet`
 * without `module`; `timeout` {refund_receiver, refund_tokens as JSON Token, memo}).
 */
export type IbcGoRelease = 'v8' | 'v10';
export interface PlainEvent {
  type: string;
  attributes: Array<{ key: string; value: string }>;
}

export interface PacketFields {
  sequence: string;
  srcPort?: string;
  srcChannel: string;
  dstPort?: string;
  dstChannel: string;
  /** `revision-height` */
  timeoutHeight: string;
  timeoutTimestamp: string;
  data: { denom: string; amount: string; sender: string; receiver: string; memo?: string };
  connection?: string;
}

function packetAttributes(p: PacketFields, connectionOnThisChain: string, release: IbcGoRelease = 'v8'): Array<{ key: string; value: string }> {
  const data = JSON.stringify({ amount: p.data.amount, denom: p.data.denom, ...(p.data.memo ? { memo: p.data.memo } : {}), receiver: p.data.receiver, sender: p.data.sender });
  return [
    ...(release === 'v10' ? [] : [{ key: 'packet_data', value: data }]),
    { key: 'packet_data_hex', value: Buffer.from(data, 'utf8').toString('hex') },
    { key: 'packet_timeout_height', value: p.timeoutHeight },
    { key: 'packet_timeout_timestamp', value: p.timeoutTimestamp },
    { key: 'packet_sequence', value: p.sequence },
    { key: 'packet_src_port', value: p.srcPort ?? 'transfer' },
    { key: 'packet_src_channel', value: p.srcChannel },
    { key: 'packet_dst_port', value: p.dstPort ?? 'transfer' },
    { key: 'packet_dst_channel', value: p.dstChannel },
    { key: 'packet_channel_ordering', value: 'ORDER_UNORDERED' },
    { key: 'packet_connection', value: connectionOnThisChain },
    { key: 'connection_id', value: connectionOnThisChain },
    { key: 'msg_index', value: '0' },
  ];
}

/** The events of a MsgTransfer's transaction on the sending chain (escrow + send_packet + ibc_transfer). */
export function sendPacketTxEvents(p: PacketFields, escrow: string, release: IbcGoRelease = 'v8'): PlainEvent[] {
  return [
    { type: 'message', attributes: [{ key: 'action', value: '/ibc.applications.transfer.v1.MsgTransfer' }, { key: 'sender', value: p.data.sender }, { key: 'module', value: 'ibc_channel' }, { key: 'msg_index', value: '0' }] },
    { type: 'coin_spent', attributes: [{ key: 'spender', value: p.data.sender }, { key: 'amount', value: `${p.data.amount}${p.data.denom}` }, { key: 'msg_index', value: '0' }] },
    { type: 'coin_received', attributes: [{ key: 'receiver', value: escrow }, { key: 'amount', value: `${p.data.amount}${p.data.denom}` }, { key: 'msg_index', value: '0' }] },
    { type: 'transfer', attributes: [{ key: 'recipient', value: escrow }, { key: 'sender', value: p.data.sender }, { key: 'amount', value: `${p.data.amount}${p.data.denom}` }, { key: 'msg_index', value: '0' }] },
    { type: 'send_packet', attributes: packetAttributes(p, p.connection ?? 'connection-0', release) },
    release === 'v10'
      ? { type: 'ibc_transfer', attributes: [{ key: 'sender', value: p.data.sender }, { key: 'receiver', value: p.data.receiver }, { key: 'denom', value: p.data.denom }, { key: 'amount', value: p.data.amount }, { key: 'memo', value: p.data.memo ?? '' }, { key: 'msg_index', value: '0' }] }
      : { type: 'ibc_transfer', attributes: [{ key: 'sender', value: p.data.sender }, { key: 'receiver', value: p.data.receiver }, { key: 'amount', value: p.data.amount }, { key: 'denom', value: p.data.denom }, { key: 'memo', value: p.data.memo ?? '' }, { key: 'msg_index', value: '0' }] },
    { type: 'message', attributes: [{ key: 'module', value: 'transfer' }, { key: 'msg_index', value: '0' }] },
  ];
}

/** The ICS-20 acknowledgement JSON: success is `{"result":"AQ=="}` (base64 of 0x01), a refusal `{"error":"..."}`. */
export function ackJson(ack: { ok: true } | { error: string }): string {
  return 'ok' in ack ? '{"result":"AQ=="}' : JSON.stringify({ error: ack.error });
}

/**
 * The events of a relayer's MsgRecvPacket on the receiving chain: recv_packet, and write_acknowledgement when the
 * app acknowledges at once (PFM does not when it forwards; it adds its own send_packet instead).
 */
export function recvPacketTxEvents(p: PacketFields, outcome: { ack: { ok: true } | { error: string } } | { forward: PacketFields }, release: IbcGoRelease = 'v8'): PlainEvent[] {
  const module = release === 'v10' ? [] : [{ key: 'module', value: 'transfer' }];
  const events: PlainEvent[] = [
    { type: 'message', attributes: [{ key: 'action', value: '/ibc.core.channel.v1.MsgRecvPacket' }, { key: 'sender', value: 'relayer' }, { key: 'msg_index', value: '1' }] },
    { type: 'recv_packet', attributes: packetAttributes(p, 'connection-1', release) },
    { type: 'fungible_token_packet', attributes: [...module, { key: 'sender', value: p.data.sender }, { key: 'receiver', value: p.data.receiver }, { key: 'denom', value: p.data.denom }, { key: 'amount', value: p.data.amount }, { key: 'memo', value: p.data.memo ?? '' }, { key: 'success', value: 'ack' in outcome && 'ok' in outcome.ack ? 'true' : 'false' }] },
  ];
  if ('forward' in outcome) {
    events.push({ type: 'send_packet', attributes: packetAttributes(outcome.forward, 'connection-2', release) });
    return events;
  }
  const attrs = packetAttributes(p, 'connection-1', release).filter((a) => a.key !== 'packet_channel_ordering');
  const at = attrs.findIndex((a) => a.key === 'packet_sequence');
  attrs.splice(at, 0, { key: 'packet_ack', value: ackJson(outcome.ack) }, { key: 'packet_ack_hex', value: Buffer.from(ackJson(outcome.ack), 'utf8').toString('hex') });
  events.push({ type: 'write_acknowledgement', attributes: attrs });
  return events;
}

/** The events of a relayer's MsgAcknowledgement on the sending chain (a refusal also refunds: coin_received by the sender). */
export function acknowledgePacketTxEvents(p: PacketFields, ack: { ok: true } | { error: string }): PlainEvent[] {
  const packet = packetAttributes(p, 'connection-0').filter((a) => a.key !== 'packet_data' && a.key !== 'packet_data_hex');
  const events: PlainEvent[] = [
    { type: 'message', attributes: [{ key: 'action', value: '/ibc.core.channel.v1.MsgAcknowledgement' }, { key: 'sender', value: 'relayer' }, { key: 'msg_index', value: '1' }] },
    { type: 'acknowledge_packet', attributes: packet },
    { type: 'fungible_token_packet', attributes: [{ key: 'module', value: 'transfer' }, { key: 'sender', value: p.data.sender }, { key: 'receiver', value: p.data.receiver }, { key: 'denom', value: p.data.denom }, { key: 'amount', value: p.data.amount }, { key: 'memo', value: p.data.memo ?? '' }, { key: 'acknowledgement', value: ackJson(ack) }] },
  ];
  if ('ok' in ack) events.push({ type: 'fungible_token_packet', attributes: [{ key: 'success', value: '\u0001' }] });
  else {
    events.push({ type: 'fungible_token_packet', attributes: [{ key: 'error', value: ack.error }] });
    events.push({ type: 'coin_received', attributes: [{ key: 'receiver', value: p.data.sender }, { key: 'amount', value: `${p.data.amount}${p.data.denom}` }] });
  }
  return events;
}

/** The events of a relayer's MsgTimeout on the sending chain: timeout_packet and the refund. */
export function timeoutPacketTxEvents(p: PacketFields, release: IbcGoRelease = 'v8'): PlainEvent[] {
  const packet = packetAttributes(p, 'connection-0').filter((a) => !['packet_data', 'packet_data_hex', 'packet_connection'].includes(a.key));
  // v10 writes the refunded Token as JSON: {"denom":{"base":"uusdc","trace":[]},"amount":"2500000"}.
  const refundTokens = JSON.stringify({ denom: { base: p.data.denom, trace: [] }, amount: p.data.amount });
  return [
    { type: 'message', attributes: [{ key: 'action', value: '/ibc.core.channel.v1.MsgTimeout' }, { key: 'sender', value: 'relayer' }, { key: 'msg_index', value: '1' }] },
    { type: 'timeout_packet', attributes: packet },
    { type: 'coin_received', attributes: [{ key: 'receiver', value: p.data.sender }, { key: 'amount', value: `${p.data.amount}${p.data.denom}` }] },
    release === 'v10'
      ? { type: 'timeout', attributes: [{ key: 'refund_receiver', value: p.data.sender }, { key: 'refund_tokens', value: refundTokens }, { key: 'memo', value: p.data.memo ?? '' }] }
      : { type: 'timeout', attributes: [{ key: 'module', value: 'transfer' }, { key: 'refund_receiver', value: p.data.sender }, { key: 'refund_denom', value: p.data.denom }, { key: 'refund_amount', value: p.data.amount }, { key: 'memo', value: p.data.memo ?? '' }] },
  ];
}

/** Osmosis' events of a poolmanager swap (x/poolmanager + the pool module's token_swapped). */
export function osmosisSwapTxEvents(sender: string, poolId: string, tokensIn: string, tokensOut: string): PlainEvent[] {
  return [
    { type: 'message', attributes: [{ key: 'action', value: '/osmosis.poolmanager.v1beta1.MsgSwapExactAmountIn' }, { key: 'sender', value: sender }, { key: 'module', value: 'poolmanager' }, { key: 'msg_index', value: '0' }] },
    { type: 'token_swapped', attributes: [{ key: 'module', value: 'gamm' }, { key: 'sender', value: sender }, { key: 'pool_id', value: poolId }, { key: 'tokens_in', value: tokensIn }, { key: 'tokens_out', value: tokensOut }, { key: 'msg_index', value: '0' }] },
  ];
}
