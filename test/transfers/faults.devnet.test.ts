/**
 * Issue #4's bridge faults on the real devnet, end to end through the router, runTransfer and the route step runners:
 * an unwired LayerZero peer (no route offered; removed after the quote: refused before signing), a destination
 * OFT that rejects the message (the relayer's lzReceiveAlert; the journal names LayerZero's endpoint), and an Axelar
 * mintToken the destination gateway cannot execute (drained liquidity: in flight and delayed, delivered once refilled).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeEventLog, encodeEventTopics, encodeFunctionData, erc20Abi, getAddress, pad, parseAbi, type Abi } from 'viem';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Transfer } from '../../shared/domain/transferRecord';
import { LZ_RECEIVE_ALERT_ABI, OAPP_PEERS_ABI } from '../../electron/services/bridges/layerzeroOft/oftAbi';
import { axelarRetryDelayMs } from '../../electron/services/devnet/axelar/axelarRelayer';
import { AXELAR_OPERATOR_PRIVATE_KEY, AXELAR_USDC_TRANSFER_FEE } from '../../electron/services/devnet/axelar/axelarSpec';
import { mintTokenParams, signedExecuteInput } from '../../electron/services/devnet/axelar/gatewayCommands';
import { axelarRelayerOf } from '../../electron/services/devnet/layerzero/devnetRelayer';
import { createKeySender } from '../../electron/services/devnet/layerzero/keySender';
import { DEVNET_LZ_EIDS, LZ_RELAYER_ACCOUNT_INDEX } from '../../electron/services/devnet/layerzero/layerZeroSpec';
import { layerZeroArtifact } from '../../electron/services/devnet/layerzero/lzArtifacts';
import type { DevnetSnapshot } from '../../electron/services/devnet/startDevnet';
import { deriveDevnetTestKeys } from '../../electron/services/devnet/testAccounts';
import { devnetRoutingEnvironment } from '../../electron/services/routing/devnetRouting';
import { findRoutes, type RoutingEnvironment } from '../../electron/services/routing/findRoutes';
import { createChainClients } from '../../electron/services/chains/chainClients';
import { evmCallTransport } from '../../electron/services/transfers/evmCallTransport';
import { journaledStepAdapter, routeStepRunner } from '../../electron/services/transfers/routeStepRunners';
import { startTransfer } from '../../electron/services/transfers/runTransfer';
import type { CallTransport } from '../../electron/services/transfers/stepRunner';
import { TransferJournal } from '../../electron/services/transfers/transferJournal';
import { expectStrataRejection } from '../unit/expectStrataError';
import { ETH, startEvmFixture, USDC_UNIT, type EvmFixture } from '../evm/support';

const A = 'eip155:31337';
const B = 'eip155:31338';
const PRICES = { ethereum: '3000', 'usd-coin': '1' };
const GATEWAY_ABI = parseAbi(['function execute(bytes input)', 'function isCommandExecuted(bytes32) view returns (bool)', 'event Executed(bytes32 indexed commandId)']);
const PEER_ABI = parseAbi(['function setPeer(uint32 eid, bytes32 peer)']);

let fx: EvmFixture;
let snapshot: DevnetSnapshot;
let dataDir: string;
let env: RoutingEnvironment;

beforeAll(async () => {
  fx = await startEvmFixture(1);
  env = devnetRoutingEnvironment({ chains: fx.devnet.chains, contracts: fx.devnet.contracts, usdPrices: PRICES });
});
afterAll(async () => {
  await fx?.close();
});
beforeEach(async () => {
  snapshot = await fx.devnet.snapshot();
  dataDir = await mkdtemp(join(tmpdir(), 'strata-faults-'));
});
afterEach(async () => {
  fx.devnet.relayer.resume();
  await fx.devnet.revert(snapshot);
  await rm(dataDir, { recursive: true, force: true });
});

const me = () => fx.addresses[0] as string;
const sbt = () => fx.devnet.contracts.sbt as `0x${string}`;
const usdc = () => fx.devnet.contracts.usdc as `0x${string}`;
const gateway = () => fx.devnet.contracts.axelarGateway as `0x${string}`;
const endpoint = () => getAddress(fx.devnet.contracts.lzEndpoint as string);
const alias = (chain: string) => (chain === A ? 'devnet-a' : 'devnet-b') as 'devnet-a' | 'devnet-b';
const onlyBridge = (id: string): RoutingEnvironment => ({ ...env, bridges: env.bridges.filter((b) => b.id === id) });

/** A devnet key sending on one chain: the devnet deployer owns the OFTs; the Axelar operator signs gateway batches. */
function senderOn(chain: string, privateKey: `0x${string}`) {
  const spec = fx.devnet.chains.find((c) => c.id === chain) as { chainId: number };
  return createKeySender((method, params) => fx.devnet.request(alias(chain), method, params), spec.chainId, privateKey);
}

