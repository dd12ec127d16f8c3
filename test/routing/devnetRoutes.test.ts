import { AbiCoder, Contract, Interface, JsonRpcProvider, Wallet, id, zeroPadValue, type TransactionReceipt } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OFT_SEND_GAS } from '../../electron/services/bridges/layerzeroOft/layerZeroOftBridge';
import { UNISWAP_V2_SBT_WETH_POOL } from '../../electron/services/devnet/deploy/steps/uniswapV2SbtPools';
import { DEVNET_LZ_EIDS, LZ_NATIVE_FEE_WEI } from '../../electron/services/devnet/layerzero/layerZeroSpec';
import { loadDevnetArtifacts } from '../../electron/services/devnet/solidity/compileContracts';
import { startDevnet, type Devnet } from '../../electron/services/devnet/startDevnet';
import { deriveDevnetTestKeys } from '../../electron/services/devnet/testAccounts';
import { estimateEvmFees } from '../../electron/services/evm/estimateEvmFees';
import { devnetRoutingEnvironment } from '../../electron/services/routing/devnetRouting';
import { findRoutes, type FoundRoute, type RoutingEnvironment } from '../../electron/services/routing/findRoutes';
import type { EvmStepCall } from '../../electron/services/routing/routingTypes';
import { UNISWAP_V2_ROUTER_ABI } from '../../electron/services/swap/uniswapV2/uniswapV2Abi';
import { Route } from '../../shared/domain/route';
import { usdValueOf } from '../../shared/portfolio/valuePortfolio';
import { expectStrataRejection } from '../unit/expectStrataError';
import { devnetProviders } from '../support/devnetKit';

const E18 = 10n ** 18n;
const A = 'eip155:31337';
const B = 'eip155:31338';
const PRICES = { ethereum: '3000', weth: '3000', 'usd-coin': '1' };
const SLIPPAGE = 50;
const started = performance.now();

let devnet: Devnet;
let env: RoutingEnvironment;
let providers: Record<string, JsonRpcProvider>;
let sbtAbi: Interface;
let sbt: string;

const OFT_RECEIVED = id('OFTReceived(bytes32,uint32,address,uint256)');

/** The environment with `chain`'s RPC lying about eth_getLogs for OFTReceived: its answers pass through `rewrite`. */
function lyingLogs(chain: string, rewrite: (logs: Array<Record<string, unknown>>) => Array<Record<string, unknown>>): RoutingEnvironment {
  return {
    ...env,
    rpc: (c) => {
      const real = env.rpc(c);
      if (c !== chain) return real;
      return (async (method: string, params?: unknown[]) => {
        const answer = await real(method, params);
        const asksReceived = method === 'eth_getLogs' && (params?.[0] as { topics?: string[] } | undefined)?.topics?.[0] === OFT_RECEIVED;
        return asksReceived ? rewrite(answer as Array<Record<string, unknown>>) : answer;
      }) as typeof real;
    },
  };
}

const slip = (amount: bigint): bigint => (amount * BigInt(10_000 - SLIPPAGE)) / 10_000n;
const SWAP_LZ_SWAP = 'uniswap-v2 layerzero-oft uniswap-v2';
const providersOf = (found: FoundRoute): string => found.route.steps.map((s) => s.provider).join(' ');

/** The route made of these providers, in order (never by position: Axelar routes rank among them). */
function routeBy(routes: FoundRoute[], providers: string): FoundRoute {
  const found = routes.find((r) => providersOf(r) === providers);
  if (!found) throw new Error(`no ${providers} route among ${routes.map(providersOf).join(' | ')}`);
  return found;
}

function oft(chain: string, runner?: Wallet): Contract {
  return new Contract(sbt, sbtAbi, runner ?? providers[chain]);
}

/** quoteOFT on chain, independently of the adapter: what arrives for amountLD. */
async function quoteOft(chain: string, amountLD: bigint): Promise<bigint> {
  const dstEid = chain === A ? DEVNET_LZ_EIDS['devnet-b'] : DEVNET_LZ_EIDS['devnet-a'];
  const param = { dstEid, to: zeroPadValue(devnet.accounts[0] as string, 32), amountLD, minAmountLD: 0n, extraOptions: '0x', composeMsg: '0x', oftCmd: '0x' };
  const [, , receipt] = (await oft(chain).getFunction('quoteOFT')(param)) as [unknown, unknown, { amountReceivedLD: bigint }];
  return receipt.amountReceivedLD;
}

