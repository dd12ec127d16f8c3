/**
 * An Axelar EVM -> Cosmos bridge step run by the executor (runTransfer + routeStepRunners) over the real Axelar-Cosmos
 * adapter, against the local stand-ins of Axelar's LCD, Axelarscan and an Arbitrum node (recorded answer shapes):
 * what arrives is the send less Axelar's fee (read from the send, not the quote); a failed delivery keeps the
 * adapter's own words, names the recipient on Osmosis (not the EVM sender) or, where Axelar holds the funds, Axelar.
 * Only signing is stubbed: the transport hands out the recorded transaction hashes and reads their receipts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeAbiParameters, encodeEventTopics, type Hex } from 'viem';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CaipChainId } from '../../shared/domain/chain';
import type { RouteStep } from '../../shared/domain/route';
import { createAxelarCosmosBridge, evmUsdcAsset } from '../../electron/services/bridges/axelarCosmos/axelarCosmosBridge';
import { axelarCosmosRoute } from '../../electron/services/bridges/axelarCosmos/axelarCosmosRoutes';
import { createAxelarLcdFeeSource } from '../../electron/services/bridges/axelarCosmos/axelarFeeSource';
import { AXELAR_CHAIN, AXELAR_GMP_ACCOUNT, MAINNET_AXELAR_EVM_CHAINS } from '../../electron/services/bridges/axelarCosmos/axelarNetwork';
import { createAxelarscanClient } from '../../electron/services/bridges/axelarCosmos/axelarscanClient';
import { sendTokenMemo } from '../../electron/services/bridges/axelarCosmos/buildAxelarMsgTransfer';
import { AXELAR_GATEWAY_ABI } from '../../electron/services/bridges/axelarGateway/axelarGatewayAbi';
import type { BridgeAdapter } from '../../electron/services/bridges/bridgeAdapter';
import { cosmosEventsAsLogs } from '../../electron/services/cosmos/tx/eventLogs';
import type { RoutingEnvironment } from '../../electron/services/routing/findRoutes';
import { httpJsonRpc } from '../../electron/services/rpc/httpJsonRpc';
import { journaledStepAdapter, routeStepRunner } from '../../electron/services/transfers/routeStepRunners';
import { startTransfer } from '../../electron/services/transfers/runTransfer';
import type { CallReceipt, CallTransport } from '../../electron/services/transfers/stepRunner';
import { transferNotification } from '../../electron/services/transfers/transferNotification';
import { TransferJournal } from '../../electron/services/transfers/transferJournal';
import { AxelarStandIn, searchBody } from '../bridges/fixtures/axelarCosmos/axelarStandIn';
import { routeOf } from './testSteps';

const ARB_TX = '0x4e5289f82fd6fc5c248f21d12e116c13378dc9071d0f9f54bdd7953803650451';
const APPROVE_TX = '0x1111111111111111111111111111111111111111111111111111111111111111';
const SENDER = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const OSMO_USER = 'osmo1jhg0e7s6gn44tfc5k37kr04sznyhedtcdc35xx';
const ARBITRUM: CaipChainId = 'eip155:42161';
const OSMOSIS: CaipChainId = 'cosmos:osmosis-1';
const T0 = 1_791_114_977_000;
const FEE_PATH = '/axelar/nexus/v1beta1/transfer_fee';

const arbitrum = MAINNET_AXELAR_EVM_CHAINS.find((c) => c.chain === ARBITRUM)!;
const osmosis = axelarCosmosRoute('osmosis');

let standIn: AxelarStandIn;
let sendLogs: CallReceipt['logs'];
let dir: string;
let journal: TransferJournal;

beforeAll(async () => {
  standIn = new AxelarStandIn();
  await standIn.start();
  const topics = encodeEventTopics({ abi: AXELAR_GATEWAY_ABI, eventName: 'TokenSent', args: { sender: SENDER } }) as Hex[];
  const data = encodeAbiParameters([{ type: 'string' }, { type: 'string' }, { type: 'string' }, { type: 'uint256' }], ['osmosis', OSMO_USER, 'axlUSDC', 100_000_000n]);
  sendLogs = [{ address: arbitrum.gateway.toLowerCase(), topics, data }];
  standIn.receipts = {
    '42161': {
      [APPROVE_TX]: { status: '0x1', logs: [], transactionHash: APPROVE_TX, blockNumber: '0x10' },
      [ARB_TX]: { status: '0x1', logs: sendLogs, transactionHash: ARB_TX, blockNumber: '0x11' },
    },
  };
});

afterAll(async () => {
  await standIn.stop();
});

beforeEach(async () => {
  standIn.transfers = {};
  dir = await mkdtemp(join(tmpdir(), 'strata-axelar-cosmos-steps-'));
  journal = await TransferJournal.open(dir);
  return () => rm(dir, { recursive: true, force: true });
});

function newBridge(): BridgeAdapter {
  return createAxelarCosmosBridge({
    fees: createAxelarLcdFeeSource({ baseUrl: standIn.baseUrl }),
    status: createAxelarscanClient({ baseUrl: standIn.baseUrl }),
    now: () => T0 + 60_000,
  });
}

const rpc: RoutingEnvironment['rpc'] = (chain) => httpJsonRpc(standIn.evmUrl(Number(chain.split(':')[1])), { timeoutMs: 5_000 });

/** The account on Arbitrum: signing hands out the recorded hashes (approve, then the send); receipts come from the node. */
function arbitrumTransport(): CallTransport {
  let nonce = 0n;
  return {
    chain: ARBITRUM,
    from: SENDER,
    async sign(call) {
      return { chain: ARBITRUM, from: SENDER, nonce: nonce++, hash: call.label.startsWith('approve') ? APPROVE_TX : ARB_TX, raw: '0x00' };
    },
    async broadcast() {},
    async status(call) {
      const found = await rpc(ARBITRUM)<{ status: string; blockNumber: string; logs: CallReceipt['logs'] } | null>('eth_getTransactionReceipt', [call.hash]);
      if (found === null) return { kind: 'unknown' };
      return { kind: 'mined', receipt: { status: found.status === '0x1' ? 1 : 0, blockNumber: BigInt(found.blockNumber), logs: found.logs } };
    },
  };
}

