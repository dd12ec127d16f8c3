import { encodeAbiParameters, encodeEventTopics, erc20Abi, pad, type Hex } from 'viem';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CaipChainId } from '../../shared/domain/chain';
import { createAxelarCosmosBridge, type AxelarCosmosBridgeOptions } from '../../electron/services/bridges/axelarCosmos/axelarCosmosBridge';
import { createAxelarLcdFeeSource } from '../../electron/services/bridges/axelarCosmos/axelarFeeSource';
import { AxelarscanTransfer, createAxelarscanClient } from '../../electron/services/bridges/axelarCosmos/axelarscanClient';
import { axelarStage } from '../../electron/services/bridges/axelarCosmos/deliveryFromAxelarscan';
import { AXELAR_GATEWAY_ABI } from '../../electron/services/bridges/axelarGateway/axelarGatewayAbi';
import type { BridgeAdapter, SentBridgeTx } from '../../electron/services/bridges/bridgeAdapter';
import type { ChainRpcs } from '../../electron/services/routing/routingTypes';
import { httpJsonRpc } from '../../electron/services/rpc/httpJsonRpc';
import { expectStrataRejection } from '../unit/expectStrataError';
import { AxelarStandIn, SEARCH_TRANSFERS, searchBody } from './fixtures/axelarCosmos/axelarStandIn';

const ARB_TX = '0x4e5289f82fd6fc5c248f21d12e116c13378dc9071d0f9f54bdd7953803650451';
const BASE_TX = '0x29624b981cf46e49d43849554737ea46d9feff359180af3a39aa963a99d2dff8';
const OSMO_TX = '8E6D106D12966E7ED39BD97B345D137C6E313B1599721F09260249493C4511BE';
const FAILED_OSMO_TX = '62D2E143CD5FB2C61215948CBBFD168DAD0A4C115C2581D6C585E642533A20A3';
const ARB_RELAY = '0x76a9e644ecb78a27863fedf759edb64345f898e91e3eaafcf50a6efd98220dd0';
const RECV = '862BBFFCE39B9934E708944F7B0B5FBF0177F5149A74A547DFA127AD01B6368E';
const REVERTED_TX = '0xf6e5f5c3f9e2e16ac4c954e47b7878460fcfd9811b68322fa95f92157083892a';
const NO_SEND_TX = '0xd46725b6c8384ca97e5387ba4e27bf196088982f48c85cc2d2077cd8646be442';
const FANTOM_TX = '0x7bb3b6627f2bb9718bb6908e290966861d6435cdf324fd3dcb43039bfc901add';
const UNMINED_TX = '0xb718b95d09430fc84763f696921066fa16be8c8b61c528d56b4c1895a5f0e5be';

const SENDER = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const OTHER = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const OSMO_USER = 'osmo1jhg0e7s6gn44tfc5k37kr04sznyhedtcdc35xx';
const AXELAR_IBC_SENDER = 'axelar1jc26t6dp59smtkf75e784dzwmgjlhkscf0g366';
const ARB_GATEWAY = '0xe432150cce91c13a887f7D836923d5597adD8E31';
const ARB_AXLUSDC = '0xEB466342C4d449BC9f53A865D5Cb90586f405215';
/** send.created_at.ms of every recorded transfer */
const T0 = 1_791_114_977_000;
const OSMOSIS: CaipChainId = 'cosmos:osmosis-1';
const ARBITRUM: CaipChainId = 'eip155:42161';

let standIn: AxelarStandIn;
let ctx: ChainRpcs;
let nowMs = T0 + 60_000;

function bridgeWith(extra: Partial<AxelarCosmosBridgeOptions> = {}): BridgeAdapter {
  return createAxelarCosmosBridge({
    fees: createAxelarLcdFeeSource({ baseUrl: standIn.baseUrl }),
    status: createAxelarscanClient({ baseUrl: standIn.baseUrl }),
    now: () => nowMs,
    ...extra,
  });
}

/** A receipt as an EVM node returns it, its logs encoded by viem from the real event ABIs. */
function receipt(status: '0x1' | '0x0', logs: Array<{ address: string; topics: Hex[]; data: Hex }>) {
  return { status, logs, transactionHash: '0x', blockNumber: '0x10' };
}

