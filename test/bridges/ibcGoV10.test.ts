/**
 * IBC tracking and the delivered amount on ibc-go v10 chains (issue 17): `send_packet` / `recv_packet` carry
 * `packet_data_hex` only, the transfer app writes its v10 events, and the nodes are CometBFT 0.38 (plain attributes).
 * Cosmos Hub (channel-141) -> Osmosis (channel-0), as chain-registry lists them.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CaipChainId } from '../../shared/domain/chain';
import { createIbcTransferBridge } from '../../electron/services/bridges/ibcTransfer/ibcTransferBridge';
import { trackIbcTransfer, type IbcTrackingContext } from '../../electron/services/bridges/ibcTransfer/trackIbcTransfer';
import { cosmosChains } from '../../electron/services/chains/cosmosChains';
import { createCosmosRpc, type CosmosRpc } from '../../electron/services/cosmos/rpc/createCosmosRpc';
import { cosmosEventsAsLogs } from '../../electron/services/cosmos/tx/eventLogs';
import { recvPacketTxEvents, sendPacketTxEvents, timeoutPacketTxEvents, type PacketFields, type PlainEvent } from '../cosmos/support/ibcEvents';
import { startRecordedChain, type RecordedChain } from '../cosmos/support/recordedChain';

const chains = cosmosChains();
const cosmoshub = chains.find((c) => c.alias === 'cosmoshub')!;
const osmosis = chains.find((c) => c.alias === 'osmosis')!;
const HUB_SENDER = 'cosmos1jhg0e7s6gn44tfc5k37kr04sznyhedtc9rzys5';
const OSMO_RECEIVER = 'osmo1jhg0e7s6gn44tfc5k37kr04sznyhedtcdc35xx';
const CHAIN_TIME_MS = Date.parse('2024-11-05T10:00:00.123Z');
const FUTURE_NS = String(BigInt(CHAIN_TIME_MS + 600_000) * 1_000_000n);
const PAST_NS = String(BigInt(CHAIN_TIME_MS - 1_000) * 1_000_000n);

let nodes: Record<string, RecordedChain>;
let ctx: IbcTrackingContext;

beforeAll(async () => {
  nodes = {
    [cosmoshub.id]: await startRecordedChain({ network: 'cosmoshub-4', version: '0.38.17' }),
    [osmosis.id]: await startRecordedChain({ network: 'osmosis-1', version: '0.38.17' }),
  };
  const rpcs = new Map<CaipChainId, CosmosRpc>([cosmoshub, osmosis].map((c) => [c.id, createCosmosRpc([nodes[c.id]!.url], c)]));
  ctx = { chains, rpcOf: (id) => rpcs.get(id)!, now: () => CHAIN_TIME_MS };
});

beforeEach(() => {
  for (const node of Object.values(nodes)) node.txs.length = 0;
});

afterAll(async () => {
  await Promise.all(Object.values(nodes).map((n) => n.close()));
});

const hubToOsmosis = (over: Partial<PacketFields> = {}): PacketFields => ({
  sequence: '5012',
  srcChannel: 'channel-141',
  dstChannel: 'channel-0',
  timeoutHeight: '1-1001000',
  timeoutTimestamp: FUTURE_NS,
  data: { denom: 'uatom', amount: '500000', sender: HUB_SENDER, receiver: OSMO_RECEIVER },
  ...over,
});

/** The v10 source transaction, its send_packet's packet_data_hex replaced (an ics20-2 protobuf packet, say). */
const withPacketDataHex = (events: PlainEvent[], hex: string): PlainEvent[] =>
  events.map((e) => (e.type === 'send_packet' ? { ...e, attributes: e.attributes.map((a) => (a.key === 'packet_data_hex' ? { ...a, value: hex } : a)) } : e));

