import type { CaipChainId, ChainInfo } from '../../../../shared/domain/chain';
import { StrataError } from '../../../../shared/errors';
import { assetIndexFor } from '../../cosmos/registry/assetIndex';
import type { CosmosRpc } from '../../cosmos/rpc/createCosmosRpc';
import { eventAttributeValues, type CosmosEvent } from '../../cosmos/rpc/normalizeEventAttributes';
import { latestBlock, searchTxs, type FoundTxEvents } from '../../cosmos/rpc/searchTxs';
import { lookUpTx } from '../../cosmos/tx/broadcastAndWait';
import type { BridgeFundsLocation, DeliveryStatus, SentBridgeTx } from '../bridgeAdapter';
import { ibcTransferEvent, ics20PacketData } from './ics20PacketData';

/** Where the funds of a transfer that did not arrive are, when the tracker can tell (DeliveryStatus carries it). */
export type IbcFundsLocation = BridgeFundsLocation;

/** A DeliveryStatus with, for a failed transfer, where its funds are. */
export type IbcDeliveryStatus = DeliveryStatus;

export interface IbcTrackingContext {
  chains: readonly ChainInfo[];
  rpcOf(chain: CaipChainId): CosmosRpc;
  /** ms. Optional and not used for timeouts: a packet times out by the receiving chain's block time and height. */
  now?(): number;
  /** The chain at the other end of a channel, for chains outside the bundled registry (a testnet); default: the registry. */
  counterparty?(chain: ChainInfo, port: string, channel: string): CaipChainId | undefined;
}

/** One ICS-20 packet as `send_packet` describes it. */
export interface IbcPacket {
  chain: ChainInfo;
  sequence: string;
  srcPort: string;
  srcChannel: string;
  dstPort: string;
  dstChannel: string;
  /** `revision-height`, `0-0` for none */
  timeoutHeight: string;
  /** unix ns, `0` for none */
  timeoutTimestamp: string;
  sender: string;
  receiver: string;
}

/**
 * One look at an IBC transfer: the source transaction's `send_packet`, then the receiving chain's `recv_packet`
 * (followed over packet-forward-middleware's own `send_packet` to the next chain, and over its retries), its
 * `write_acknowledgement` (result = delivered; error = refused), or the packet's timeout. Success or refusal is read
 * from the acknowledgement the receiving chain wrote (`packet_ack`, or `packet_ack_hex` alone), in its receipt or
 * later: PFM acknowledges the packet it forwards only once the forward succeeded or finally failed. The source's
 * `acknowledge_packet` does not carry the acknowledgement: it only makes a refusal final (the escrow went back to the
 * sender), as `timeout_packet` does a timeout. A forwarded packet that timed out on a later hop stays `inflight`
 * (stalled) until PFM retries it or acknowledges the origin. Timeouts are judged by the receiving chain's latest
 * block (time and height), as ibc-go does, never by the local clock.
 * @throws StrataError RPC_UNAVAILABLE from the nodes
 */
export async function trackIbcTransfer(sent: SentBridgeTx, ctx: IbcTrackingContext): Promise<IbcDeliveryStatus> {
  const source = chainOf(ctx, sent.chain);
  const hash = sent.txHash.replace(/^0x/i, '').toUpperCase();
  const tx = await ctx.rpcOf(source.id).withNode((node) => lookUpTx(node, hash));
  if (tx === null) return { state: 'inflight', detail: 'waiting for the source transaction' };
  if (tx.code !== 0) return { state: 'failed', detail: 'the source transaction failed: nothing was sent' };
  const packet = packetOf(ctx, source, tx.events);
  if (packet === null) return { state: 'failed', detail: 'the source transaction sent no IBC packet' };
  // A refund goes back to the sender: named from the packet, else the transfer event, else who signed the send.
  const origin = packet.sender === '' && sent.sender !== undefined ? { ...packet, sender: sent.sender.slice(0, 128) } : packet;
  return follow(ctx, origin, origin, 0, 0);
}