function tokenSentLog(destinationChain: string, destinationAddress: string, symbol: string, amount: bigint) {
  const topics = encodeEventTopics({ abi: AXELAR_GATEWAY_ABI, eventName: 'TokenSent', args: { sender: SENDER } }) as Hex[];
  const data = encodeAbiParameters([{ type: 'string' }, { type: 'string' }, { type: 'string' }, { type: 'uint256' }], [destinationChain, destinationAddress, symbol, amount]);
  return { address: ARB_GATEWAY.toLowerCase(), topics, data };
}

function transferLog(token: string, from: string, to: string, value: bigint) {
  const topics = encodeEventTopics({ abi: erc20Abi, eventName: 'Transfer', args: { from: from as Hex, to: to as Hex } }) as Hex[];
  return { address: token.toLowerCase(), topics, data: pad(`0x${value.toString(16)}`, { size: 32 }) };
}

beforeAll(async () => {
  standIn = new AxelarStandIn();
  await standIn.start();
  ctx = { rpc: (chain) => httpJsonRpc(standIn.evmUrl(Number(chain.split(':')[1])), { timeoutMs: 5_000 }) };
  const burn = transferLog(ARB_AXLUSDC, SENDER, '0x0000000000000000000000000000000000000000', 100_000_000n);
  standIn.receipts = {
    '42161': {
      [ARB_TX]: receipt('0x1', [burn, tokenSentLog('osmosis', OSMO_USER, 'axlUSDC', 100_000_000n)]),
      [REVERTED_TX]: receipt('0x0', []),
      [NO_SEND_TX]: receipt('0x1', [burn]),
      [FANTOM_TX]: receipt('0x1', [tokenSentLog('fantom', SENDER, 'axlUSDC', 5_000_000n)]),
      [ARB_RELAY]: receipt('0x1', [transferLog(ARB_AXLUSDC, '0x0000000000000000000000000000000000000000', SENDER, 248_500_000n)]),
    },
    '8453': { [BASE_TX]: receipt('0x1', [{ ...tokenSentLog('osmosis', OSMO_USER, 'axlUSDC', 274_434n) }]) },
  };
});

afterAll(async () => {
  await standIn.stop();
});

beforeEach(() => {
  standIn.transfers = {};
  nowMs = T0 + 60_000;
});

describe('the recorded Axelarscan shapes', () => {
  it('every fixture parses with our schema and reads as its stage (Axelarscan status and simplified_status alongside)', () => {
    const stages = Object.fromEntries(
      Object.entries(SEARCH_TRANSFERS).map(([name, body]) => {
        const [record] = (body as { data: unknown[] }).data;
        const parsed = record === undefined ? null : AxelarscanTransfer.parse(record);
        return [name, [axelarStage(parsed), parsed?.status ?? null, parsed?.simplified_status ?? null]];
      }),
    );
    expect(stages).toEqual({
      'not-indexed': ['not-indexed', null, null],
      'arb-osmo-sent': ['sent', 'asset_sent', 'sent'],
      'arb-osmo-confirmed': ['confirmed', 'voted', 'approved'],
      'arb-osmo-executed-on-axelar': ['executed-on-axelar', 'voted', 'approved'],
      'arb-osmo-ibc-sent': ['ibc-sent', 'ibc_sent', 'approved'],
      // Axelarscan still says ibc_sent until it finds the receiving transaction; the acknowledgement proves arrival.
      'arb-osmo-ibc-acked': ['delivered', 'ibc_sent', 'approved'],
      'arb-osmo-received': ['delivered', 'executed', 'received'],
      'arb-osmo-ibc-failed': ['ibc-failed', 'ibc_failed', 'failed'],
      'base-osmo-insufficient-fee': ['insufficient-fee', 'asset_sent', 'sent'],
      'osmo-arb-sent': ['sent', 'asset_sent', 'sent'],
      'osmo-arb-executed-on-axelar': ['executed-on-axelar', 'deposit_confirmed', 'approved'],
      'osmo-arb-batch-signed': ['batch-signed', 'batch_signed', 'approved'],
      'osmo-arb-executed': ['delivered', 'executed', 'received'],
      'osmo-arb-send-failed': ['source-failed', 'send_failed', 'failed'],
    });
  });
});