async function amountsOut(chain: string, amountIn: bigint, path: string[]): Promise<bigint[]> {
  const router = new Contract(devnet.contracts.uniswapV2Router02 as string, UNISWAP_V2_ROUTER_ABI as never, providers[chain]);
  return [...((await router.getFunction('getAmountsOut')(amountIn, path)) as bigint[])];
}

async function maxFeePerGas(chain: string): Promise<bigint> {
  return (await estimateEvmFees((method, params) => devnet.request(chain === A ? 'devnet-a' : 'devnet-b', method, params))).tiers.normal.maxFeePerGas;
}

beforeAll(async () => {
  devnet = await startDevnet();
  sbt = devnet.contracts.sbt as string;
  providers = devnetProviders(devnet);
  sbtAbi = new Interface((await loadDevnetArtifacts()).artifacts.contracts.StrataBridgeToken?.abi as never);
  env = devnetRoutingEnvironment({ chains: devnet.chains, contracts: devnet.contracts, usdPrices: PRICES });
  console.log(`devnet started in ${devnet.timings.totalMs.toFixed(0)} ms`);
}, 60_000);

afterAll(async () => {
  for (const p of Object.values(providers ?? {})) p.destroy();
  await devnet?.stop();
  console.log(`devnet routing tests took ${(performance.now() - started).toFixed(0)} ms in all`);
});