const MAX_FORWARDS = 3;
/** PFM's `retries` after a forward timed out, followed at most (its default is 0; memos rarely ask for more). */
const MAX_RETRIES = 5;

async function follow(ctx: IbcTrackingContext, origin: IbcPacket, packet: IbcPacket, depth: number, retries: number): Promise<IbcDeliveryStatus> {
  const dest = counterpartyOf(ctx, packet);
  const base = { destinationChain: dest.id };
  const received = (await search(ctx, dest.id, 'recv_packet', packet))[0];
  if (received === undefined) {
    if (!(await timedOut(ctx, dest, packet))) return { ...base, state: 'inflight', detail: `waiting for a relayer to deliver the packet to ${dest.name}` };
    const returned = (await search(ctx, packet.chain.id, 'timeout_packet', packet))[0];
    if (depth === 0) {
      if (returned === undefined) return { ...base, state: 'inflight', detail: `timed out before reaching ${dest.name}; the refund waits for a relayer` };
      return { ...base, state: 'failed', detail: `timed out; refunded to ${origin.sender} on ${origin.chain.name}`, fundsAt: { chain: origin.chain.id, address: origin.sender, action: 'none' } };
    }
    // PFM retries a timed-out forward in the transaction that brought the timeout back: follow the new packet.
    const retry = returned === undefined ? null : packetOf(ctx, packet.chain, returned.events);
    if (retry !== null && retries < MAX_RETRIES) return follow(ctx, origin, retry, depth, retries + 1);
    if (returned === undefined) {
      // Not final: once a relayer brings the timeout back, PFM retries the forward or refunds the origin's sender.
      return {
        ...base,
        state: 'inflight',
        stalled: true,
        detail: `the forward from ${packet.chain.name} to ${dest.name} timed out; waiting for a relayer, then packet-forward-middleware retries it or returns the funds to ${origin.sender} on ${origin.chain.name}`,
      };
    }
    return refundOfOrigin(ctx, origin, `the forward from ${packet.chain.name} to ${dest.name} timed out`, dest);
  }
  const next = nextPacketOf(ctx, dest, received.events, packet);
  if (next === null || depth > 0) {
    // The receipt holds the acknowledgement when the app acknowledged at once; an async app writes it later.
    const ack = ackOf(received.events, packet) ?? (await writtenAck(ctx, dest, packet));
    if (ack === 'success' && (depth > 0 || next === null)) {
      return { ...base, state: 'delivered', detail: `delivered on ${dest.name}`, destinationTxHash: received.hash };
    }
    if (ack === 'error') {
      // A forward refused downstream: PFM acknowledges the first packet with an error, and the source refunds.
      return refundOfOrigin(ctx, origin, depth === 0 ? `${dest.name} refused the transfer` : `${dest.name} refused the forwarded transfer`, dest);
    }
  }
  if (next === null) {
    return { ...base, state: 'inflight', detail: `received on ${dest.name}; waiting for its acknowledgement` };
  }
  if (depth + 1 >= MAX_FORWARDS) return { ...base, state: 'inflight', detail: 'forwarded too many times to follow' };
  const downstream = await follow(ctx, origin, next, depth + 1, retries);
  if (depth > 0 || downstream.state !== 'inflight') return downstream;
  // Still open downstream as far as the tracker can see: PFM's acknowledgement of the origin's packet decides.
  const originAck = await writtenAck(ctx, dest, packet);
  if (originAck === null) return downstream;
  const last = ctx.chains.find((c) => c.id === downstream.destinationChain) ?? counterpartyOf(ctx, next);
  if (originAck === 'success') return { state: 'delivered', destinationChain: last.id, detail: `delivered on ${last.name}` };
  return refundOfOrigin(ctx, origin, `the forward from ${dest.name} to ${last.name} failed`, dest);
}