describe('EVM -> Cosmos: the source receipt, then Axelar, then the IBC leg', () => {
  const sent: SentBridgeTx = { chain: ARBITRUM, txHash: ARB_TX };

  it('reads the source receipt first: not mined, reverted, no TokenSent, an untracked destination', async () => {
    const bridge = bridgeWith();
    expect(await bridge.trackDelivery({ chain: ARBITRUM, txHash: UNMINED_TX }, ctx)).toEqual({ state: 'inflight', detail: 'The source transaction is not mined yet' });
    expect(await bridge.trackDelivery({ chain: ARBITRUM, txHash: REVERTED_TX }, ctx)).toEqual({ state: 'failed', detail: 'The source transaction reverted: nothing was sent' });
    expect(await bridge.trackDelivery({ chain: ARBITRUM, txHash: NO_SEND_TX }, ctx)).toEqual({ state: 'failed', detail: "The transaction sent nothing through Axelar's gateway" });
    expect(await bridge.trackDelivery({ chain: ARBITRUM, txHash: FANTOM_TX }, ctx)).toEqual({
      state: 'failed',
      detail: 'The tokens went to Axelar chain "fantom", which this bridge does not track',
    });
    expect(standIn.requests.filter((r) => r.path === '/token/searchTransfers')).toEqual([]);
  });

  it('walks every stage from the recorded shapes to the arrival on Osmosis', async () => {
    const bridge = bridgeWith();
    const look = async (scenario: string) => {
      standIn.transfers = { [ARB_TX]: searchBody(scenario) };
      return bridge.trackDelivery(sent, ctx);
    };
    const base = { destinationChain: OSMOSIS };
    expect(await look('not-indexed')).toEqual({ state: 'inflight', detail: 'Waiting for Axelar to see the transfer', ...base });
    expect(standIn.requests.at(-1)).toEqual({ method: 'POST', path: '/token/searchTransfers', body: JSON.stringify({ txHash: ARB_TX, size: 1 }) });
    expect(await look('arb-osmo-sent')).toEqual({
      state: 'inflight',
      detail: "Axelar saw the transfer; waiting for arbitrum finality (about 25 min) and its validators' confirmation",
      ...base,
    });
    expect(await look('arb-osmo-confirmed')).toEqual({ state: 'inflight', detail: "Confirmed by Axelar's validators; waiting for Axelar to execute the transfer", ...base });
    expect(await look('arb-osmo-executed-on-axelar')).toEqual({
      state: 'inflight',
      detail: 'Executed on Axelar (transfer 812345); waiting for it to leave for osmosis',
      guid: '812345',
      ...base,
    });
    expect(await look('arb-osmo-ibc-sent')).toEqual({ state: 'inflight', detail: 'Axelar sent it to osmosis over IBC; waiting for the packet to arrive', guid: '812345', ...base });
    expect(await look('arb-osmo-ibc-acked')).toEqual({ state: 'delivered', detail: 'Delivered on osmosis (IBC acknowledged)', guid: '812345', ...base });
    expect(await look('arb-osmo-received')).toEqual({
      state: 'delivered',
      detail: 'Delivered on osmosis (IBC acknowledged)',
      guid: '812345',
      destinationTxHash: RECV,
      ...base,
    });
  });

  it('a failed IBC leg is stuck at Axelar, with the funds located there', async () => {
    standIn.transfers = { [ARB_TX]: searchBody('arb-osmo-ibc-failed') };
    expect(await bridgeWith().trackDelivery(sent, ctx)).toEqual({
      state: 'failed',
      detail: `Stuck at Axelar: its IBC transfer to osmosis failed (timed out or refused); the funds are on Axelar as uusdc, address ${AXELAR_IBC_SENDER}, where Axelar can retry it`,
      destinationChain: OSMOSIS,
      guid: '812345',
      fundsAt: { chain: 'cosmos:axelar-dojo-1', address: AXELAR_IBC_SENDER, action: 'contact-support' },
    });
  });

  it('an unfinished transfer past the stuck threshold says so (still inflight: Axelar may finish it)', async () => {
    standIn.transfers = { [ARB_TX]: searchBody('arb-osmo-ibc-sent') };
    nowMs = T0 + 3 * 3_600_000;
    expect((await bridgeWith().trackDelivery(sent, ctx)).detail).toBe('Axelar sent it to osmosis over IBC; waiting for the packet to arrive');
    nowMs = T0 + 3 * 3_600_000 + 1;
    expect(await bridgeWith().trackDelivery(sent, ctx)).toEqual({
      state: 'inflight',
      detail: `Stuck at Axelar for over 3 h: the funds are on Axelar as uusdc, address ${AXELAR_IBC_SENDER}. Axelar sent it to osmosis over IBC; waiting for the packet to arrive`,
      destinationChain: OSMOSIS,
      guid: '812345',
    });
    standIn.transfers = { [ARB_TX]: searchBody('arb-osmo-executed-on-axelar') };
    expect((await bridgeWith({ stuckAfterSeconds: 60 }).trackDelivery(sent, ctx)).detail).toBe(
      'Stuck at Axelar for over 1 min: the funds are on Axelar as uusdc. Executed on Axelar (transfer 812345); waiting for it to leave for osmosis',
    );
  });

  it('an amount below the fee fails with the fee and where the funds are held', async () => {
    standIn.transfers = { [BASE_TX]: searchBody('base-osmo-insufficient-fee') };
    expect(await bridgeWith().trackDelivery({ chain: 'eip155:8453', txHash: BASE_TX }, ctx)).toEqual({
      state: 'failed',
      detail: `Not delivered: 0.274434 axlUSDC is not more than Axelar's transfer fee of 1.5 axlUSDC; the funds are on Axelar as uusdc, held for ${OSMO_USER} on osmosis`,
      destinationChain: OSMOSIS,
      fundsAt: { chain: 'cosmos:axelar-dojo-1', address: OSMO_USER, action: 'contact-support' },
    });
  });
});

