import { encodeAbiParameters, erc20Abi, getContractAddress, keccak256, parseAbi } from 'viem';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AssetInfo } from '../../shared/domain/asset';
import { listAssets } from '../../electron/services/assets/listAssets';
import { devnetSbtAsset } from '../../electron/services/bridges/layerzeroOft/devnetOftRegistry';
import { devnetChains } from '../../electron/services/devnet/devnetChains';
import { devnetDeploymentRows } from '../../electron/services/devnet/devnetDeployments';
import { startDevnet, type Devnet, type DevnetSnapshot } from '../../electron/services/devnet/startDevnet';
import { UNISWAP_V3_POOL_INIT_CODE_HASH } from '../../electron/services/devnet/uniswap/uniswapV3Artifacts';
import { UNISWAP_V3_POOLS } from '../../electron/services/devnet/uniswap/uniswapV3Spec';
import { DeploymentRows, type DeploymentRow } from '../../electron/services/deployments/deploymentRow';
import { httpJsonRpc, type JsonRpcCall } from '../../electron/services/rpc/httpJsonRpc';
import type { StepCall } from '../../electron/services/routing/routingTypes';
import { readContract } from '../../electron/services/evm/readContract';
import type { SwapVenue } from '../../electron/services/swap/swapVenue';
import { createUniswapV3SwapVenue } from '../../electron/services/swap/uniswapV3Venue';
import type { Address, Hex } from '../../electron/services/evm/evmCall';
import { expectStrataRejection } from '../unit/expectStrataError';

const E18 = 10n ** 18n;
const E6 = 10n ** 6n;
const CHAIN = 'eip155:31337';
const FACTORY_ABI = parseAbi(['function getPool(address, address, uint24) view returns (address)', 'function feeAmountTickSpacing(uint24) view returns (int24)']);

let devnet: Devnet;
let rpc: JsonRpcCall;
let rpcCalls: string[];
let row: DeploymentRow;
let assets: AssetInfo[];
let trader: Address;
let snapshot: DevnetSnapshot;
let venue: SwapVenue;

const asset = (symbol: string): AssetInfo => {
  const found = assets.find((a) => a.symbol === symbol);
  if (!found) throw new Error(`no ${symbol}`);
  return found;
};

/** The venue over devnet-a's registry row, with only `feeTiers` when given. */
function venueOf(feeTiers?: number[]): SwapVenue {
  const uniswapV3 = row.uniswapV3 as NonNullable<DeploymentRow['uniswapV3']>;
  return createUniswapV3SwapVenue(
    [{ chain: CHAIN, uniswapV3: { ...uniswapV3, feeTiers: feeTiers ?? uniswapV3.feeTiers }, wrappedNative: row.wrappedNative, multicall3: row.multicall3, assets, hubs: [asset('WETH'), asset('USDC')] }],
    { rpc: () => rpc },
  );
}

interface Receipt {
  status: Hex;
  gasUsed: Hex;
  effectiveGasPrice: Hex;
}

/** Sends each call from the trader (the devnet signs for its test accounts); the receipts and the fees paid. */
async function sendAll(calls: StepCall[], gas?: bigint): Promise<{ statuses: Hex[]; fee: bigint; gasUsed: bigint[] }> {
  const statuses: Hex[] = [];
  const gasUsed: bigint[] = [];
  let fee = 0n;
  for (const call of calls) {
    if (call.family !== 'evm') throw new Error('not an EVM call');
    const tx = { from: trader, to: call.to, data: call.data, value: `0x${call.value.toString(16)}`, ...(gas ? { gas: `0x${gas.toString(16)}` } : {}) };
    const hash = await rpc<Hex>('eth_sendTransaction', [tx]);
    const receipt = await rpc<Receipt>('eth_getTransactionReceipt', [hash]);
    statuses.push(receipt.status);
    gasUsed.push(BigInt(receipt.gasUsed));
    fee += BigInt(receipt.gasUsed) * BigInt(receipt.effectiveGasPrice);
  }
  return { statuses, fee, gasUsed };
}

