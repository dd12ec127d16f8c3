import { Contract, Interface, JsonRpcProvider, Wallet, id, type TransactionReceipt } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AXELAR_GATEWAY_ABI } from '../../electron/services/bridges/axelarGateway/axelarGatewayAbi';
import { AXELAR_SEND_TOKEN_GAS } from '../../electron/services/bridges/axelarGateway/axelarGatewayBridge';
import { EXACT_APPROVAL_GAS } from '../../electron/services/evm/buildExactApproval';
import { DEVNET_AXELAR_ETA_SECONDS, devnetAxelarRegistry } from '../../electron/services/bridges/axelarGateway/devnetAxelarRegistry';
import type { BridgeAdapter, BridgeLeg } from '../../electron/services/bridges/bridgeAdapter';
import { axelarArtifact } from '../../electron/services/devnet/axelar/axelarArtifacts';
import { AXELAR_USDC_TRANSFER_FEE } from '../../electron/services/devnet/axelar/axelarSpec';
import { startDevnet, type Devnet } from '../../electron/services/devnet/startDevnet';
import { deriveDevnetTestKeys } from '../../electron/services/devnet/testAccounts';
import { devnetRoutingEnvironment } from '../../electron/services/routing/devnetRouting';
import type { RoutingEnvironment } from '../../electron/services/routing/findRoutes';
import type { EvmStepCall } from '../../electron/services/routing/routingTypes';
import { expectStrataError, expectStrataRejection } from '../unit/expectStrataError';
import { devnetProviders } from '../support/devnetKit';

const A = 'eip155:31337';
const B = 'eip155:31338';
const USDC = 10n ** 6n;
const SLIPPAGE = 50;
const ERC20 = new Interface(['function balanceOf(address) view returns (uint256)', 'function allowance(address, address) view returns (uint256)', 'function approve(address, uint256) returns (bool)']);

let devnet: Devnet;
let env: RoutingEnvironment;
let bridge: BridgeAdapter;
let providers: Record<string, JsonRpcProvider>;
let gatewayAbi: Interface;
let leg: BridgeLeg;

/** The environment with `chain`'s RPC lying about eth_getLogs: its answers pass through `rewrite`. */
function lyingLogs(chain: string, rewrite: (logs: Array<Record<string, unknown>>) => Array<Record<string, unknown>>): RoutingEnvironment {
  return {
    ...env,
    rpc: (c) => {
      const real = env.rpc(c);
      if (c !== chain) return real;
      return (async (method: string, params?: unknown[]) => {
        const answer = await real(method, params);
        return method === 'eth_getLogs' ? rewrite(answer as Array<Record<string, unknown>>) : answer;
      }) as typeof real;
    },
  };
}

const wallet = (index: number, chain: string) => new Wallet((deriveDevnetTestKeys().accounts[index] as { privateKey: string }).privateKey, providers[chain]);
const usdcOf = async (chain: string, address: string): Promise<bigint> => (await new Contract(devnet.contracts.usdc as string, ERC20, providers[chain]).getFunction('balanceOf')(address)) as bigint;

beforeAll(async () => {
  devnet = await startDevnet();
  providers = devnetProviders(devnet);
  env = devnetRoutingEnvironment({ chains: devnet.chains, contracts: devnet.contracts, usdPrices: { ethereum: '3000', 'usd-coin': '1' } });
  const found = env.bridges.find((b) => b.id === 'axelar-gateway');
  if (!found) throw new Error('the devnet environment has no Axelar bridge');
  bridge = found;
  gatewayAbi = new Interface(axelarArtifact('AxelarGateway').abi as never);
  const usdcA = env.assets(A).find((a) => a.symbol === 'USDC');
  leg = bridge.legs({ chain: A, asset: usdcA as never }, { chain: B })[0] as BridgeLeg;
}, 60_000);

afterAll(async () => {
  for (const p of Object.values(providers ?? {})) p.destroy();
  await devnet?.stop();
});