describe('Cosmos -> EVM: Axelar, then the relayed EVM Transfer to the recipient', () => {
  const sent: SentBridgeTx = { chain: OSMOSIS, txHash: OSMO_TX, trackingKey: SENDER };

  it('walks the stages to the Transfer on Arbitrum, asking Axelarscan with the Cosmos hash', async () => {
    const bridge = bridgeWith();
    const look = async (scenario: string, key: string | undefined = SENDER) => {
      standIn.transfers = { [OSMO_TX]: searchBody(scenario) };
      return bridge.trackDelivery({ ...sent, txHash: `0x${OSMO_TX.toLowerCase()}`, trackingKey: key }, ctx);
    };
    expect(await look('not-indexed')).toEqual({ state: 'inflight', detail: 'Waiting for the IBC transfer from osmosis to reach Axelar' });
    expect(JSON.parse(standIn.requests.at(-1)?.body ?? '')).toEqual({ txHash: OSMO_TX, size: 1 });
    expect(await look('osmo-arb-sent')).toEqual({ state: 'inflight', detail: "Axelar received the transfer from osmosis; waiting for its validators' confirmation", destinationChain: ARBITRUM });
    expect(await look('osmo-arb-executed-on-axelar')).toEqual({
      state: 'inflight',
      detail: 'Executed on Axelar (transfer 812346); waiting for it to leave for arbitrum',
      destinationChain: ARBITRUM,
      guid: '812346',
    });
    expect(await look('osmo-arb-batch-signed')).toEqual({
      state: 'inflight',
      detail: 'Axelar signed the transfer to arbitrum; waiting for a relayer to submit it',
      destinationChain: ARBITRUM,
      guid: '812346',
    });
    const delivered = { state: 'delivered', detail: 'Delivered on arbitrum', destinationChain: ARBITRUM, guid: '812346', destinationTxHash: ARB_RELAY };
    expect(await look('osmo-arb-executed')).toEqual(delivered);
    // After a restart the tracking key is gone: any Transfer of the token in the relayed transaction counts.
    expect(await look('osmo-arb-executed', undefined)).toEqual(delivered);
    expect(await look('osmo-arb-executed', OTHER)).toEqual({
      ...delivered,
      state: 'failed',
      detail: 'Axelar reports delivery, but the arbitrum transaction carries no axlUSDC transfer to the recipient',
    });
  });

  it('waits while the relayed transaction is not visible on the EVM chain yet', async () => {
    const saved = standIn.receipts['42161']![ARB_RELAY];
    delete standIn.receipts['42161']![ARB_RELAY];
    try {
      standIn.transfers = { [OSMO_TX]: searchBody('osmo-arb-executed') };
      expect(await bridgeWith().trackDelivery(sent, ctx)).toEqual({
        state: 'inflight',
        detail: 'Axelar relayed the transfer; waiting for arbitrum to show the transaction',
        destinationChain: ARBITRUM,
        guid: '812346',
        destinationTxHash: ARB_RELAY,
      });
    } finally {
      standIn.receipts['42161']![ARB_RELAY] = saved;
    }
  });

  it('a failed source transaction sent nothing; an untracked destination fails; a refunded packet is reported before Axelarscan is asked', async () => {
    standIn.transfers = { [FAILED_OSMO_TX]: searchBody('osmo-arb-send-failed') };
    expect(await bridgeWith().trackDelivery({ chain: OSMOSIS, txHash: FAILED_OSMO_TX }, ctx)).toEqual({
      state: 'failed',
      detail: 'The source transaction failed: nothing was sent',
      destinationChain: ARBITRUM,
    });
    const [record] = (searchBody('osmo-arb-sent') as { data: Array<{ send: object; link: object }> }).data;
    const toFantom = { ...record!, send: { ...record!.send, destination_chain: 'fantom' }, link: { ...record!.link, destination_chain: 'fantom' } };
    standIn.transfers = { [OSMO_TX]: { data: [toFantom], total: 1, time_spent: 5 } };
    expect(await bridgeWith().trackDelivery(sent, ctx)).toEqual({ state: 'failed', detail: 'The tokens went to Axelar chain "fantom", which this bridge does not track' });
    const asked: SentBridgeTx[] = [];
    const refunding = bridgeWith({ sourcePacket: async (s) => (asked.push(s), 'refunded') });
    const before = standIn.requests.length;
    // The refund is back with the sender on the source chain, named when the executor passes it.
    expect(await refunding.trackDelivery({ ...sent, sender: OSMO_USER }, ctx)).toEqual({
      state: 'failed',
      detail: `Refunded: Axelar refused the IBC transfer and osmosis returned the axlUSDC to ${OSMO_USER}`,
      fundsAt: { chain: OSMOSIS, address: OSMO_USER, action: 'none' },
    });
    expect([asked, standIn.requests.length]).toEqual([[{ ...sent, sender: OSMO_USER }], before]);
    standIn.transfers = { [OSMO_TX]: searchBody('osmo-arb-batch-signed') };
    const acked = bridgeWith({ sourcePacket: async () => 'acknowledged' });
    expect((await acked.trackDelivery(sent, ctx)).detail).toBe('Axelar signed the transfer to arbitrum; waiting for a relayer to submit it');
  });
});

describe('errors', () => {
  it('an unreachable or garbled Axelarscan is RPC_UNAVAILABLE; bad hashes and chains are refused', async () => {
    const offline = createAxelarCosmosBridge({
      fees: createAxelarLcdFeeSource({ baseUrl: 'http://127.0.0.1:9' }),
      status: createAxelarscanClient({ baseUrl: 'http://127.0.0.1:9', timeoutMs: 2_000 }),
    });
    await expectStrataRejection(offline.trackDelivery({ chain: ARBITRUM, txHash: ARB_TX }, ctx), 'RPC_UNAVAILABLE', /^Axelarscan cannot be reached$/);
    standIn.transfers = { [ARB_TX]: { data: 'not a list' } };
    await expectStrataRejection(bridgeWith().trackDelivery({ chain: ARBITRUM, txHash: ARB_TX }, ctx), 'RPC_UNAVAILABLE', /unexpected answer/);
    await expectStrataRejection(createAxelarscanClient({ baseUrl: standIn.baseUrl }).transferByTxHash('0x1234'), 'INVALID_INPUT');
    await expectStrataRejection(bridgeWith().trackDelivery({ chain: 'eip155:56', txHash: ARB_TX }, ctx), 'INVALID_INPUT');
  });
});