async function setSbtPeer(chain: string, remoteEid: number, peer: `0x${string}`): Promise<void> {
  await senderOn(chain, deriveDevnetTestKeys().deployer.privateKey).send({ to: sbt(), data: encodeFunctionData({ abi: PEER_ABI, functionName: 'setPeer', args: [remoteEid, peer] }) });
}

function runRoute(route: Parameters<typeof startTransfer>[0], routing: RoutingEnvironment, journal: TransferJournal): Promise<Transfer> {
  // Fresh clients (and nonce state) per run: the devnet is reverted between tests.
  const clients = createChainClients();
  const transports: Record<string, CallTransport> = { [A]: evmCallTransport(fx.targetA, fx.signer(0), clients), [B]: evmCallTransport(fx.targetB, fx.signer(0), clients) };
  return startTransfer(route, {
    journal,
    runnerFor: (step) => routeStepRunner(step, journaledStepAdapter(step, routing), { env: routing, transportFor: (chain) => transports[chain] as CallTransport }),
    pollMs: 50,
  });
}

const bridgeStepState = (journal: TransferJournal) => () => journal.list()[0]?.steps.find((s) => s.calls.some((c) => c.label.startsWith('send')))?.state;

describe('an unwired LayerZero peer', () => {
  it('is not offered as a route, and is NO_ROUTE naming the missing peer when LayerZero was the only path', async () => {
    expect(await fx.devnet.request(alias(A), 'eth_call', [{ to: sbt(), data: encodeFunctionData({ abi: OAPP_PEERS_ABI, functionName: 'peers', args: [DEVNET_LZ_EIDS['devnet-b']] }) }, 'latest'])).toBe(pad(sbt(), { size: 32 }).toLowerCase());
    const request = { from: { chain: A, asset: sbt(), amount: 100n * ETH }, to: { chain: B, asset: sbt() }, slippageBps: 100 } as const;
    const wired = await findRoutes(env, request);
    expect(wired.map((r) => r.route.steps.map((s) => s.provider))).toEqual([['layerzero-oft'], ['uniswap-v2', 'axelar-gateway', 'uniswap-v2']]);

    await setSbtPeer(A, DEVNET_LZ_EIDS['devnet-b'], pad('0x00', { size: 32 }));
    const unwired = await findRoutes(env, request);
    expect(unwired.map((r) => r.route.steps.map((s) => s.provider))).toEqual([['uniswap-v2', 'axelar-gateway', 'uniswap-v2']]);
    await expectStrataRejection(
      findRoutes(onlyBridge('layerzero-oft'), request),
      'NO_ROUTE',
      /^No route for SBT over LayerZero from Devnet A to Devnet B: the SBT OFT on Devnet A has no peer for Devnet B \(LayerZero eid 50338\)$/,
    );
  });

  it('removed between the quote and the start: the swap on devnet-a ran, the send is refused before signing, the journal names the SBT on devnet-a', async () => {
    const routing = onlyBridge('layerzero-oft');
    const [found] = await findRoutes(routing, { from: { chain: A, asset: 'native', amount: ETH / 10n }, to: { chain: B, asset: sbt() }, slippageBps: 100 });
    expect(found?.route.steps.map((s) => s.provider)).toEqual(['uniswap-v2', 'layerzero-oft']);
    const before = { sbtA: await fx.tokenBalanceOf(sbt(), me()), sbtB: await fx.tokenBalanceOf(sbt(), me(), 'devnet-b'), nonceA: await fx.nonceOf(me()) };
    await setSbtPeer(A, DEVNET_LZ_EIDS['devnet-b'], pad('0x00', { size: 32 }));

    const done = await runRoute(found!.route, routing, await TransferJournal.open(dataDir));

    expect(done.status).toBe('needs-attention');
    const [swap, send] = done.steps;
    expect(swap?.state).toBe('confirmed');
    const swapped = BigInt(swap?.amountOut as string);
    expect(swapped).toBeGreaterThan(0n);
    expect(send?.state).toBe('failed');
    expect(send?.calls).toEqual([]);
    expect(send?.failure).toEqual({
      reason: 'refused',
      message: 'No route for SBT over LayerZero from Devnet A to Devnet B: the SBT OFT on Devnet A has no peer for Devnet B (LayerZero eid 50338)',
      fundsAt: { chain: A, asset: found!.route.steps[1]!.assetIn, address: getAddress(me()), amount: swapped.toString() },
      action: 'retry',
      summary: expect.stringMatching(new RegExp(`^[0-9.]+ SBT is still at ${getAddress(me())} on Devnet A: nothing of this step went through$`)),
    });
    // Exactly the swap left the wallet's ETH; the SBT it bought is on devnet-a, nothing reached devnet-b.
    expect(await fx.tokenBalanceOf(sbt(), me())).toBe(before.sbtA + swapped);
    expect(await fx.tokenBalanceOf(sbt(), me(), 'devnet-b')).toBe(before.sbtB);
    expect(await fx.nonceOf(me())).toBe(before.nonceA + 1n);
  });
});