describe('routes on the devnet', () => {
  it('SBT devnet-a -> SBT devnet-b is best as one direct LayerZero route: quoteOFT amount (dust removed), 0.0001 ETH messaging fee', async () => {
    // 1234.567890123456789 SBT: the last 12 digits are below the 6 shared decimals and stay with the sender.
    const amount = 1_234_567_890_123_456_789_000n;
    const routes = await findRoutes(env, { from: { chain: A, asset: sbt, amount }, to: { chain: B, asset: sbt }, slippageBps: SLIPPAGE });
    // The other route swaps into USDC, bridges it over Axelar and swaps back: two pools' fees and Axelar's, so less.
    expect(routes.map(providersOf)).toEqual(['layerzero-oft', 'uniswap-v2 axelar-gateway uniswap-v2']);
    expect(BigInt(routes[0]?.route.amountOut ?? 0) > BigInt(routes[1]?.route.amountOut ?? 0)).toBe(true);
    const { route } = routes[0] as FoundRoute;
    expect(Route.parse(route)).toEqual(route);
    const received = await quoteOft(A, amount);
    expect(received).toBe(1_234_567_890_000_000_000_000n);
    const gas = OFT_SEND_GAS * (await maxFeePerGas(A));
    expect(route.steps).toHaveLength(1);
    const step = route.steps[0];
    expect(step).toMatchObject({ kind: 'bridge', provider: 'layerzero-oft', fromChain: A, toChain: B, amountIn: amount.toString(), amountOut: received.toString() });
    expect(step?.minAmountOut).toBe(slip(received).toString());
    expect(step?.fees.map((f) => [f.kind, f.chain, f.asset.ref, f.amount, f.usd])).toEqual([
      ['gas', A, 'native', gas.toString(), usdValueOf(gas, 18, '3000')],
      ['messaging', A, 'native', LZ_NATIVE_FEE_WEI.toString(), '0.30'],
    ]);
    expect(LZ_NATIVE_FEE_WEI).toBe(100_000_000_000_000n);
    expect(route).toMatchObject({ amountIn: amount.toString(), amountOut: received.toString(), minAmountOut: slip(received).toString(), etaSeconds: 5, priceImpactBps: 0, warnings: [] });
    // Both fees are ETH: their exact sum, rounded once.
    expect(route.totalFeesUsd).toBe(usdValueOf(gas + LZ_NATIVE_FEE_WEI, 18, '3000'));
  });

  it('ETH devnet-a -> USDC devnet-b has a swap (ETH->SBT) -> LayerZero SBT -> swap (SBT->WETH->USDC) route, each step equal to on-chain quotes', async () => {
    const amount = E18;
    const routes = await findRoutes(env, { from: { chain: A, asset: 'native', amount }, to: { chain: B, asset: devnet.contracts.usdc as string }, slippageBps: SLIPPAGE });
    // Axelar's route (ETH->USDC, then USDC over Axelar) pays one pool and 1 USDC: it ranks first (bridgeComparison.test.ts).
    expect(routes.map(providersOf)).toEqual(['uniswap-v2 axelar-gateway', SWAP_LZ_SWAP]);
    const { route, plan } = routeBy(routes, SWAP_LZ_SWAP);
    expect(Route.parse(route)).toEqual(route);
    const weth = devnet.contracts.weth as string;
    const usdc = devnet.contracts.usdc as string;
    const [, sbtOut] = (await amountsOut(A, amount, [weth, sbt])) as [bigint, bigint];
    const bridged = await quoteOft(A, sbtOut);
    const usdcOut = (await amountsOut(B, bridged, [sbt, weth, usdc]))[2] as bigint;
    expect(route.steps.map((s) => [s.kind, s.provider, s.fromChain, s.toChain, s.assetIn.symbol, s.assetOut.symbol, s.amountIn, s.amountOut])).toEqual([
      ['swap', 'uniswap-v2', A, A, 'ETH', 'SBT', amount.toString(), sbtOut.toString()],
      ['bridge', 'layerzero-oft', A, B, 'SBT', 'SBT', sbtOut.toString(), bridged.toString()],
      ['swap', 'uniswap-v2', B, B, 'SBT', 'USDC', bridged.toString(), usdcOut.toString()],
    ]);
    expect(plan[2]?.kind === 'swap' && plan[2].quote.path).toEqual([sbt, weth, usdc]);
    expect(route.steps.map((s) => s.minAmountOut)).toEqual([slip(sbtOut), slip(bridged), slip(usdcOut)].map(String));
    // Worst case: each step delivers its minimum and the next is quoted on that.
    const w1 = slip(sbtOut);
    const w2 = slip(await quoteOft(A, w1));
    const w3 = slip((await amountsOut(B, w2, [sbt, weth, usdc]))[2] as bigint);
    expect(route.minAmountOut).toBe(w3.toString());
    expect(w3 < slip(usdcOut)).toBe(true);
    expect(route.amountOut).toBe(usdcOut.toString());
    // 1 ETH at $3000 through two pools, 0.3% each (the SBT leg two hops): about $2,900 of USDC.
    expect(usdcOut > 2_850n * 10n ** 6n && usdcOut < 2_990n * 10n ** 6n).toBe(true);
    // Swap fees: 0.3% of each hop's input, in that hop's token.
    const swapFees = route.fees.filter((f) => f.kind === 'swap').map((f) => [f.chain, f.asset.symbol, f.amount]);
    expect(swapFees).toEqual([
      [A, 'ETH', ((amount * 30n) / 10_000n).toString()],
      [B, 'SBT', ((bridged * 30n) / 10_000n).toString()],
      [B, 'WETH', (((await amountsOut(B, bridged, [sbt, weth]))[1] as bigint) * 30n / 10_000n).toString()],
    ]);
    expect(route.fees.find((f) => f.kind === 'swap' && f.asset.symbol === 'ETH')?.usd).toBe('9.00');
    // SBT is priced through the ETH->SBT swap, so every fee has a USD value and the total is known.
    expect(route.fees.every((f) => f.usd !== null)).toBe(true);
    expect(route.etaSeconds).toBe(12 + 5 + 12);
    expect(route.priceImpactBps).toBeGreaterThan(90);
    expect(route.priceImpactBps).toBeLessThan(300);
    expect(route.warnings).toEqual([]);
  });

  it('warns about a huge trade (price impact, thin liquidity) and about fees on a tiny one', async () => {
    const to = { chain: B, asset: devnet.contracts.usdc as string };
    const huge = routeBy(await findRoutes(env, { from: { chain: A, asset: 'native', amount: 50n * E18 }, to, slippageBps: SLIPPAGE }), SWAP_LZ_SWAP);
    expect(huge.route.warnings.map((w) => w.code)).toEqual(['HIGH_PRICE_IMPACT', 'THIN_LIQUIDITY']);
    // 50 ETH is half the SBT pool's 100 WETH.
    expect(UNISWAP_V2_SBT_WETH_POOL.wethWei).toBe(100n * E18);
    expect(huge.route.warnings[1]?.message).toBe("A swap takes 50.00% of its pool's reserve");
    const tiny = routeBy(await findRoutes(env, { from: { chain: A, asset: 'native', amount: E18 / 1000n }, to, slippageBps: SLIPPAGE }), SWAP_LZ_SWAP);
    expect(tiny.route.warnings.map((w) => w.code)).toEqual(['FEES_OVER_VALUE']);
  });

  it('refuses unknown chains and assets, and reports no route as INVALID_INPUT', async () => {
    const to = { chain: B, asset: devnet.contracts.usdc as string };
    await expectStrataRejection(findRoutes(env, { from: { chain: 'eip155:1', asset: 'native', amount: E18 }, to, slippageBps: 50 }), 'UNKNOWN_CHAIN');
    await expectStrataRejection(findRoutes(env, { from: { chain: A, asset: '0x000000000000000000000000000000000000dEaD', amount: E18 }, to, slippageBps: 50 }), 'UNKNOWN_ASSET');
    await expectStrataRejection(findRoutes({ ...env, bridges: [] }, { from: { chain: A, asset: 'native', amount: E18 }, to, slippageBps: 50 }), 'NO_ROUTE', /^No route from ETH on Devnet A to USDC on Devnet B$/);
  });
});

