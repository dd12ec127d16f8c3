/**
 * Every tracking transition of an IBC transfer, driven by recorded transaction results in the real shapes of
 * CometBFT 0.38 (plain attributes) and Tendermint 0.34 (base64 attributes), served by stand-in nodes over HTTP to the
 * real cosmjs clients.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CaipChainId } from '../../shared/domain/chain';
import { trackIbcTransfer, type IbcTrackingContext } from '../../electron/services/bridges/ibcTransfer/trackIbcTransfer';
import { cosmosChains } from '../../electron/services/chains/cosmosChains';
import { createCosmosRpc, type CosmosRpc } from '../../electron/services/cosmos/rpc/createCosmosRpc';
import { acknowledgePacketTxEvents, recvPacketTxEvents, sendPacketTxEvents, timeoutPacketTxEvents, type PacketFields, type PlainEvent } from '../cosmos/support/ibcEvents';
import { startRecordedChain, type RecordedChain } from '../cosmos/support/recordedChain';

const chains = cosmosChains();
const byAlias = (alias: string) => chains.find((c) => c.alias === alias)!;
const noble = byAlias('noble');
const osmosis = byAlias('osmosis');
const cosmoshub = byAlias('cosmoshub');

const NOBLE_SENDER = 'noble1jhg0e7s6gn44tfc5k37kr04sznyhedtcjpvn4v';
const OSMO_RECEIVER = 'osmo1jhg0e7s6gn44tfc5k37kr04sznyhedtcp5f0xn';
const HUB_RECEIVER = 'cosmos1jhg0e7s6gn44tfc5k37kr04sznyhedtc9rzys5';
// The stand-in nodes' latest block time (scriptedCometNode's status); timeouts are judged against it. The local
// clock is two weeks later on purpose: a packet must not time out by it.
const CHAIN_TIME_MS = Date.parse('2024-11-05T10:00:00.123Z');
const NOW_MS = CHAIN_TIME_MS + 14 * 86_400_000;
const FUTURE_NS = String(BigInt(CHAIN_TIME_MS + 600_000) * 1_000_000n);
const PAST_NS = String(BigInt(CHAIN_TIME_MS - 1_000) * 1_000_000n);

let nodes: Record<string, RecordedChain>;
let ctx: IbcTrackingContext;

beforeAll(async () => {
  nodes = {
    [noble.id]: await startRecordedChain({ network: 'noble-1', version: '0.38.17' }),
    // Osmosis answers like an old Tendermint 0.34 node: base64 event attributes.
    [osmosis.id]: await startRecordedChain({ network: 'osmosis-1', version: '0.34.27' }),
    [cosmoshub.id]: await startRecordedChain({ network: 'cosmoshub-4', version: '0.38.17' }),
  };
  const rpcs = new Map<CaipChainId, CosmosRpc>(chains.filter((c) => nodes[c.id]).map((c) => [c.id, createCosmosRpc([nodes[c.id]!.url], c)]));
  ctx = { chains, rpcOf: (id) => rpcs.get(id)!, now: () => NOW_MS };
});

beforeEach(() => {
  for (const node of Object.values(nodes)) {
    node.txs.length = 0;
    node.height = 1_000_000n;
  }
});

afterAll(async () => {
  await Promise.all(Object.values(nodes).map((n) => n.close()));
});

const nobleToOsmosis = (over: Partial<PacketFields> = {}): PacketFields => ({
  sequence: '1207',
  srcChannel: 'channel-1',
  dstChannel: 'channel-750',
  timeoutHeight: '1-1001000',
  timeoutTimestamp: FUTURE_NS,
  data: { denom: 'uusdc', amount: '2500000', sender: NOBLE_SENDER, receiver: OSMO_RECEIVER },
  ...over,
});

const sendFrom = (chain: CaipChainId, packet: PacketFields) => nodes[chain]!.record(sendPacketTxEvents(packet, 'escrow1'));
const deliveredOnOsmosis = (recv: string) => ({ state: 'delivered', destinationChain: osmosis.id, detail: 'delivered on Osmosis', destinationTxHash: recv });
const refusedByOsmosis = {
  state: 'failed',
  destinationChain: osmosis.id,
  detail: `Osmosis refused the transfer; refunded to ${NOBLE_SENDER} on Noble`,
  fundsAt: { chain: noble.id, address: NOBLE_SENDER, action: 'none' },
};

/**
 * The receiving chain's write_acknowledgement for `p` alone, as PFM emits it in a later transaction (the forward's
 * acknowledgement or timeout); `hexOnly` drops the deprecated `packet_ack`, leaving `packet_ack_hex`.
 */