describe('a destination that rejects the message', () => {
  it('LayerZero: the relayer alerts instead of retrying; the journal says the SBT is held by the endpoint on devnet-b, and a retry after the fix delivers it', async () => {
    const routing = onlyBridge('layerzero-oft');
    const request = { from: { chain: A, asset: sbt(), amount: 100n * ETH }, to: { chain: B, asset: sbt() }, slippageBps: 100 } as const;
    // One delivery first, as on any live pair: the path is initialized, so a later packet still verifies.
    const [warmUp] = await findRoutes(routing, { ...request, from: { ...request.from, amount: ETH } });
    expect((await runRoute(warmUp!.route, routing, await TransferJournal.open(join(dataDir, 'warm')))).status).toBe('completed');

    const [found] = await findRoutes(routing, request);
    const before = { sbtA: await fx.tokenBalanceOf(sbt(), me()), sbtB: await fx.tokenBalanceOf(sbt(), me(), 'devnet-b') };
    const alertedBefore = fx.devnet.relayer.alerted.length;
    const journal = await TransferJournal.open(dataDir);
    await fx.devnet.relayer.pause();
    const running = runRoute(found!.route, routing, journal);
    await expect.poll(bridgeStepState(journal), { timeout: 15_000, interval: 25 }).toBe('delivering');
    // devnet-b's OFT stops accepting devnet-a's OFT: its lzReceive reverts (OnlyPeer) for the packet in flight.
    await setSbtPeer(B, DEVNET_LZ_EIDS['devnet-a'], pad('0xdead', { size: 32 }));
    fx.devnet.relayer.resume();
    const done = await running;

    expect(done.status).toBe('needs-attention');
    const step = done.steps[0]!;
    expect(step.state).toBe('failed');
    expect(step.failure).toEqual({
      reason: 'delivery',
      message: `The bridge reports that the delivery failed: the receiving SBT OFT on Devnet B rejected the message; the tokens are held by LayerZero's endpoint ${endpoint()} on Devnet B (verified, not executed) and can be delivered by retrying lzReceive once the receiver accepts`,
      fundsAt: { chain: B, asset: found!.route.steps[0]!.assetOut, address: endpoint(), amount: (100n * ETH).toString() },
      action: 'retry',
      summary: `100 SBT: the receiving SBT OFT on Devnet B rejected the message; the tokens are held by LayerZero's endpoint ${endpoint()} on Devnet B (verified, not executed) and can be delivered by retrying lzReceive once the receiver accepts`,
    });
    // The relayer reported it once (lzReceiveAlert) and keeps nothing queued: no retry loop.
    expect(fx.devnet.relayer.alerted).toHaveLength(alertedBefore + 1);
    expect(fx.devnet.relayer.pending).toEqual([]);
    expect(await fx.tokenBalanceOf(sbt(), me())).toBe(before.sbtA - 100n * ETH);
    expect(await fx.tokenBalanceOf(sbt(), me(), 'devnet-b')).toBe(before.sbtB);

    // Once the receiver accepts again, anyone can execute the verified message: the 100 SBT arrive.
    const endpointAbi = layerZeroArtifact('EndpointV2').abi as Abi;
    const [alertTopic] = encodeEventTopics({ abi: LZ_RECEIVE_ALERT_ABI, eventName: 'LzReceiveAlert' });
    const logs = await fx.devnet.request<Array<{ data: `0x${string}`; topics: [`0x${string}`, ...`0x${string}`[]] }>>('devnet-b', 'eth_getLogs', [{ address: endpoint(), topics: [alertTopic], fromBlock: '0x0', toBlock: 'latest' }]);
    const alert = decodeEventLog({ abi: LZ_RECEIVE_ALERT_ABI, data: logs.at(-1)!.data, topics: logs.at(-1)!.topics }).args;
    const payloadHash = () =>
      fx.devnet.request('devnet-b', 'eth_call', [
        { to: endpoint(), data: encodeFunctionData({ abi: endpointAbi, functionName: 'inboundPayloadHash', args: [sbt(), alert.origin.srcEid, alert.origin.sender, alert.origin.nonce] }) },
        'latest',
      ]);
    // Verified, not executed: the endpoint still holds the payload hash. Another relayer pass sends nothing.
    expect(await payloadHash()).not.toBe(pad('0x00', { size: 32 }));
    const relayerAddress = deriveDevnetTestKeys().accounts[LZ_RELAYER_ACCOUNT_INDEX]!.address;
    const relayerNonce = await fx.nonceOf(relayerAddress, 'devnet-b');
    expect(await fx.devnet.relayer.runOnce()).toEqual([]);
    expect(await fx.nonceOf(relayerAddress, 'devnet-b')).toBe(relayerNonce);
    await setSbtPeer(B, DEVNET_LZ_EIDS['devnet-a'], pad(sbt(), { size: 32 }));
    await senderOn(B, deriveDevnetTestKeys().accounts[9]!.privateKey).send({
      to: endpoint(),
      data: encodeFunctionData({ abi: endpointAbi, functionName: 'lzReceive', args: [alert.origin, sbt(), alert.guid, alert.message, '0x'] }),
    });
    expect(await fx.tokenBalanceOf(sbt(), me(), 'devnet-b')).toBe(before.sbtB + 100n * ETH);
    expect(await payloadHash()).toBe(pad('0x00', { size: 32 }));
  });

  it('Axelar: a mintToken the drained destination gateway cannot execute is retried with back-off; the step stays in flight, delayed, and is delivered once the gateway is refilled', async () => {
    const routing = onlyBridge('axelar-gateway');
    const amount = 1000n * USDC_UNIT;
    const [found] = await findRoutes(routing, { from: { chain: A, asset: usdc(), amount }, to: { chain: B, asset: usdc() }, slippageBps: 100 });
    expect(found?.route.steps.map((s) => s.provider)).toEqual(['axelar-gateway']);
    const balanceOn = (chain: string, who: string) => fx.tokenBalanceOf(usdc(), who, alias(chain));
    const before = { usdcA: await balanceOn(A, me()), usdcB: await balanceOn(B, me()), gatewayA: await balanceOn(A, gateway()) };
    const axelar = axelarRelayerOf(fx.devnet.relayer);
    const journal = await TransferJournal.open(dataDir);
    await fx.devnet.relayer.pause();
    const running = runRoute(found!.route, routing, journal);
    await expect.poll(bridgeStepState(journal), { timeout: 15_000, interval: 25 }).toBe('delivering');
    // The destination gateway's USDC leaves through an operator-signed mintToken of its whole balance (to account 9).
    const sink = fx.devnet.accounts[9] as `0x${string}`;
    const liquidity = await balanceOn(B, gateway());
    const drainId = `0x${'d1'.repeat(32)}` as const;
    const input = await signedExecuteInput(31338, [{ commandId: drainId, command: 'mintToken', params: mintTokenParams('USDC', sink, liquidity) }], AXELAR_OPERATOR_PRIVATE_KEY);
    await senderOn(B, AXELAR_OPERATOR_PRIVATE_KEY).send({ to: gateway(), data: encodeFunctionData({ abi: GATEWAY_ABI, functionName: 'execute', args: [input] }), gas: 1_000_000n });
    expect(await balanceOn(B, gateway())).toBe(0n);
    fx.devnet.relayer.resume();

    // Axelar retries such a command: the step is delayed at once (its 15 s eta is not over), never failed.
    await expect.poll(() => journal.list()[0]?.steps[0]?.delayed, { timeout: 15_000, interval: 25 }).toBe(true);
    const stalled = journal.list()[0]!;
    expect([stalled.status, stalled.steps[0]!.state, stalled.steps[0]!.failure]).toEqual(['running', 'delivering', null]);
    // The bridge's reason is journaled with the delay, for the progress view to show under "Taking longer".
    expect(stalled.steps[0]!.note).toBe("Axelar's gateway on devnet-b cannot release it yet (it holds 0 USDC, the transfer needs 999); Axelar retries the delivery until it can");
    const send = stalled.steps[0]!.calls.find((c) => c.label.startsWith('send'))!;
    const status = await routing.bridges[0]!.trackDelivery({ chain: A, txHash: send.hash }, routing);
    expect(status).toEqual({
      state: 'inflight',
      stalled: true,
      detail: "Axelar's gateway on devnet-b cannot release it yet (it holds 0 USDC, the transfer needs 999); Axelar retries the delivery until it can",
      destinationChain: B,
      guid: status.guid,
    });
    expect(await balanceOn(A, me())).toBe(before.usdcA - amount);
    expect(await balanceOn(A, gateway())).toBe(before.gatewayA + amount);
    expect(await balanceOn(B, me())).toBe(before.usdcB);

    // The relayer tried, the gateway left the command unexecuted, and the next try waits (1 s, then 2 s, ... 30 s).
    expect([1, 2, 3, 4, 5, 6, 7].map(axelarRetryDelayMs)).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000]);
    await expect.poll(() => axelar.pending.map((p) => p.attempts >= 1), { timeout: 15_000, interval: 25 }).toEqual([true]);
    const commandId = axelar.pending[0]!.commandId;
    expect(status.guid).toBe(commandId);
    expect(await fx.devnet.request('devnet-b', 'eth_call', [{ to: gateway(), data: encodeFunctionData({ abi: GATEWAY_ABI, functionName: 'isCommandExecuted', args: [commandId] }) }, 'latest'])).toBe(pad('0x00', { size: 32 }));
    const [executedTopic] = encodeEventTopics({ abi: GATEWAY_ABI, eventName: 'Executed', args: { commandId } });
    expect(await fx.devnet.request('devnet-b', 'eth_getLogs', [{ address: gateway(), topics: [executedTopic, commandId], fromBlock: '0x0', toBlock: 'latest' }])).toEqual([]);
    expect(journal.list()[0]?.status).toBe('running');

    // Liquidity back: Axelar's retry delivers it, once, and the transfer completes with exactly amount - fee.
    await senderOn(B, deriveDevnetTestKeys().accounts[9]!.privateKey).send({ to: usdc(), data: encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [gateway(), liquidity] }) });
    await axelar.waitForDelivery(commandId, 15_000);
    const done = await running;
    expect(done.status).toBe('completed');
    expect(done.steps[0]).toMatchObject({ state: 'delivered', delayed: true, failure: null, amountOut: (amount - AXELAR_USDC_TRANSFER_FEE).toString() });
    expect(done.steps[0]!.note).toBeUndefined();
    expect(await balanceOn(B, me())).toBe(before.usdcB + amount - AXELAR_USDC_TRANSFER_FEE);
    expect(await balanceOn(B, gateway())).toBe(liquidity - (amount - AXELAR_USDC_TRANSFER_FEE));
    expect(await balanceOn(A, me())).toBe(before.usdcA - amount);
  });
});