describe('Axelar gateway bridge (devnet)', () => {
  it("declares the gateway's functions and events exactly as the deployed AxelarGateway artifact does", () => {
    const ours = new Interface(AXELAR_GATEWAY_ABI as never);
    const fragments = ours.fragments.map((f) => f.format('full'));
    expect(fragments).toHaveLength(4);
    for (const fragment of ours.fragments) {
      const name = fragment.format('sighash');
      const theirs = fragment.type === 'event' ? gatewayAbi.getEvent(name) : gatewayAbi.getFunction(name);
      expect(theirs?.format('full')).toBe(fragment.format('full'));
    }
  });

  it('has one leg: the devnet USDC between the two chains, and none for other assets or the same chain', () => {
    const usdc = devnet.contracts.usdc as string;
    expect([leg.provider, leg.fromAsset.chain, leg.fromAsset.ref, leg.fromAsset.symbol, leg.toAsset.chain, leg.toAsset.ref, leg.toAsset.symbol]).toEqual(['axelar-gateway', A, usdc, 'USDC', B, usdc, 'USDC']);
    const eth = env.assets(A).find((a) => a.ref === 'native');
    expect(bridge.legs({ chain: A, asset: eth as never }, { chain: B })).toEqual([]);
    expect(bridge.legs({ chain: A, asset: leg.fromAsset }, { chain: A })).toEqual([]);
    expect(bridge.legs({ chain: B, asset: leg.toAsset }, { chain: A }).map((l) => [l.fromAsset.chain, l.toAsset.chain])).toEqual([[B, A]]);
    const registry = devnetAxelarRegistry(devnet.contracts);
    expect(registry.gateways.map((g) => [g.chain, g.name, g.gateway])).toEqual([
      [A, 'devnet-a', devnet.contracts.axelarGateway],
      [B, 'devnet-b', devnet.contracts.axelarGateway],
    ]);
    expectStrataError(() => devnetAxelarRegistry({ ...devnet.contracts, axelarGateway: '' }), 'DEVNET_NOT_RUNNING');
  });

  it('quotes amount less the 1 USDC fee, the slippage floor, a bridge fee in USDC, no native value; refuses what cannot arrive', async () => {
    const quote = await bridge.quote(leg, 250n * USDC, { rpc: env.rpc, slippageBps: SLIPPAGE });
    expect(quote).toEqual({
      leg,
      amountIn: 250n * USDC,
      amountOut: 249n * USDC,
      minAmountOut: (249n * USDC * 9_950n) / 10_000n,
      fees: [{ kind: 'bridge', chain: A, asset: leg.fromAsset, amount: AXELAR_USDC_TRANSFER_FEE }],
      callValue: 0n,
      gasUnits: EXACT_APPROVAL_GAS + AXELAR_SEND_TOKEN_GAS,
      etaSeconds: DEVNET_AXELAR_ETA_SECONDS,
    });
    expect(DEVNET_AXELAR_ETA_SECONDS).toBe(15);
    const ctx = { rpc: env.rpc, slippageBps: SLIPPAGE };
    await expectStrataRejection(bridge.quote(leg, AXELAR_USDC_TRANSFER_FEE, ctx), 'INVALID_AMOUNT', /more than its fee/);
    await expectStrataRejection(bridge.quote(leg, 0n, ctx), 'INVALID_AMOUNT');
    // devnet-b's gateway holds 500,000 USDC to unlock: 600,000 could never arrive.
    await expectStrataRejection(bridge.quote(leg, 600_000n * USDC, ctx), 'INVALID_AMOUNT', /holds too little USDC/);
    const sbt = { ...leg.fromAsset, ref: devnet.contracts.sbt as string, symbol: 'SBT' };
    await expectStrataRejection(bridge.quote({ ...leg, fromAsset: sbt }, 5n * USDC, ctx), 'INVALID_INPUT', /Axelar carries no SBT/);
  });

  it('builds an exact approval and sendToken; the quote is what arrives, tracked inflight while paused and delivered after', async () => {
    const sender = devnet.accounts[0] as string;
    const recipient = devnet.accounts[11] as string;
    const gateway = devnet.contracts.axelarGateway as string;
    const quote = await bridge.quote(leg, 250n * USDC, { rpc: env.rpc, slippageBps: SLIPPAGE, recipient });
    const built = await bridge.buildSend(quote, { sender, recipient: recipient.toLowerCase() }, env);
    const calls = built.calls as EvmStepCall[];
    expect(calls.map((c) => [c.family, c.chain, c.label, c.to, c.value])).toEqual([
      ['evm', A, 'approve USDC', devnet.contracts.usdc, 0n],
      ['evm', A, 'send USDC over Axelar', gateway, 0n],
    ]);
    expect(ERC20.decodeFunctionData('approve', calls[0]?.data as string).toArray()).toEqual([gateway, 250n * USDC]);
    expect(gatewayAbi.decodeFunctionData('sendToken', calls[1]?.data as string).toArray()).toEqual(['devnet-b', recipient, 'USDC', 250n * USDC]);
    await expectStrataRejection(bridge.buildSend(quote, { sender, recipient: 'cosmos1xyz' }, env), 'INVALID_ADDRESS');

    const signer = wallet(0, A);
    const before = await usdcOf(B, recipient);
    await devnet.relayer.pause();
    let receipt: TransactionReceipt | null = null;
    let gasUsed = 0n;
    try {
      for (const call of calls) {
        receipt = await (await signer.sendTransaction({ to: call.to, data: call.data, value: call.value })).wait();
        expect(receipt?.status).toBe(1);
        gasUsed += receipt?.gasUsed ?? 0n;
      }
      console.log(`approve + sendToken used ${gasUsed} gas (estimate ${quote.gasUnits})`);
      expect(gasUsed).toBeLessThanOrEqual(quote.gasUnits);
      const sendReceipt = receipt as TransactionReceipt;
      const tokenSent = sendReceipt.logs.find((l) => gatewayAbi.parseLog(l)?.name === 'TokenSent');
      const commandId = id(`devnet-a:${sendReceipt.hash}:${tokenSent?.index}`);
      expect(bridge.deliveredAmount?.(sendReceipt.logs, sender)).toBe(quote.amountOut);
      expect(bridge.deliveredAmount?.(sendReceipt.logs, recipient)).toBe(null);
      const sent = { chain: A, txHash: sendReceipt.hash, ...(built.trackingKey === undefined ? {} : { trackingKey: built.trackingKey }) };
      await devnet.relayer.runOnce();
      expect(await bridge.trackDelivery(sent, env)).toEqual({ state: 'inflight', detail: 'Waiting for Axelar to deliver the transfer', destinationChain: B, guid: commandId });
      // A lying RPC answering eth_getLogs with an Executed of this command id is no delivery: the gateway's own
      // isCommandExecuted says not yet.
      const forgedExecuted = { address: gateway, topics: [gatewayAbi.getEvent('Executed')?.topicHash, commandId], data: '0x', blockNumber: '0x1', transactionHash: `0x${'33'.repeat(32)}`, logIndex: '0x0' };
      expect(await bridge.trackDelivery(sent, lyingLogs(B, () => [forgedExecuted]))).toMatchObject({ state: 'inflight', guid: commandId });

      devnet.relayer.resume();
      await devnet.relayer.waitForDelivery(commandId as `0x${string}`, 10_000);
      const delivered = await bridge.trackDelivery(sent, env);
      expect(delivered).toMatchObject({ state: 'delivered', destinationChain: B, guid: commandId });
      const destination = await providers[B]?.getTransactionReceipt(delivered.destinationTxHash as string);
      expect(destination?.logs.map((l) => gatewayAbi.parseLog(l)?.name).filter(Boolean)).toEqual(['Executed']);
      // Delivered per the gateway's state; an Executed log from another address (a lying RPC) names no transaction.
      const otherAddress = await bridge.trackDelivery(sent, lyingLogs(B, (logs) => logs.map((log) => ({ ...log, address: devnet.contracts.usdc, transactionHash: `0x${'44'.repeat(32)}` }))));
      expect([otherAddress.state, otherAddress.destinationTxHash]).toEqual(['delivered', undefined]);
      expect(await usdcOf(B, recipient)).toBe(before + quote.amountOut);
      // The approval was exact: the gateway took all of it.
      expect(await new Contract(devnet.contracts.usdc as string, ERC20, providers[A]).getFunction('allowance')(sender, gateway)).toBe(0n);
    } finally {
      devnet.relayer.resume();
    }
  });

  it('tracks a hash not mined as inflight, a plain transaction and a reverted send as failed', async () => {
    expect((await bridge.trackDelivery({ chain: A, txHash: `0x${'22'.repeat(32)}` }, env)).state).toBe('inflight');
    const signer = wallet(12, A);
    const plain = await (await signer.sendTransaction({ to: devnet.accounts[13], value: 1n })).wait();
    expect(await bridge.trackDelivery({ chain: A, txHash: plain?.hash as string }, env)).toEqual({ state: 'failed', detail: 'The transaction sent no Axelar token transfer' });
    // sendToken without an approval (account 12 has no USDC either): the gateway's transferFrom reverts.
    const data = gatewayAbi.encodeFunctionData('sendToken', ['devnet-b', devnet.accounts[12], 'USDC', 5n * USDC]);
    const tx = await signer.sendTransaction({ to: devnet.contracts.axelarGateway, data, gasLimit: 200_000n });
    await expect(tx.wait()).rejects.toThrow(/revert/);
    expect(await bridge.trackDelivery({ chain: A, txHash: tx.hash }, env)).toEqual({ state: 'failed', detail: 'The source transaction reverted: nothing was sent' });
  });
});