const writeAck = (p: PacketFields, ack: { ok: true } | { error: string }, hexOnly = false): PlainEvent[] =>
  recvPacketTxEvents(p, { ack })
    .filter((e) => e.type === 'write_acknowledgement')
    .map((e) => (hexOnly ? { ...e, attributes: e.attributes.filter((a) => a.key !== 'packet_ack') } : e));
const withoutAck = (events: PlainEvent[]): PlainEvent[] => events.filter((e) => e.type !== 'write_acknowledgement');

describe('trackIbcTransfer: one hop (Noble -> Osmosis)', () => {
  it('waits for the source transaction, then for a relayer', async () => {
    const packet = nobleToOsmosis();
    expect(await trackIbcTransfer({ chain: noble.id, txHash: `0x${'AB'.repeat(32)}` }, ctx)).toEqual({ state: 'inflight', detail: 'waiting for the source transaction' });
    const hash = sendFrom(noble.id, packet);
    expect(await trackIbcTransfer({ chain: noble.id, txHash: `0x${hash}` }, ctx)).toEqual({
      state: 'inflight',
      destinationChain: osmosis.id,
      detail: 'waiting for a relayer to deliver the packet to Osmosis',
    });
  });

  it('is delivered once the destination wrote a success acknowledgement (read from base64 attributes)', async () => {
    const packet = nobleToOsmosis();
    const hash = sendFrom(noble.id, packet);
    // Another packet's receipt on the same channel must not count.
    nodes[osmosis.id]!.record(recvPacketTxEvents({ ...packet, sequence: '1206' }, { ack: { ok: true } }));
    expect((await trackIbcTransfer({ chain: noble.id, txHash: hash }, ctx)).state).toBe('inflight');
    const recv = nodes[osmosis.id]!.record(recvPacketTxEvents(packet, { ack: { ok: true } }));
    expect(await trackIbcTransfer({ chain: noble.id, txHash: hash }, ctx)).toEqual(deliveredOnOsmosis(recv));
  });

  it('an error acknowledgement: waits for the refund, then failed with the funds back with the sender', async () => {
    const packet = nobleToOsmosis();
    const hash = sendFrom(noble.id, packet);
    nodes[osmosis.id]!.record(recvPacketTxEvents(packet, { ack: { error: 'ABCI code: 1: error handling packet: see events for details' } }));
    expect(await trackIbcTransfer({ chain: noble.id, txHash: hash }, ctx)).toEqual({
      state: 'inflight',
      destinationChain: osmosis.id,
      detail: `Osmosis refused the transfer; the refund to ${NOBLE_SENDER} on Noble waits for a relayer`,
    });
    nodes[noble.id]!.record(acknowledgePacketTxEvents(packet, { error: 'ABCI code: 1' }));
    expect(await trackIbcTransfer({ chain: noble.id, txHash: hash }, ctx)).toEqual(refusedByOsmosis);
  });

  it('a timeout by time: waits for the refund, then failed "timed out; refunded to … on Noble"', async () => {
    const packet = nobleToOsmosis({ timeoutTimestamp: PAST_NS });
    const hash = sendFrom(noble.id, packet);
    expect(await trackIbcTransfer({ chain: noble.id, txHash: hash }, ctx)).toEqual({
      state: 'inflight',
      destinationChain: osmosis.id,
      detail: 'timed out before reaching Osmosis; the refund waits for a relayer',
    });
    nodes[noble.id]!.record(timeoutPacketTxEvents(packet));
    expect(await trackIbcTransfer({ chain: noble.id, txHash: hash }, ctx)).toEqual({
      state: 'failed',
      destinationChain: osmosis.id,
      detail: `timed out; refunded to ${NOBLE_SENDER} on Noble`,
      fundsAt: { chain: noble.id, address: NOBLE_SENDER, action: 'none' },
    });
  });

  it("judges a timeout by the receiving chain's block time, not the local clock", async () => {
    // One millisecond after the chain's latest block: not timed out, though the local clock is two weeks past it.
    const packet = nobleToOsmosis({ timeoutTimestamp: String(BigInt(CHAIN_TIME_MS + 1) * 1_000_000n) });
    const hash = sendFrom(noble.id, packet);
    expect((await trackIbcTransfer({ chain: noble.id, txHash: hash }, ctx)).detail).toBe('waiting for a relayer to deliver the packet to Osmosis');
    // The chain's block time reached the timeout while the local clock is a day before it.
    const early = { ...ctx, now: () => CHAIN_TIME_MS - 86_400_000 };
    const reached = sendFrom(noble.id, nobleToOsmosis({ sequence: '1208', timeoutTimestamp: String(BigInt(CHAIN_TIME_MS) * 1_000_000n) }));
    expect((await trackIbcTransfer({ chain: noble.id, txHash: reached }, early)).detail).toBe('timed out before reaching Osmosis; the refund waits for a relayer');
  });

  it('a timeout by height: the destination passed the timeout height', async () => {
    const packet = nobleToOsmosis({ timeoutTimestamp: '0', timeoutHeight: '1-1000050' });
    const hash = sendFrom(noble.id, packet);
    nodes[osmosis.id]!.height = 1_000_049n;
    expect((await trackIbcTransfer({ chain: noble.id, txHash: hash }, ctx)).detail).toBe('waiting for a relayer to deliver the packet to Osmosis');
    nodes[osmosis.id]!.height = 1_000_050n;
    expect((await trackIbcTransfer({ chain: noble.id, txHash: hash }, ctx)).detail).toBe('timed out before reaching Osmosis; the refund waits for a relayer');
  });

  it('a success acknowledgement given only as packet_ack_hex is delivered, also once the source shows acknowledge_packet', async () => {
    const packet = nobleToOsmosis();
    const hash = sendFrom(noble.id, packet);
    const recv = nodes[osmosis.id]!.record([...withoutAck(recvPacketTxEvents(packet, { ack: { ok: true } })), ...writeAck(packet, { ok: true }, true)]);
    nodes[noble.id]!.record(acknowledgePacketTxEvents(packet, { ok: true }));
    expect(await trackIbcTransfer({ chain: noble.id, txHash: hash }, ctx)).toEqual(deliveredOnOsmosis(recv));
  });

  it('an error acknowledgement the receiver wrote after its receipt: refunded to the sender once the source shows acknowledge_packet', async () => {
    const packet = nobleToOsmosis();
    const hash = sendFrom(noble.id, packet);
    nodes[osmosis.id]!.record(withoutAck(recvPacketTxEvents(packet, { ack: { ok: true } })));
    expect((await trackIbcTransfer({ chain: noble.id, txHash: hash }, ctx)).detail).toBe('received on Osmosis; waiting for its acknowledgement');
    nodes[osmosis.id]!.record(writeAck(packet, { error: 'ABCI code: 1: error handling packet: see events for details' }, true));
    expect((await trackIbcTransfer({ chain: noble.id, txHash: hash }, ctx)).detail).toBe(`Osmosis refused the transfer; the refund to ${NOBLE_SENDER} on Noble waits for a relayer`);
    nodes[noble.id]!.record(acknowledgePacketTxEvents(packet, { error: 'ABCI code: 1' }));
    expect(await trackIbcTransfer({ chain: noble.id, txHash: hash }, ctx)).toEqual(refusedByOsmosis);
  });

  it('a source transaction that failed sent nothing', async () => {
    const hash = nodes[noble.id]!.record(sendPacketTxEvents(nobleToOsmosis(), 'escrow1'), { code: 5 });
    expect(await trackIbcTransfer({ chain: noble.id, txHash: hash }, ctx)).toEqual({ state: 'failed', detail: 'the source transaction failed: nothing was sent' });
  });
});