describe('executing a direct LayerZero route', () => {
  it('sends the built calls from account 0 and tracks delivery: inflight while the relayer is paused, delivered after resume', async () => {
    const amount = 25n * E18;
    const [found] = await findRoutes(env, { from: { chain: A, asset: sbt, amount }, to: { chain: B, asset: sbt }, slippageBps: SLIPPAGE });
    const step = found?.plan[0];
    if (step?.kind !== 'bridge') throw new Error('expected a bridge step');
    const account = devnet.accounts[0] as string;
    const recipient = devnet.accounts[6] as string;
    const built = await step.bridge.buildSend(step.quote, { sender: account, recipient }, env);
    expect(built.calls.map((c) => [c.family, c.chain, c.label, (c as EvmStepCall).value])).toEqual([['evm', A, 'send SBT over LayerZero', LZ_NATIVE_FEE_WEI]]);
    const wallet = new Wallet((deriveDevnetTestKeys().accounts[0] as { privateKey: string }).privateKey, providers[A]);
    const [srcBefore, dstBefore] = await Promise.all([oft(A).getFunction('balanceOf')(account), oft(B).getFunction('balanceOf')(recipient)]);

    await devnet.relayer.pause();
    let receipt: TransactionReceipt | null = null;
    try {
      const call = built.calls[0] as EvmStepCall;
      receipt = await (await wallet.sendTransaction({ to: call.to, data: call.data, value: call.value })).wait();
      expect(receipt?.status).toBe(1);
      expect(receipt?.gasUsed).toBeLessThanOrEqual(OFT_SEND_GAS);
      console.log(`OFT send used ${receipt?.gasUsed} gas (estimate ${OFT_SEND_GAS})`);
      const sent = { chain: A, txHash: receipt?.hash as string, ...(built.trackingKey === undefined ? {} : { trackingKey: built.trackingKey }) };
      await devnet.relayer.runOnce();
      const inflight = await step.bridge.trackDelivery(sent, env);
      expect(inflight).toMatchObject({ state: 'inflight', destinationChain: B });
      expect(inflight.guid).toMatch(/^0x[0-9a-f]{64}$/);
      // A lying RPC answers the destination's eth_getLogs with a well-formed OFTReceived of this GUID, recipient and
      // amount before anything was delivered: the endpoint's own state says not executed, so it stays in flight.
      const guid = inflight.guid as `0x${string}`;
      const oftB = oft(B).target as string;
      const forged = {
        address: oftB,
        topics: [OFT_RECEIVED, guid, zeroPadValue(recipient, 32).toLowerCase()],
        data: AbiCoder.defaultAbiCoder().encode(['uint32', 'uint256'], [DEVNET_LZ_EIDS['devnet-a'], BigInt(found?.route.amountOut as string)]),
        blockNumber: '0x1', transactionHash: `0x${'22'.repeat(32)}`, logIndex: '0x0',
      };
      expect(await step.bridge.trackDelivery(sent, lyingLogs(B, () => [forged]))).toMatchObject({ state: 'inflight', guid });
      expect(await oft(A).getFunction('balanceOf')(account)).toBe(srcBefore - amount);
      expect(await oft(B).getFunction('balanceOf')(recipient)).toBe(dstBefore);

      devnet.relayer.resume();
      await devnet.relayer.waitForDelivery(inflight.guid as `0x${string}`, 10_000);
      const delivered = await step.bridge.trackDelivery(sent, env);
      expect(delivered).toMatchObject({ state: 'delivered', destinationChain: B, guid: inflight.guid });
      const destinationReceipt = await providers[B]?.getTransactionReceipt(delivered.destinationTxHash as string);
      expect(destinationReceipt?.status).toBe(1);
      expect(await oft(B).getFunction('balanceOf')(recipient)).toBe(dstBefore + BigInt(found?.route.amountOut as string));
      // Delivered per the endpoint, yet a log from another address, for another amount or another recipient is no
      // evidence: a lying RPC that rewrites the real OFTReceived keeps the transfer in flight.
      const lies: Array<(log: Record<string, unknown>) => Record<string, unknown>> = [
        (log) => ({ ...log, address: devnet.contracts.usdc }),
        (log) => ({ ...log, data: AbiCoder.defaultAbiCoder().encode(['uint32', 'uint256'], [DEVNET_LZ_EIDS['devnet-a'], BigInt(found?.route.amountOut as string) + 1n]) }),
        (log) => ({ ...log, topics: [(log.topics as string[])[0], (log.topics as string[])[1], zeroPadValue(account, 32).toLowerCase()] }),
      ];
      for (const lie of lies) {
        expect(await step.bridge.trackDelivery(sent, lyingLogs(B, (logs) => logs.map(lie)))).toMatchObject({ state: 'inflight', guid: inflight.guid });
      }
      expect(await step.bridge.trackDelivery(sent, lyingLogs(B, (logs) => logs))).toMatchObject({ state: 'delivered', destinationTxHash: delivered.destinationTxHash });
    } finally {
      devnet.relayer.resume();
    }
    // A hash that never existed is not mined; a transaction without an OFT message is a failed bridge send.
    expect((await step.bridge.trackDelivery({ chain: A, txHash: `0x${'11'.repeat(32)}` }, env)).state).toBe('inflight');
    const plain = await (await wallet.sendTransaction({ to: recipient, value: 1n })).wait();
    expect(await step.bridge.trackDelivery({ chain: A, txHash: plain?.hash as string }, env)).toEqual({ state: 'failed', detail: 'The transaction sent no LayerZero OFT message' });
  });

  it('a source swap of a route sends within its gas estimate and delivers at least its minimum', async () => {
    const found = routeBy(await findRoutes(env, { from: { chain: A, asset: 'native', amount: E18 }, to: { chain: B, asset: devnet.contracts.usdc as string }, slippageBps: SLIPPAGE }), SWAP_LZ_SWAP);
    const step = found.plan[0];
    if (step?.kind !== 'swap') throw new Error('expected a swap step');
    const account = devnet.accounts[1] as string;
    const built = step.venue.buildSwap(step.quote, { slippageBps: SLIPPAGE, recipient: account, deadline: BigInt(Math.floor(Date.now() / 1000) + 600) });
    expect(built.minAmountOut.toString()).toBe(found.route.steps[0]?.minAmountOut);
    const wallet = new Wallet((deriveDevnetTestKeys().accounts[1] as { privateKey: string }).privateKey, providers[A]);
    const before = (await oft(A).getFunction('balanceOf')(account)) as bigint;
    for (const call of built.calls as EvmStepCall[]) {
      const receipt = await (await wallet.sendTransaction({ to: call.to, data: call.data, value: call.value })).wait();
      expect(receipt?.gasUsed).toBeLessThanOrEqual(step.quote.gasUnits);
      console.log(`${call.label} used ${receipt?.gasUsed} gas (estimate ${step.quote.gasUnits})`);
    }
    expect(((await oft(A).getFunction('balanceOf')(account)) as bigint) - before).toBe(step.quote.amountOut);

    // The destination swap: SBT -> WETH -> USDC in one router call, after an exact approval.
    const last = found.plan[2];
    if (last?.kind !== 'swap') throw new Error('expected a swap step');
    const usdc = new Contract(devnet.contracts.usdc as string, ['function balanceOf(address) view returns (uint256)'], providers[B]);
    const destination = last.venue.buildSwap(last.quote, { slippageBps: SLIPPAGE, recipient: account, deadline: BigInt(Math.floor(Date.now() / 1000) + 600) });
    expect(destination.calls.map((c) => c.label)).toEqual(['approve SBT', 'swap SBT for USDC']);
    const walletB = wallet.connect(providers[B] as JsonRpcProvider);
    const usdcBefore = (await usdc.getFunction('balanceOf')(account)) as bigint;
    let gasUsed = 0n;
    for (const call of destination.calls as EvmStepCall[]) {
      const receipt = await (await walletB.sendTransaction({ to: call.to, data: call.data, value: call.value })).wait();
      expect(receipt?.status).toBe(1);
      gasUsed += receipt?.gasUsed ?? 0n;
    }
    console.log(`approve + swap SBT -> WETH -> USDC used ${gasUsed} gas (estimate ${last.quote.gasUnits})`);
    expect(gasUsed).toBeLessThanOrEqual(last.quote.gasUnits);
    expect(((await usdc.getFunction('balanceOf')(account)) as bigint) - usdcBefore).toBe(last.quote.amountOut);
    // The approval was exact: the router took all of it.
    expect(await oft(B).getFunction('allowance')(account, devnet.contracts.uniswapV2Router02)).toBe(0n);
  });
});