describe('trackIbcTransfer on ibc-go v10 (packet_data_hex only)', () => {
  it('the v10 send_packet has no packet_data: the stand-in writes what the chain wrote', () => {
    const sendPacket = sendPacketTxEvents(hubToOsmosis(), 'escrow', 'v10').find((e) => e.type === 'send_packet')!;
    expect(sendPacket.attributes.map((a) => a.key)).not.toContain('packet_data');
    expect(Buffer.from(sendPacket.attributes.find((a) => a.key === 'packet_data_hex')!.value, 'hex').toString('utf8')).toBe(
      `{"amount":"500000","denom":"uatom","receiver":"${OSMO_RECEIVER}","sender":"${HUB_SENDER}"}`,
    );
  });

  it('a timed-out transfer is refunded to the sender read from packet_data_hex, named with its chain', async () => {
    const packet = hubToOsmosis({ timeoutTimestamp: PAST_NS });
    const hash = nodes[cosmoshub.id]!.record(sendPacketTxEvents(packet, 'escrow', 'v10'));
    expect(await trackIbcTransfer({ chain: cosmoshub.id, txHash: hash }, ctx)).toEqual({
      state: 'inflight',
      destinationChain: osmosis.id,
      detail: 'timed out before reaching Osmosis; the refund waits for a relayer',
    });
    nodes[cosmoshub.id]!.record(timeoutPacketTxEvents(packet, 'v10'));
    expect(await trackIbcTransfer({ chain: cosmoshub.id, txHash: hash }, ctx)).toEqual({
      state: 'failed',
      destinationChain: osmosis.id,
      detail: `timed out; refunded to ${HUB_SENDER} on Cosmos Hub`,
      fundsAt: { chain: cosmoshub.id, address: HUB_SENDER, action: 'none' },
    });
  });

  it('is delivered once Osmosis (v10 events) acknowledged with success', async () => {
    const packet = hubToOsmosis();
    const hash = nodes[cosmoshub.id]!.record(sendPacketTxEvents(packet, 'escrow', 'v10'));
    const recv = nodes[osmosis.id]!.record(recvPacketTxEvents(packet, { ack: { ok: true } }, 'v10'));
    expect(await trackIbcTransfer({ chain: cosmoshub.id, txHash: hash }, ctx)).toEqual({
      state: 'delivered',
      destinationChain: osmosis.id,
      detail: 'delivered on Osmosis',
      destinationTxHash: recv,
    });
  });

  it("packet data that is not ICS-20 JSON: the sender comes from the transfer module's ibc_transfer event", async () => {
    const packet = hubToOsmosis({ timeoutTimestamp: PAST_NS });
    const hash = nodes[cosmoshub.id]!.record(withPacketDataHex(sendPacketTxEvents(packet, 'escrow', 'v10'), '0a0575617475'));
    nodes[cosmoshub.id]!.record(timeoutPacketTxEvents(packet, 'v10'));
    const status = await trackIbcTransfer({ chain: cosmoshub.id, txHash: hash }, ctx);
    expect(status.detail).toBe(`timed out; refunded to ${HUB_SENDER} on Cosmos Hub`);
    expect(status.fundsAt).toEqual({ chain: cosmoshub.id, address: HUB_SENDER, action: 'none' });
  });

  it('neither readable: the refund names the address that signed the send', async () => {
    const packet = hubToOsmosis({ timeoutTimestamp: PAST_NS });
    const events = withPacketDataHex(sendPacketTxEvents(packet, 'escrow', 'v10'), '').filter((e) => e.type !== 'ibc_transfer');
    const hash = nodes[cosmoshub.id]!.record(events);
    nodes[cosmoshub.id]!.record(timeoutPacketTxEvents(packet, 'v10'));
    const status = await trackIbcTransfer({ chain: cosmoshub.id, txHash: hash, sender: HUB_SENDER }, ctx);
    expect(status.detail).toBe(`timed out; refunded to ${HUB_SENDER} on Cosmos Hub`);
    expect(status.fundsAt).toEqual({ chain: cosmoshub.id, address: HUB_SENDER, action: 'none' });
  });
});

describe('the delivered amount of an IBC step', () => {
  const bridge = createIbcTransferBridge({ chains, cosmosRpc: (id) => ctx.rpcOf(id) });
  const logsOf = (events: PlainEvent[]) => cosmosEventsAsLogs(events);

  it('reads packet_data_hex on ibc-go v10 (the step records amountOut, not null)', () => {
    expect(bridge.deliveredAmount?.(logsOf(sendPacketTxEvents(hubToOsmosis(), 'escrow', 'v10')), HUB_SENDER)).toBe(500_000n);
  });

  it('reads packet_data on ibc-go v8, and never another sender’s packet', () => {
    expect(bridge.deliveredAmount?.(logsOf(sendPacketTxEvents(hubToOsmosis(), 'escrow', 'v8')), HUB_SENDER)).toBe(500_000n);
    expect(bridge.deliveredAmount?.(logsOf(sendPacketTxEvents(hubToOsmosis(), 'escrow', 'v10')), 'cosmos1someoneelse')).toBe(null);
  });

  it("falls back to the ibc_transfer event's amount when the packet data is not ICS-20 JSON", () => {
    const events = withPacketDataHex(sendPacketTxEvents(hubToOsmosis(), 'escrow', 'v10'), '0a0575617475');
    expect(bridge.deliveredAmount?.(logsOf(events), HUB_SENDER)).toBe(500_000n);
  });
});