/**
 * A refusal or timeout somewhere on the way: decided by the acknowledgement the first receiving chain wrote for the
 * origin's packet (PFM writes success there when a retried forward got through), final once the source shows it.
 * `downstream` is where a success was delivered.
 */
async function refundOfOrigin(ctx: IbcTrackingContext, origin: IbcPacket, why: string, downstream: ChainInfo): Promise<IbcDeliveryStatus> {
  const dest = counterpartyOf(ctx, origin);
  const originAck = await writtenAck(ctx, dest, origin);
  if (originAck === 'success') return { state: 'delivered', destinationChain: downstream.id, detail: `delivered on ${downstream.name}` };
  const acked = originAck === 'error' ? (await search(ctx, origin.chain.id, 'acknowledge_packet', origin))[0] : undefined;
  const timedOutBack = acked === undefined ? (await search(ctx, origin.chain.id, 'timeout_packet', origin))[0] : undefined;
  if (acked === undefined && timedOutBack === undefined) {
    return { state: 'inflight', destinationChain: dest.id, detail: `${why}; the refund to ${origin.sender} on ${origin.chain.name} waits for a relayer` };
  }
  return { state: 'failed', destinationChain: dest.id, detail: `${why}; refunded to ${origin.sender} on ${origin.chain.name}`, fundsAt: { chain: origin.chain.id, address: origin.sender, action: 'none' } };
}

function search(ctx: IbcTrackingContext, chain: CaipChainId, event: string, packet: IbcPacket): Promise<FoundTxEvents[]> {
  return ctx.rpcOf(chain).withNode((node) =>
    searchTxs(node, { [`${event}.packet_src_channel`]: packet.srcChannel, [`${event}.packet_sequence`]: packet.sequence }),
  ).then((found) => found.filter((tx) => tx.code === 0 && packetEvents(tx.events, event).some((e) => samePacket(e, packet))));
}

/**
 * Whether the receiving chain can no longer accept the packet: its latest block's time or height reached the
 * packet's timeout (ibc-go's rule; the local clock may be off, and the chain may lag it).
 */
async function timedOut(ctx: IbcTrackingContext, dest: ChainInfo, packet: IbcPacket): Promise<boolean> {
  const timestamp = BigInt(/^[0-9]{1,30}$/.test(packet.timeoutTimestamp) ? packet.timeoutTimestamp : '0');
  const height = /^([0-9]+)-([0-9]+)$/.exec(packet.timeoutHeight);
  const timeoutHeight = height ? BigInt(height[2] as string) : 0n;
  if (timestamp === 0n && timeoutHeight === 0n) return false;
  const latest = await ctx.rpcOf(dest.id).withNode(latestBlock);
  if (timestamp !== 0n && BigInt(latest.timeMs) * 1_000_000n >= timestamp) return true;
  return timeoutHeight !== 0n && latest.height >= timeoutHeight;
}

/** The acknowledgement `chain` (the packet's receiver) wrote for the packet in any transaction; null while none. */
async function writtenAck(ctx: IbcTrackingContext, chain: ChainInfo, packet: IbcPacket): Promise<'success' | 'error' | null> {
  const found = await search(ctx, chain.id, 'write_acknowledgement', packet);
  for (const tx of found) {
    const ack = ackOf(tx.events, packet);
    if (ack !== null) return ack;
  }
  return null;
}

/**
 * `{"result":"AQ=="}` is success; `{"error":"..."}` a refusal; null when this tx wrote no acknowledgement for it.
 * Newer ibc-go may emit only `packet_ack_hex` (`packet_ack` is deprecated).
 */