describe('trackIbcTransfer: home then forward (Osmosis -> Noble -> Cosmos Hub through PFM)', () => {
  const first = (over: Partial<PacketFields> = {}): PacketFields => ({
    sequence: '88',
    srcChannel: 'channel-750',
    dstChannel: 'channel-1',
    timeoutHeight: '1-1001000',
    timeoutTimestamp: FUTURE_NS,
    data: { denom: 'transfer/channel-750/uusdc', amount: '5000000', sender: OSMO_RECEIVER, receiver: 'pfm', memo: `{"forward":{"receiver":"${HUB_RECEIVER}","port":"transfer","channel":"channel-4","timeout":"10m","retries":2}}` },
    ...over,
  });
  const forward = (over: Partial<PacketFields> = {}): PacketFields => ({
    sequence: '4321',
    srcChannel: 'channel-4',
    dstChannel: 'channel-536',
    timeoutHeight: '0-0',
    timeoutTimestamp: FUTURE_NS,
    data: { denom: 'uusdc', amount: '5000000', sender: 'noble1forwardescrowxxxxxxxxxxxxxxxxxxxxxxx', receiver: HUB_RECEIVER },
    ...over,
  });

  it('follows the forward to the Hub and is delivered there', async () => {
    const hash = sendFrom(osmosis.id, first());
    nodes[noble.id]!.record(recvPacketTxEvents(first(), { forward: forward() }));
    expect(await trackIbcTransfer({ chain: osmosis.id, txHash: hash }, ctx)).toEqual({
      state: 'inflight',
      destinationChain: cosmoshub.id,
      detail: 'waiting for a relayer to deliver the packet to Cosmos Hub',
    });
    const recv = nodes[cosmoshub.id]!.record(recvPacketTxEvents(forward(), { ack: { ok: true } }));
    expect(await trackIbcTransfer({ chain: osmosis.id, txHash: hash }, ctx)).toEqual({
      state: 'delivered',
      destinationChain: cosmoshub.id,
      detail: 'delivered on Cosmos Hub',
      destinationTxHash: recv,
    });
  });

  it('a forward that timed out at Noble is stalled, not failed (PFM retries or refunds the origin), then refunded to the sender on Osmosis', async () => {
    const hash = sendFrom(osmosis.id, first());
    nodes[noble.id]!.record(recvPacketTxEvents(first(), { forward: forward({ timeoutTimestamp: PAST_NS }) }));
    expect(await trackIbcTransfer({ chain: osmosis.id, txHash: hash }, ctx)).toEqual({
      state: 'inflight',
      stalled: true,
      destinationChain: cosmoshub.id,
      detail: `the forward from Noble to Cosmos Hub timed out; waiting for a relayer, then packet-forward-middleware retries it or returns the funds to ${OSMO_RECEIVER} on Osmosis`,
    });
    // The timeout reached Noble (PFM gave up, acknowledging the origin's packet with an error there) but the origin
    // has no acknowledgement yet: still waiting.
    nodes[noble.id]!.record([...timeoutPacketTxEvents(forward({ timeoutTimestamp: PAST_NS })), ...writeAck(first(), { error: 'forward timed out' })]);
    expect((await trackIbcTransfer({ chain: osmosis.id, txHash: hash }, ctx)).state).toBe('inflight');
    nodes[osmosis.id]!.record(acknowledgePacketTxEvents(first(), { error: 'forward timed out' }));
    expect(await trackIbcTransfer({ chain: osmosis.id, txHash: hash }, ctx)).toEqual({
      state: 'failed',
      destinationChain: noble.id,
      detail: `the forward from Noble to Cosmos Hub timed out; refunded to ${OSMO_RECEIVER} on Osmosis`,
      fundsAt: { chain: osmosis.id, address: OSMO_RECEIVER, action: 'none' },
    });
  });

  it('a forward refused downstream is refunded on the source once acknowledged there', async () => {
    const hash = sendFrom(osmosis.id, first());
    nodes[noble.id]!.record(recvPacketTxEvents(first(), { forward: forward() }));
    nodes[cosmoshub.id]!.record(recvPacketTxEvents(forward(), { ack: { error: 'ABCI code: 7: invalid address' } }));
    expect((await trackIbcTransfer({ chain: osmosis.id, txHash: hash }, ctx)).state).toBe('inflight');
    nodes[noble.id]!.record([...acknowledgePacketTxEvents(forward(), { error: 'ABCI code: 7: invalid address' }), ...writeAck(first(), { error: 'forward failed' })]);
    nodes[osmosis.id]!.record(acknowledgePacketTxEvents(first(), { error: 'forward failed' }));
    expect(await trackIbcTransfer({ chain: osmosis.id, txHash: hash }, ctx)).toEqual({
      state: 'failed',
      destinationChain: noble.id,
      detail: `Cosmos Hub refused the forwarded transfer; refunded to ${OSMO_RECEIVER} on Osmosis`,
      fundsAt: { chain: osmosis.id, address: OSMO_RECEIVER, action: 'none' },
    });
  });

  it('a forward that timed out once and was retried by PFM is delivered, not refunded, once Noble acknowledged the origin with success', async () => {
    const hash = sendFrom(osmosis.id, first());
    const timedOut = forward({ timeoutTimestamp: PAST_NS });
    const retry = forward({ sequence: '4322' });
    nodes[noble.id]!.record(recvPacketTxEvents(first(), { forward: timedOut }));
    // PFM retries in the transaction that brought the timeout back to Noble: a new send_packet on the same channel.
    nodes[noble.id]!.record([...timeoutPacketTxEvents(timedOut), ...sendPacketTxEvents(retry, 'noble1forwardescrowxxxxxxxxxxxxxxxxxxxxxxx')]);
    expect(await trackIbcTransfer({ chain: osmosis.id, txHash: hash }, ctx)).toEqual({
      state: 'inflight',
      destinationChain: cosmoshub.id,
      detail: 'waiting for a relayer to deliver the packet to Cosmos Hub',
    });
    const recv = nodes[cosmoshub.id]!.record(recvPacketTxEvents(retry, { ack: { ok: true } }));
    // The hub's success comes back to Noble, which only then acknowledges the origin's packet; then Osmosis sees it.
    nodes[noble.id]!.record([...acknowledgePacketTxEvents(retry, { ok: true }), ...writeAck(first(), { ok: true })]);
    nodes[osmosis.id]!.record(acknowledgePacketTxEvents(first(), { ok: true }));
    const delivered = { state: 'delivered', destinationChain: cosmoshub.id, detail: 'delivered on Cosmos Hub' };
    expect(await trackIbcTransfer({ chain: osmosis.id, txHash: hash }, ctx)).toEqual({ ...delivered, destinationTxHash: recv });
    // Without the hub's receipt in view, the origin's success acknowledgement written by Noble decides alone.
    nodes[cosmoshub.id]!.txs.length = 0;
    expect(await trackIbcTransfer({ chain: osmosis.id, txHash: hash }, ctx)).toEqual(delivered);
  });
});
