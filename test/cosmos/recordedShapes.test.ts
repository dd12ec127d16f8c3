/**
 * `tx` answers recorded in the shapes of Cosmos SDK 0.47 (CometBFT 0.37), SDK 0.50 + ibc-go v8 and SDK 0.53 +
 * ibc-go v10 (CometBFT 0.38), next to the Tendermint 0.34 / CometBFT 0.38 ones: a MsgSend that ran out of gas with its
 * fee charged (issue 17's 65,873 wanted, 66,820 used, 1647uatom in block 2029), and a MsgTransfer on each ibc-go
 * release (v10: send_packet with packet_data_hex only). The transactions are real TxRaw bytes signed by the cosmjs
 * test key; the events are the ante handler's, x/bank's and ibc-go's (core/04-channel events.go, apps/transfer
 * internal/events) in their order.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createIbcTransferBridge } from '../../electron/services/bridges/ibcTransfer/ibcTransferBridge';
import { trackIbcTransfer } from '../../electron/services/bridges/ibcTransfer/trackIbcTransfer';
import { cosmosChains } from '../../electron/services/chains/cosmosChains';
import { createCosmosAdapter } from '../../electron/services/cosmos/cosmosAdapter';
import { createCosmosRpc, type CosmosRpc } from '../../electron/services/cosmos/rpc/createCosmosRpc';
import { lookUpTx } from '../../electron/services/cosmos/tx/broadcastAndWait';
import { cosmosEventsAsLogs } from '../../electron/services/cosmos/tx/eventLogs';
import { cosmosTxHash } from '../../electron/services/cosmos/tx/txHash';
import { timeoutPacketTxEvents } from './support/ibcEvents';
import { COSMJS_TEST_ADDRESS_0 } from './support/cosmosTestKeys';
import { startScriptedNode, type ScriptedNode } from './support/scriptedCometNode';

interface RecordedTxAnswer {
  result: { hash: string; height: string; tx: string; tx_result: Record<string, unknown> };
}

const chains = cosmosChains();
const cosmoshub = chains.find((c) => c.alias === 'cosmoshub')!;
const osmosis = chains.find((c) => c.alias === 'osmosis')!;
const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, 'fixtures', name), 'utf8')) as RecordedTxAnswer;
const nodes: ScriptedNode[] = [];

async function nodeServing(answer: RecordedTxAnswer, version: string, network = 'cosmoshub-4', txSearch?: (query: string) => Record<string, unknown>): Promise<ScriptedNode> {
  const node = await startScriptedNode({ network, version, tx: (hash) => (hash === answer.result.hash ? answer.result : null), txSearch });
  nodes.push(node);
  return node;
}

afterEach(async () => {
  await Promise.all(nodes.splice(0).map((n) => n.close()));
});

describe('recorded tx answers: out of gas with the fee charged', () => {
  for (const [name, version] of [['tx-sdk-0.47-out-of-gas.json', '0.37.4'], ['tx-sdk-0.53-out-of-gas.json', '0.38.17']] as const) {
    it(`${name} (CometBFT ${version}): failed in block 2029, 1647uatom charged, out of gas`, async () => {
      const answer = fixture(name);
      expect(cosmosTxHash(Buffer.from(answer.result.tx, 'base64'))).toBe(answer.result.hash);
      const node = await nodeServing(answer, version);
      const status = await createCosmosAdapter().getTransactionStatus({ chain: cosmoshub, endpoints: [node.url] }, answer.result.hash, 8n, COSMJS_TEST_ADDRESS_0);
      expect(status).toEqual({ status: 'failed', blockNumber: 2029n, feePaid: 1_647n, error: 'The transaction failed on chain (the fee was charged): out of gas' });
    });
  }
});

describe('recorded tx answers: MsgTransfer on ibc-go v8 and v10', () => {
  const bridge = createIbcTransferBridge({ chains, cosmosRpc: () => { throw new Error('not used'); } });

  for (const name of ['tx-sdk-0.50-ibc-go-v8-transfer.json', 'tx-sdk-0.53-ibc-go-v10-transfer.json']) {
    it(`${name}: confirmed, 3150uatom paid, 500000uatom delivered by the packet`, async () => {
      const answer = fixture(name);
      expect(cosmosTxHash(Buffer.from(answer.result.tx, 'base64'))).toBe(answer.result.hash);
      const node = await nodeServing(answer, '0.38.17');
      const rpc = createCosmosRpc([node.url], cosmoshub);
      const found = await rpc.withNode((n) => lookUpTx(n, answer.result.hash));
      expect(found?.fee).toEqual([{ denom: 'uatom', amount: 3_150n }]);
      const sendPacket = found?.events.find((e) => e.type === 'send_packet');
      expect(sendPacket?.attributes.some((a) => a.key === 'packet_data')).toBe(name.includes('v8'));
      expect(bridge.deliveredAmount?.(cosmosEventsAsLogs(found?.events ?? []), COSMJS_TEST_ADDRESS_0)).toBe(500_000n);
      const status = await createCosmosAdapter().getTransactionStatus({ chain: cosmoshub, endpoints: [node.url] }, answer.result.hash, 9n, COSMJS_TEST_ADDRESS_0);
      expect(status).toEqual({ status: 'confirmed', blockNumber: 2031n, feePaid: 3_150n, error: null });
    });
  }

  it('the v10 transfer timed out: refunded to the sender read from packet_data_hex, on Cosmos Hub', async () => {
    const answer = fixture('tx-sdk-0.53-ibc-go-v10-transfer.json');
    // The relayer's MsgTimeout on Cosmos Hub for packet 5012 (v10 events).
    const timeoutEvents = timeoutPacketTxEvents(
      { sequence: '5012', srcChannel: 'channel-141', dstChannel: 'channel-0', timeoutHeight: '1-48201000', timeoutTimestamp: '1730800800000000000', data: { denom: 'uatom', amount: '500000', sender: COSMJS_TEST_ADDRESS_0, receiver: 'osmo1jhg0e7s6gn44tfc5k37kr04sznyhedtcdc35xx' } },
      'v10',
    );
    const timeoutTx = {
      hash: 'C0FFEE'.padEnd(64, '0'),
      height: '2040',
      index: 0,
      tx_result: { code: 0, data: '', log: '', info: '', gas_wanted: '200000', gas_used: '120000', codespace: '', events: timeoutEvents.map((e) => ({ type: e.type, attributes: e.attributes.map((a) => ({ ...a, index: true })) })) },
      tx: Buffer.from('timeout').toString('base64'),
    };
    const hub = await nodeServing(answer, '0.38.17', 'cosmoshub-4', (query) => (query.startsWith('timeout_packet.') ? { txs: [timeoutTx], total_count: '1' } : { txs: [], total_count: '0' }));
    // Osmosis never received it; its latest block (2024-11-05T10:00:00.123Z) is past the packet's timeout (10:00:00Z).
    const osmo = await startScriptedNode({ network: 'osmosis-1', version: '0.38.17', latestHeight: () => '48200000' });
    nodes.push(osmo);
    const rpcs = new Map<string, CosmosRpc>([[cosmoshub.id, createCosmosRpc([hub.url], cosmoshub)], [osmosis.id, createCosmosRpc([osmo.url], osmosis)]]);
    const status = await trackIbcTransfer({ chain: cosmoshub.id, txHash: answer.result.hash }, { chains, rpcOf: (id) => rpcs.get(id)! });
    expect(status).toEqual({
      state: 'failed',
      destinationChain: osmosis.id,
      detail: `timed out; refunded to ${COSMJS_TEST_ADDRESS_0} on Cosmos Hub`,
      fundsAt: { chain: cosmoshub.id, address: COSMJS_TEST_ADDRESS_0, action: 'none' },
    });
  });
});
