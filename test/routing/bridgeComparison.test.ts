/**
 * The route comparison on the devnet: for pairs both bridges serve, the LayerZero and the Axelar routes are
 * quoted with their real fees (checked against the chain: LayerZero's quoteSend and quoteOFT, Uniswap's getAmountsOut,
 * Axelar's fee constant that the devnet relayer keeps), and the ranking follows the amounts received (or the ETAs).
 */
import { Contract, JsonRpcProvider, zeroPadValue } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AXELAR_SEND_TOKEN_GAS } from '../../electron/services/bridges/axelarGateway/axelarGatewayBridge';
import { EXACT_APPROVAL_GAS } from '../../electron/services/evm/buildExactApproval';
import { OFT_ABI } from '../../electron/services/bridges/layerzeroOft/oftAbi';
import { AXELAR_USDC_TRANSFER_FEE } from '../../electron/services/devnet/axelar/axelarSpec';
import { DEVNET_LZ_EIDS, LZ_NATIVE_FEE_WEI } from '../../electron/services/devnet/layerzero/layerZeroSpec';
import { startDevnet, type Devnet } from '../../electron/services/devnet/startDevnet';
import { estimateEvmFees } from '../../electron/services/evm/estimateEvmFees';
import { devnetRoutingEnvironment } from '../../electron/services/routing/devnetRouting';
import { findRoutes, type FoundRoute, type RoutingEnvironment } from '../../electron/services/routing/findRoutes';
import { UNISWAP_V2_ROUTER_ABI } from '../../electron/services/swap/uniswapV2/uniswapV2Abi';
import { Route } from '../../shared/domain/route';
import { usdValueOf } from '../../shared/portfolio/valuePortfolio';
import { devnetProviders } from '../support/devnetKit';
import { devnetBridgeOut, routeOnChain } from '../support/devnetSwapQuotes';

const A = 'eip155:31337';
const B = 'eip155:31338';
const E18 = 10n ** 18n;
const USDC = 10n ** 6n;
const PRICES = { ethereum: '3000', weth: '3000', 'usd-coin': '1' };
const SLIPPAGE = 50;
const AXELAR = 'axelar-gateway';
const SWAP_AXELAR = 'uniswap-v2 axelar-gateway';
const SWAP_LZ_SWAP = 'uniswap-v2 layerzero-oft uniswap-v2';

let devnet: Devnet;
let env: RoutingEnvironment;
let providers: Record<string, JsonRpcProvider>;
let usdc: string;
let weth: string;
let sbt: string;

const slip = (amount: bigint): bigint => (amount * BigInt(10_000 - SLIPPAGE)) / 10_000n;
const providersOf = (found: FoundRoute): string => found.route.steps.map((s) => s.provider).join(' ');
/** Every pairing of the devnet's two swap venues (Uniswap V3 and V2) around LayerZero, and each before Axelar. */
const VENUES = ['uniswap-v3', 'uniswap-v2'];
const SWAP_LZ_SWAPS = VENUES.flatMap((a) => VENUES.map((b) => `${a} layerzero-oft ${b}`));
const SWAP_AXELARS = VENUES.map((a) => `${a} ${AXELAR}`);
const sorted = (list: string[]): string[] => [...list].sort();

/** The route made of these providers, in order (never by position). */
function routeBy(routes: FoundRoute[], providers: string): FoundRoute {
  const found = routes.find((r) => providersOf(r) === providers);
  if (!found) throw new Error(`no ${providers} route among ${routes.map(providersOf).join(' | ')}`);
  return found;
}

/** Each route's amount out as the chain's own quotes give it (every pool, every bridge), in the routes' order. */
async function chainAmounts(routes: FoundRoute[]): Promise<bigint[]> {
  const amounts: bigint[] = [];
  for (const { route } of routes) {
    const outs = await routeOnChain(devnet.contracts, providers, route.steps, devnetBridgeOut(devnet, providers));
    expect(route.steps.map((s) => s.amountOut)).toEqual(outs.map(String));
    amounts.push(outs.at(-1) as bigint);
  }
  return amounts;
}
const bestFirst = (amounts: bigint[]): bigint[] => [...amounts].sort((x, y) => (x > y ? -1 : x < y ? 1 : 0));

async function amountsOut(chain: string, amountIn: bigint, path: string[]): Promise<bigint[]> {
  const router = new Contract(devnet.contracts.uniswapV2Router02 as string, UNISWAP_V2_ROUTER_ABI as never, providers[chain]);
  return [...((await router.getFunction('getAmountsOut')(amountIn, path)) as bigint[])];
}

/** LayerZero's own quotes on devnet-a for sending `amountLD` SBT to devnet-b: what arrives, and the messaging fee. */
async function layerZeroQuote(amountLD: bigint): Promise<{ received: bigint; nativeFee: bigint }> {
  const oft = new Contract(sbt, OFT_ABI as never, providers[A]);
  const param = { dstEid: DEVNET_LZ_EIDS['devnet-b'], to: zeroPadValue(devnet.accounts[0] as string, 32), amountLD, minAmountLD: 0n, extraOptions: '0x', composeMsg: '0x', oftCmd: '0x' };
  const [, , receipt] = (await oft.getFunction('quoteOFT')(param)) as [unknown, unknown, { amountReceivedLD: bigint }];
  const fee = (await oft.getFunction('quoteSend')({ ...param, minAmountLD: slip(receipt.amountReceivedLD) }, false)) as { nativeFee: bigint };
  return { received: receipt.amountReceivedLD, nativeFee: fee.nativeFee };
}