const ethBalance = async (): Promise<bigint> => BigInt(await rpc<Hex>('eth_getBalance', [trader, 'latest']));
const tokenBalance = (token: AssetInfo): Promise<bigint> => readContract(rpc, token.ref as Address, erc20Abi, 'balanceOf', [trader]);
const deadline = async (): Promise<bigint> => BigInt((await rpc<{ timestamp: Hex }>('eth_getBlockByNumber', ['latest', false])).timestamp) + 600n;

beforeAll(async () => {
  devnet = await startDevnet();
  const http = httpJsonRpc(devnet.chain('devnet-a').rpc, { timeoutMs: 10_000 });
  rpcCalls = [];
  rpc = (method, params) => {
    rpcCalls.push(method);
    return http(method, params);
  };
  row = devnetDeploymentRows(devnet.chains, devnet.contracts)[0] as DeploymentRow;
  const chain = devnetChains()[0];
  if (!chain) throw new Error('no devnet chain');
  assets = listAssets(chain, { devnetContracts: devnet.contracts, extraAssets: [devnetSbtAsset(chain, devnet.contracts)] });
  trader = devnet.accounts[2] as Address;
  venue = venueOf();
});

afterAll(async () => {
  await devnet?.stop();
});

beforeEach(async () => {
  snapshot = await devnet.snapshot();
  rpcCalls.length = 0;
});

afterEach(async () => {
  await devnet.revert(snapshot);
});

describe('the devnet\'s Uniswap V3 deployment', () => {
  it('has pools at the CREATE2 addresses of the periphery\'s POOL_INIT_CODE_HASH, and the 0.01% tier enabled', async () => {
    const factory = row.uniswapV3?.factory as Address;
    for (const pool of UNISWAP_V3_POOLS) {
      const a = devnet.contracts[pool.tokenA] as Address;
      const b = devnet.contracts[pool.tokenB] as Address;
      const [token0, token1] = BigInt(a) < BigInt(b) ? [a, b] : [b, a];
      const salt = keccak256(encodeAbiParameters([{ type: 'address' }, { type: 'address' }, { type: 'uint24' }], [token0, token1, pool.fee]));
      const expected = getContractAddress({ opcode: 'CREATE2', from: factory, salt, bytecodeHash: UNISWAP_V3_POOL_INIT_CODE_HASH });
      expect(await readContract(rpc, factory, FACTORY_ABI, 'getPool', [a, b, pool.fee])).toBe(expected);
      expect(devnet.contracts[pool.key]).toBe(expected);
    }
    expect(await readContract(rpc, factory, FACTORY_ABI, 'feeAmountTickSpacing', [100])).toBe(1);
    expect(await readContract(rpc, factory, FACTORY_ABI, 'feeAmountTickSpacing', [10000])).toBe(200);
  });

  it('describes itself in deployment rows of the registry\'s shape, equal on both chains but for the chain and eid', () => {
    const rows = DeploymentRows.parse(devnetDeploymentRows(devnet.chains, devnet.contracts));
    expect(rows.map((r) => [r.chain, r.layerZero?.eid])).toEqual([['eip155:31337', 50337], ['eip155:31338', 50338]]);
    expect(rows[0]).toEqual({
      chain: 'eip155:31337',
      wrappedNative: devnet.contracts.weth,
      multicall3: '0xcA11bde05977b3631167028862bE2a173976CA11',
      uniswapV3: { factory: devnet.contracts.uniswapV3Factory, quoterV2: devnet.contracts.quoterV2, swapRouter02: devnet.contracts.swapRouter02, feeTiers: [100, 500, 3000, 10000] },
      uniswapV2: {
        factory: devnet.contracts.uniswapV2Factory,
        router: devnet.contracts.uniswapV2Router02,
        pairs: [[devnet.contracts.weth, devnet.contracts.usdc], [devnet.contracts.weth, devnet.contracts.sbt]],
      },
      layerZero: { eid: 50337, endpoint: devnet.contracts.lzEndpoint },
    });
  });
});