function ackOf(events: readonly CosmosEvent[], packet: IbcPacket): 'success' | 'error' | null {
  const written = packetEvents(events, 'write_acknowledgement').find((e) => samePacket(e, packet));
  if (written === undefined) return null;
  const hex = attribute(written, 'packet_ack_hex');
  const text = attribute(written, 'packet_ack') || (/^(?:[0-9a-f]{2})+$/i.test(hex) ? Buffer.from(hex, 'hex').toString('utf8') : '');
  try {
    const parsed = JSON.parse(text) as { result?: unknown; error?: unknown };
    return typeof parsed.result === 'string' && parsed.error === undefined ? 'success' : 'error';
  } catch {
    return 'error';
  }
}

function nextPacketOf(ctx: IbcTrackingContext, chain: ChainInfo, events: readonly CosmosEvent[], previous: IbcPacket): IbcPacket | null {
  const sendEvent = events.find((e) => e.type === 'send_packet' && !(attribute(e, 'packet_src_channel') === previous.dstChannel && attribute(e, 'packet_sequence') === previous.sequence));
  return sendEvent === undefined ? null : packetFromEvent(chain, sendEvent, events);
}

function packetOf(ctx: IbcTrackingContext, chain: ChainInfo, events: readonly CosmosEvent[]): IbcPacket | null {
  const sendEvent = events.find((e) => e.type === 'send_packet');
  return sendEvent === undefined ? null : packetFromEvent(chain, sendEvent, events);
}

/**
 * The packet of a `send_packet` event. Sender and receiver come from the ICS-20 packet data (`packet_data`, or
 * `packet_data_hex` alone as ibc-go v10 chains write it), else from the same transaction's `ibc_transfer` event.
 */
function packetFromEvent(chain: ChainInfo, event: CosmosEvent, txEvents: readonly CosmosEvent[]): IbcPacket | null {
  const sequence = attribute(event, 'packet_sequence');
  if (!/^[0-9]+$/.test(sequence)) return null;
  const data = ics20PacketData(event) ?? ibcTransferEvent(txEvents) ?? { sender: '', receiver: '' };
  return {
    chain,
    sequence,
    srcPort: attribute(event, 'packet_src_port'),
    srcChannel: attribute(event, 'packet_src_channel'),
    dstPort: attribute(event, 'packet_dst_port'),
    dstChannel: attribute(event, 'packet_dst_channel'),
    timeoutHeight: attribute(event, 'packet_timeout_height'),
    timeoutTimestamp: attribute(event, 'packet_timeout_timestamp'),
    sender: data.sender,
    receiver: data.receiver,
  };
}

function packetEvents(events: readonly CosmosEvent[], type: string): CosmosEvent[] {
  return events.filter((e) => e.type === type);
}

function samePacket(event: CosmosEvent, packet: IbcPacket): boolean {
  return attribute(event, 'packet_sequence') === packet.sequence && attribute(event, 'packet_src_channel') === packet.srcChannel && attribute(event, 'packet_dst_channel') === packet.dstChannel;
}

function attribute(event: CosmosEvent, key: string): string {
  return eventAttributeValues([event], event.type, key)[0] ?? '';
}

function counterpartyOf(ctx: IbcTrackingContext, packet: IbcPacket): ChainInfo {
  const given = ctx.counterparty?.(packet.chain, packet.srcPort, packet.srcChannel);
  const name = given === undefined ? assetIndexFor(packet.chain)?.counterparties.get(`${packet.srcPort}/${packet.srcChannel}`) : undefined;
  const chain = given !== undefined ? ctx.chains.find((c) => c.id === given) : name === undefined ? undefined : ctx.chains.find((c) => assetIndexFor(c)?.chainName === name);
  if (chain === undefined) throw new StrataError('UNKNOWN_CHAIN', `The channel ${packet.srcChannel.slice(0, 40)} of ${packet.chain.name} leads to a chain Strata does not know`);
  return chain;
}

function chainOf(ctx: IbcTrackingContext, id: CaipChainId): ChainInfo {
  const chain = ctx.chains.find((c) => c.id === id);
  if (chain === undefined) throw new StrataError('UNKNOWN_CHAIN', `Unknown chain ${String(id).slice(0, 64)}`);
  return chain;
}