/** The same account on Osmosis: only its address is used (the recipient of the bridge step). */
const osmosisTransport: CallTransport = {
  chain: OSMOSIS,
  from: OSMO_USER,
  sign: () => Promise.reject(new Error('nothing is signed on Osmosis here')),
  broadcast: () => Promise.reject(new Error('nothing is broadcast on Osmosis here')),
  status: () => Promise.resolve({ kind: 'unknown' }),
};

const step: RouteStep = {
  kind: 'bridge',
  provider: 'axelar-gateway',
  fromChain: ARBITRUM,
  toChain: OSMOSIS,
  assetIn: evmUsdcAsset(arbitrum),
  assetOut: osmosis.asset,
  amountIn: '100000000',
  amountOut: '98500000',
  minAmountOut: '98500000',
  fees: [],
  etaSeconds: 30 * 60,
  priceImpactBps: 0,
};

function run(bridge: BridgeAdapter) {
  const env: RoutingEnvironment = { rpc, chains: [], assets: () => [], venues: [], bridges: [bridge], usdPrices: {} };
  return startTransfer(routeOf('axelar-to-osmosis', [step]), {
    journal,
    pollMs: 5,
    runnerFor: (s) => routeStepRunner(s, journaledStepAdapter(s, env), { env, transportFor: (chain) => (chain === ARBITRUM ? arbitrumTransport() : osmosisTransport) }),
  });
}

const feeAsks = () => standIn.requests.filter((r) => r.path.startsWith(FEE_PATH)).length;