describe('Uniswap V3 venue on the devnet', () => {
  it('quotes 1 ETH -> USDC in two round trips, from the 0.05% pool, and the swap pays exactly the quote', async () => {
    const quote = await venue.quote(CHAIN, asset('ETH'), asset('USDC'), E18);
    // One aggregate3 of getPool, one aggregate3 of slot0/liquidity/quotes: nothing else.
    expect(rpcCalls).toEqual(['eth_call', 'eth_call']);
    expect(quote.path).toEqual([devnet.contracts.weth, '500', devnet.contracts.usdc]);
    // 300 ETH : 900,000 USDC full range behaves as x·y=k with a 0.05% fee: 900000e6·0.9995e18 / (300e18 + 0.9995e18).
    const constantProduct = (900_000n * E6 * (E18 - E18 / 2000n)) / (300n * E18 + E18 - E18 / 2000n);
    expect(constantProduct - quote.amountOut).toBeLessThanOrEqual(1n);
    expect(quote.amountOut).toBe(EXPECTED.oneEthOut);
    expect(quote.fees.map((f) => [f.asset.symbol, f.amount])).toEqual([['ETH', E18 / 2000n]]);
    // 1 - 2988.54 / 3000: the 0.05% fee and 0.33% for moving a 300 ETH pool by 1 ETH.
    expect(quote.priceImpactBps).toBe(38);
    expect(quote.reserveShareBps).toBe(33);

    const built = venue.buildSwap(quote, { slippageBps: 50, recipient: trader, deadline: await deadline() });
    expect(built.minAmountOut).toBe((quote.amountOut * 9950n) / 10_000n);
    expect(built.calls).toHaveLength(1);
    expect(built.calls[0]).toMatchObject({ to: devnet.contracts.swapRouter02, value: E18 });
    const [eth0, usdc0] = [await ethBalance(), await tokenBalance(asset('USDC'))];
    const sent = await sendAll(built.calls);
    expect(sent.statuses).toEqual(['0x1']);
    expect(await tokenBalance(asset('USDC'))).toBe(usdc0 + quote.amountOut);
    expect(await ethBalance()).toBe(eth0 - E18 - sent.fee);
    expect(sent.gasUsed[0] as bigint).toBeLessThan(quote.gasUnits);
  });

  it('sends 100 ETH to the deeper 0.3% pool, which pays what the V2 formula pays for the same reserves', async () => {
    const quote = await venue.quote(CHAIN, asset('ETH'), asset('USDC'), 100n * E18);
    expect(quote.path).toEqual([devnet.contracts.weth, '3000', devnet.contracts.usdc]);
    // test/swap/uniswapV2Swap.test.ts: V2's 1,000 ETH : 3,000,000 USDC pair pays 271_983_268_164 for 100 ETH, impact 933.
    expect(quote.amountOut).toBe(271_983_268_164n);
    expect(quote.priceImpactBps).toBe(933);
    // 100 ETH of the pool's 1,000 ETH of active (virtual) reserve: 10%.
    expect(quote.reserveShareBps).toBe(1000);
    const sent = await sendAll(venue.buildSwap(quote, { slippageBps: 50, recipient: trader, deadline: await deadline() }).calls);
    expect(sent.statuses).toEqual(['0x1']);
    expect(sent.gasUsed[0] as bigint).toBeLessThan(quote.gasUnits);
  });

  it('swaps USDC for native ETH: an exact approval, then the router swaps to itself and unwraps to the trader', async () => {
    const amountIn = 3_000n * E6;
    const quote = await venue.quote(CHAIN, asset('USDC'), asset('ETH'), amountIn);
    expect(quote.amountOut).toBe(EXPECTED.usdcToEthOut);
    const built = venue.buildSwap(quote, { slippageBps: 100, recipient: trader, deadline: await deadline() });
    expect(built.calls.map((c) => c.label)).toEqual(['approve USDC', 'swap USDC for ETH']);
    const [eth0, usdc0] = [await ethBalance(), await tokenBalance(asset('USDC'))];
    const sent = await sendAll(built.calls);
    expect(sent.statuses).toEqual(['0x1', '0x1']);
    expect(await ethBalance()).toBe(eth0 + quote.amountOut - sent.fee);
    expect(await tokenBalance(asset('USDC'))).toBe(usdc0 - amountIn);
    expect(await readContract(rpc, asset('USDC').ref as Address, erc20Abi, 'allowance', [trader, devnet.contracts.swapRouter02 as Address])).toBe(0n);
    // The router keeps nothing: no WETH, no ETH.
    expect(await readContract(rpc, devnet.contracts.weth as Address, erc20Abi, 'balanceOf', [devnet.contracts.swapRouter02 as Address])).toBe(0n);
    expect(BigInt(await rpc<Hex>('eth_getBalance', [devnet.contracts.swapRouter02, 'latest']))).toBe(0n);
    expect((sent.gasUsed[0] as bigint) + (sent.gasUsed[1] as bigint)).toBeLessThan(quote.gasUnits);
  });

  it('quotes and swaps SBT -> USDC through WETH (two pools) for exactly the quoted output', async () => {
    const amountIn = 10_000n * E18;
    const quote = await venue.quote(CHAIN, asset('SBT'), asset('USDC'), amountIn);
    expect(quote.path).toEqual([devnet.contracts.sbt, '3000', devnet.contracts.weth, '500', devnet.contracts.usdc]);
    expect(quote.amountOut).toBe(EXPECTED.sbtToUsdcOut);
    expect(quote.fees.map((f) => [f.asset.symbol, f.amount])).toEqual([['SBT', 30n * E18], ['WETH', EXPECTED.sbtToUsdcWethFee]]);
    const [sbt0, usdc0] = [await tokenBalance(asset('SBT')), await tokenBalance(asset('USDC'))];
    const sent = await sendAll(venue.buildSwap(quote, { slippageBps: 50, recipient: trader, deadline: await deadline() }).calls);
    expect(sent.statuses).toEqual(['0x1', '0x1']);
    expect(await tokenBalance(asset('USDC'))).toBe(usdc0 + quote.amountOut);
    expect(await tokenBalance(asset('SBT'))).toBe(sbt0 - amountIn);
    expect((sent.gasUsed[0] as bigint) + (sent.gasUsed[1] as bigint)).toBeLessThan(quote.gasUnits);
  });

  it('swaps native ETH into SBT and USDC into SBT through WETH', async () => {
    const ethIn = await venue.quote(CHAIN, asset('ETH'), asset('SBT'), E18 / 10n);
    expect(ethIn.path).toEqual([devnet.contracts.weth, '3000', devnet.contracts.sbt]);
    const usdcIn = await venue.quote(CHAIN, asset('USDC'), asset('SBT'), 100n * E6);
    expect(usdcIn.path).toEqual([devnet.contracts.usdc, '500', devnet.contracts.weth, '3000', devnet.contracts.sbt]);
    const sbt0 = await tokenBalance(asset('SBT'));
    const first = await sendAll(venue.buildSwap(ethIn, { slippageBps: 0, recipient: trader, deadline: await deadline() }).calls);
    expect(first.statuses).toEqual(['0x1']);
    expect(await tokenBalance(asset('SBT'))).toBe(sbt0 + ethIn.amountOut);
    // Quoted again after the first swap moved the SBT pool.
    const again = await venue.quote(CHAIN, asset('USDC'), asset('SBT'), 100n * E6);
    expect(again.amountOut).toBeLessThan(usdcIn.amountOut);
    const second = await sendAll(venue.buildSwap(again, { slippageBps: 0, recipient: trader, deadline: await deadline() }).calls);
    expect(second.statuses).toEqual(['0x1', '0x1']);
    expect(await tokenBalance(asset('SBT'))).toBe(sbt0 + ethIn.amountOut + again.amountOut);
  });

  it('reverts on chain with "Too little received" when amountOutMinimum is above what the pool pays; only gas is spent', async () => {
    const quote = await venue.quote(CHAIN, asset('ETH'), asset('USDC'), E18);
    const built = venue.buildSwap({ ...quote, amountOut: quote.amountOut + 1n }, { slippageBps: 0, recipient: trader, deadline: await deadline() });
    expect(built.minAmountOut).toBe(quote.amountOut + 1n);
    const call = built.calls[0] as Extract<StepCall, { family: 'evm' }>;
    await expectStrataRejection(rpc('eth_call', [{ from: trader, to: call.to, data: call.data, value: `0x${call.value.toString(16)}` }, 'latest']), 'TX_FAILED', /Too little received/);
    const [eth0, usdc0] = [await ethBalance(), await tokenBalance(asset('USDC'))];
    // An explicit gas limit skips estimation, so the reverting transaction is mined and pays for its gas.
    const sent = await sendAll(built.calls, 300_000n);
    expect(sent.statuses).toEqual(['0x0']);
    expect(await ethBalance()).toBe(eth0 - sent.fee);
    expect(await tokenBalance(asset('USDC'))).toBe(usdc0);
    expect((await venue.quote(CHAIN, asset('ETH'), asset('USDC'), E18)).amountOut).toBe(quote.amountOut);
  });

  it('refuses an expired deadline on chain, and bad slippage or deadlines before building', async () => {
    const quote = await venue.quote(CHAIN, asset('ETH'), asset('USDC'), E18);
    const past = (await deadline()) - 1200n;
    const call = venue.buildSwap(quote, { slippageBps: 50, recipient: trader, deadline: past }).calls[0] as Extract<StepCall, { family: 'evm' }>;
    await expectStrataRejection(rpc('eth_call', [{ from: trader, to: call.to, data: call.data, value: `0x${call.value.toString(16)}` }, 'latest']), 'TX_FAILED', /Transaction too old/);
    expect(() => venue.buildSwap(quote, { slippageBps: 5001, recipient: trader, deadline: past })).toThrow(/Slippage/);
    expect(() => venue.buildSwap(quote, { slippageBps: 50, recipient: trader, deadline: 0n })).toThrow(/deadline/);
    expect(() => venue.buildSwap(quote, { slippageBps: 50, recipient: '0x1234', deadline: past })).toThrow(/recipient/i);
  });

  it('says PRICE_UNAVAILABLE when no pool exists, and INVALID_INPUT for ETH -> WETH', async () => {
    const stranger: AssetInfo = { chain: CHAIN, ref: devnet.contracts.create2Factory as string, symbol: 'NOPE', name: 'No pool', decimals: 18, priceId: null };
    await expectStrataRejection(venue.quote(CHAIN, asset('ETH'), stranger, E18), 'PRICE_UNAVAILABLE', /no pool path from ETH to NOPE/);
    await expectStrataRejection(venue.quote(CHAIN, asset('ETH'), asset('WETH'), E18), 'INVALID_INPUT');
    await expectStrataRejection(venue.quote(CHAIN, asset('ETH'), asset('USDC'), 0n), 'INVALID_AMOUNT');
    await expectStrataRejection(venue.quote('eip155:1', asset('ETH'), asset('USDC'), E18), 'INVALID_INPUT', /not configured/);
  });

  it('lists every pair of distinct tokens on its chains (ETH and WETH are one token) and none elsewhere', () => {
    const pairs = venue.pairs(CHAIN).map((p) => `${p.tokenIn.symbol}>${p.tokenOut.symbol}`);
    expect(pairs).toContain('ETH>USDC');
    expect(pairs).toContain('USDC>SBT');
    expect(pairs).not.toContain('ETH>WETH');
    expect(pairs).toHaveLength(assets.length * (assets.length - 1) - 2);
    expect(venue.pairs('eip155:31338')).toEqual([]);
  });
});

/** Exact outputs on the fresh devnet (each equals what the chain then pays, asserted above). */
const EXPECTED = {
  oneEthOut: 2_988_543_170n,
  usdcToEthOut: 996_181_056_779_164_084n,
  sbtToUsdcOut: 2_950_290_211n,
  sbtToUsdcWethFee: 493_579_017_198_531n,
};