async function maxFeePerGas(chain: string): Promise<bigint> {
  return (await estimateEvmFees((method, params) => devnet.request(chain === A ? 'devnet-a' : 'devnet-b', method, params))).tiers.normal.maxFeePerGas;
}

const feesOf = (found: FoundRoute) => found.route.fees.map((f) => [f.kind, f.chain, f.asset.symbol, f.amount, f.usd]);

beforeAll(async () => {
  devnet = await startDevnet();
  usdc = devnet.contracts.usdc as string;
  weth = devnet.contracts.weth as string;
  sbt = devnet.contracts.sbt as string;
  providers = devnetProviders(devnet);
  env = devnetRoutingEnvironment({ chains: devnet.chains, contracts: devnet.contracts, usdPrices: PRICES });
}, 60_000);

afterAll(async () => {
  for (const p of Object.values(providers ?? {})) p.destroy();
  await devnet?.stop();
});

describe('LayerZero vs Axelar on the devnet', () => {
  it('USDC devnet-a -> USDC devnet-b: Axelar direct (999 of 1000 USDC) beats swap -> LayerZero -> swap; every fee is the on-chain one', async () => {
    const amount = 1_000n * USDC;
    const routes = await findRoutes(env, { from: { chain: A, asset: usdc, amount }, to: { chain: B, asset: usdc }, slippageBps: SLIPPAGE });
    // Axelar first, then swap -> LayerZero -> swap over every pairing of the venues, ranked by what the chain gives.
    expect(routes.map(providersOf)[0]).toBe(AXELAR);
    expect(sorted(routes.map(providersOf).slice(1))).toEqual(sorted(SWAP_LZ_SWAPS));
    const amounts = await chainAmounts(routes);
    expect(amounts).toEqual(bestFirst(amounts));
    const axelar = routes[0] as FoundRoute;
    const layerZero = routeBy(routes, SWAP_LZ_SWAP);
    for (const found of routes) expect(Route.parse(found.route)).toEqual(found.route);

    // Axelar: the amount less its fixed fee, which the devnet relayer keeps too (test/devnet/axelar.test.ts).
    expect(AXELAR_USDC_TRANSFER_FEE).toBe(1n * USDC);
    const gasA = await maxFeePerGas(A);
    expect(axelar.route).toMatchObject({ amountIn: amount.toString(), amountOut: (999n * USDC).toString(), minAmountOut: slip(999n * USDC).toString(), etaSeconds: 15, priceImpactBps: 0 });
    const axelarGas = (EXACT_APPROVAL_GAS + AXELAR_SEND_TOKEN_GAS) * gasA;
    expect(feesOf(axelar)).toEqual([
      ['gas', A, 'ETH', axelarGas.toString(), usdValueOf(axelarGas, 18, '3000')],
      ['bridge', A, 'USDC', AXELAR_USDC_TRANSFER_FEE.toString(), '1.00'],
    ]);

    // LayerZero: USDC -> WETH -> SBT on A, SBT over LayerZero (quoteOFT, quoteSend), SBT -> WETH -> USDC on B.
    const [, wethOut, sbtOut] = (await amountsOut(A, amount, [usdc, weth, sbt])) as [bigint, bigint, bigint];
    const lz = await layerZeroQuote(sbtOut);
    expect(lz.nativeFee).toBe(LZ_NATIVE_FEE_WEI);
    const [, wethOnB, usdcOut] = (await amountsOut(B, lz.received, [sbt, weth, usdc])) as [bigint, bigint, bigint];
    expect(layerZero.route.steps.map((s) => [s.provider, s.assetIn.symbol, s.assetOut.symbol, s.amountIn, s.amountOut])).toEqual([
      ['uniswap-v2', 'USDC', 'SBT', amount.toString(), sbtOut.toString()],
      ['layerzero-oft', 'SBT', 'SBT', sbtOut.toString(), lz.received.toString()],
      ['uniswap-v2', 'SBT', 'USDC', lz.received.toString(), usdcOut.toString()],
    ]);
    expect(layerZero.route.fees.filter((f) => f.kind !== 'gas').map((f) => [f.kind, f.chain, f.asset.symbol, f.amount])).toEqual([
      ['swap', A, 'USDC', ((amount * 30n) / 10_000n).toString()],
      ['swap', A, 'WETH', ((wethOut * 30n) / 10_000n).toString()],
      ['messaging', A, 'ETH', lz.nativeFee.toString()],
      ['swap', B, 'SBT', ((lz.received * 30n) / 10_000n).toString()],
      ['swap', B, 'WETH', ((wethOnB * 30n) / 10_000n).toString()],
    ]);
    expect(layerZero.route.etaSeconds).toBe(12 + 5 + 12);
    // Four pool hops cost more than Axelar's 1 USDC, on either venue: the ranking follows what arrives.
    expect(usdcOut < 999n * USDC).toBe(true);
    expect(amounts.slice(1).every((a) => a < 999n * USDC)).toBe(true);
  });

  it('ETH devnet-a -> USDC devnet-b: swap -> Axelar beats swap -> LayerZero -> swap, by the amounts the chain quotes', async () => {
    const amount = E18;
    const routes = await findRoutes(env, { from: { chain: A, asset: 'native', amount }, to: { chain: B, asset: usdc }, slippageBps: SLIPPAGE });
    // Both swap -> Axelar routes (Uniswap V3 or V2 first) beat every swap -> LayerZero -> swap, by what the chain gives.
    expect(sorted(routes.map(providersOf).slice(0, 2))).toEqual(sorted(SWAP_AXELARS));
    expect(sorted(routes.map(providersOf).slice(2))).toEqual(sorted(SWAP_LZ_SWAPS));
    const amounts = await chainAmounts(routes);
    expect(amounts).toEqual(bestFirst(amounts));
    expect(amounts[1]! > amounts[2]!).toBe(true);
    const axelar = routeBy(routes, SWAP_AXELAR);
    const layerZero = routeBy(routes, SWAP_LZ_SWAP);

    const [, usdcOnA] = (await amountsOut(A, amount, [weth, usdc])) as [bigint, bigint];
    const arrives = usdcOnA - AXELAR_USDC_TRANSFER_FEE;
    expect(axelar.route.steps.map((s) => [s.kind, s.provider, s.fromChain, s.toChain, s.assetIn.symbol, s.assetOut.symbol, s.amountIn, s.amountOut, s.minAmountOut])).toEqual([
      ['swap', 'uniswap-v2', A, A, 'ETH', 'USDC', amount.toString(), usdcOnA.toString(), slip(usdcOnA).toString()],
      ['bridge', AXELAR, A, B, 'USDC', 'USDC', usdcOnA.toString(), arrives.toString(), slip(arrives).toString()],
    ]);
    // Worst case: the swap gives only its minimum, Axelar keeps its fee from that, slippage once more.
    expect(axelar.route.minAmountOut).toBe(slip(slip(usdcOnA) - AXELAR_USDC_TRANSFER_FEE).toString());
    expect(axelar.route.fees.filter((f) => f.kind !== 'gas').map((f) => [f.kind, f.chain, f.asset.symbol, f.amount, f.usd])).toEqual([
      ['swap', A, 'ETH', ((amount * 30n) / 10_000n).toString(), '9.00'],
      ['bridge', A, 'USDC', AXELAR_USDC_TRANSFER_FEE.toString(), '1.00'],
    ]);
    expect(axelar.route.etaSeconds).toBe(12 + 15);

    const [, sbtOut] = (await amountsOut(A, amount, [weth, sbt])) as [bigint, bigint];
    const lz = await layerZeroQuote(sbtOut);
    const usdcOut = (await amountsOut(B, lz.received, [sbt, weth, usdc]))[2] as bigint;
    expect(layerZero.route.amountOut).toBe(usdcOut.toString());
    expect(layerZero.route.fees.find((f) => f.kind === 'messaging')?.amount).toBe(lz.nativeFee.toString());
    expect(BigInt(axelar.route.amountOut) > BigInt(layerZero.route.amountOut)).toBe(true);
  });

  it('ranks by speed on request: with a slow Axelar (60 s) LayerZero comes first by speed and last by amount', async () => {
    const slow = devnetRoutingEnvironment({ chains: devnet.chains, contracts: devnet.contracts, usdPrices: PRICES, axelarEtaSeconds: 60 });
    const request = { from: { chain: A, asset: 'native', amount: E18 }, to: { chain: B, asset: usdc }, slippageBps: SLIPPAGE };
    const bySpeed = await findRoutes(slow, { ...request, sort: 'speed' });
    // every LayerZero route (29 s) before every Axelar one (72 s)
    expect(bySpeed.map((r) => r.route.etaSeconds)).toEqual([29, 29, 29, 29, 72, 72]);
    expect(sorted(bySpeed.slice(0, 4).map(providersOf))).toEqual(sorted(SWAP_LZ_SWAPS));
    expect(sorted(bySpeed.slice(4).map(providersOf))).toEqual(sorted(SWAP_AXELARS));
    const byAmount = await findRoutes(slow, request);
    expect(sorted(byAmount.slice(0, 2).map(providersOf))).toEqual(sorted(SWAP_AXELARS));
    expect(byAmount.map((r) => r.route.etaSeconds)).toEqual([72, 72, 29, 29, 29, 29]);
    // The same quotes, only the order differs.
    const amountOf = (list: FoundRoute[]) => new Map(list.map((r) => [providersOf(r), r.route.amountOut]));
    expect(amountOf(byAmount)).toEqual(amountOf(bySpeed));
    expect(byAmount.map((r) => BigInt(r.route.amountOut))).toEqual(bestFirst(byAmount.map((r) => BigInt(r.route.amountOut))));
  });
});