describe('an Axelar EVM -> Cosmos step through the executor', () => {
  it('records what arrives as the send less the quoted fee (no second ask), and the notification states it', async () => {
    standIn.transfers = { [ARB_TX]: searchBody('arb-osmo-ibc-acked') };
    const asked = feeAsks();
    const done = await run(newBridge());
    expect(done.status).toBe('completed');
    // One quote, so one look at the fee, per call built (approve, send); reading the delivered amount asks none.
    expect(feeAsks() - asked).toBe(2);
    expect(done.steps[0]).toMatchObject({ state: 'delivered', amountIn: '100000000', amountOut: '98500000', failure: null });
    expect(transferNotification(null, done, () => 'Osmosis')).toEqual({ title: 'Transfer complete', body: '98.5 axlUSDC arrived on Osmosis.' });
  });

  it('a failure without a located fund names the recipient on Osmosis and keeps the adapter words', async () => {
    standIn.transfers = { [ARB_TX]: searchBody('osmo-arb-send-failed') };
    const done = await run(newBridge());
    expect(done.status).toBe('needs-attention');
    expect(done.steps[0]!.failure).toEqual({
      reason: 'delivery',
      message: 'The bridge reports that the delivery failed: The source transaction failed: nothing was sent',
      fundsAt: { chain: OSMOSIS, asset: osmosis.asset, address: OSMO_USER, amount: '98500000' },
      action: 'contact-support',
      summary: `100 axlUSDC left ${SENDER} on eip155:42161; axelar-gateway reports that delivering axlUSDC to ${OSMO_USER} on cosmos:osmosis-1 failed (The source transaction failed: nothing was sent)`,
    });
  });

  it('an amount Axelar keeps for its fee: the funds are on Axelar, held for the recipient; contact support', async () => {
    standIn.transfers = { [ARB_TX]: searchBody('base-osmo-insufficient-fee') };
    const done = await run(newBridge());
    const detail = `Not delivered: 0.274434 axlUSDC is not more than Axelar's transfer fee of 1.5 axlUSDC; the funds are on Axelar as uusdc, held for ${OSMO_USER} on osmosis`;
    expect(done.status).toBe('needs-attention');
    expect(done.steps[0]!.failure).toEqual({
      reason: 'delivery',
      message: `The bridge reports that the delivery failed: ${detail}`,
      fundsAt: { chain: AXELAR_CHAIN, asset: step.assetIn, address: OSMO_USER, amount: '100000000' },
      action: 'contact-support',
      summary: `100 axlUSDC: ${detail}`,
    });
  });
});

describe('deliveredAmount of the Axelar-Cosmos adapter (after a restart: no quote in memory)', () => {
  it('EVM -> Cosmos: TokenSent of the sender on the given chain, less the fee Axelar names for that chain', async () => {
    const bridge = newBridge();
    const logs = sendLogs;
    const before = standIn.requests.length;
    expect(await bridge.deliveredAmount!(logs, SENDER, ARBITRUM)).toBe(98_500_000n);
    expect(standIn.requests.slice(before).map((r) => r.path)).toEqual([`${FEE_PATH}?source_chain=arbitrum&destination_chain=osmosis&amount=100000000uusdc`]);
    // Another sender's send, or a chain whose gateway did not emit it: nothing of ours.
    expect(await bridge.deliveredAmount!(logs, '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', ARBITRUM)).toBeNull();
    expect(await bridge.deliveredAmount!(logs, SENDER, 'eip155:1')).toBeNull();
  });

  it('Cosmos -> EVM: the ICS-20 packet to Axelar (amount, sender, memo destination) less the fee', async () => {
    const packet = { denom: osmosis.asset.ref, amount: '250000000', sender: OSMO_USER, receiver: AXELAR_GMP_ACCOUNT, memo: sendTokenMemo('Ethereum', SENDER) };
    const logs = cosmosEventsAsLogs([
      { type: 'send_packet', attributes: [{ key: 'packet_src_channel', value: osmosis.channelToAxelar }, { key: 'packet_data', value: JSON.stringify(packet) }] },
    ]);
    // Ethereum's fee is 20.5 USDC (the recorded LCD answer).
    expect(await newBridge().deliveredAmount!(logs, OSMO_USER, OSMOSIS)).toBe(229_500_000n);
    expect(await newBridge().deliveredAmount!(logs, 'osmo1someoneelse', OSMOSIS)).toBeNull();
  });
});
