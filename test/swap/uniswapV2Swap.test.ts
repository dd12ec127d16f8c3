import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startDevnet, type Devnet, type DevnetSnapshot } from '../../electron/services/devnet/startDevnet';
import { devnetUniswapV2 } from '../../electron/services/devnet/uniswap/devnetUniswapV2';
import { httpJsonRpc, type JsonRpcCall } from '../../electron/services/rpc/httpJsonRpc';
import { buildExactApproval } from '../../electron/services/evm/buildExactApproval';
import { buildSwapExactIn } from '../../electron/services/swap/uniswapV2/buildSwapExactIn';
import { getRouterAmountsOut } from '../../electron/services/swap/uniswapV2/getRouterAmountsOut';
import { quoteExactIn } from '../../electron/services/swap/uniswapV2/quoteExactIn';
import { createUniswapV2Venue } from '../../electron/services/swap/uniswapV2/uniswapV2Venue';
import { readContract } from '../../electron/services/evm/readContract';
import { erc20Abi } from 'viem';
import type { Address, EvmCall, Hex, UniswapV2Deployment } from '../../electron/services/swap/uniswapV2/uniswapV2Types';
import { expectStrataError, expectStrataRejection } from '../unit/expectStrataError';

const E18 = 10n ** 18n;
const BALANCE_ABI = [
  { type: 'function', name: 'balanceOf', stateMutability: 'view', inputs: [{ name: 'a', type: 'address' }], outputs: [{ name: '', type: 'uint256' }] },
] as const;

let devnet: Devnet;
let rpc: JsonRpcCall;
let uniswap: UniswapV2Deployment;
let usdc: Address;
let trader: Address;
let snapshot: DevnetSnapshot;

interface Receipt {
  status: Hex;
  gasUsed: Hex;
  effectiveGasPrice: Hex;
}

/** Sends a call from the trader (the devnet signs for its test accounts) and returns the mined receipt and its fee. */
async function send(call: EvmCall, gas?: bigint): Promise<{ status: Hex; fee: bigint }> {
  const tx = { from: trader, to: call.to, data: call.data, value: `0x${call.value.toString(16)}`, ...(gas ? { gas: `0x${gas.toString(16)}` } : {}) };
  const hash = await rpc<Hex>('eth_sendTransaction', [tx]);
  const receipt = await rpc<Receipt>('eth_getTransactionReceipt', [hash]);
  return { status: receipt.status, fee: BigInt(receipt.gasUsed) * BigInt(receipt.effectiveGasPrice) };
}

const ethBalance = async (): Promise<bigint> => BigInt(await rpc<Hex>('eth_getBalance', [trader, 'latest']));
const usdcBalance = (): Promise<bigint> => readContract(rpc, usdc, BALANCE_ABI, 'balanceOf', [trader]);
const deadline = async (): Promise<bigint> => BigInt((await rpc<{ timestamp: Hex }>('eth_getBlockByNumber', ['latest', false])).timestamp) + 600n;

beforeAll(async () => {
  devnet = await startDevnet();
  // The wallet's own HTTP JSON-RPC client, as the app would use against the devnet.
  rpc = httpJsonRpc(devnet.chain('devnet-a').rpc, { timeoutMs: 10_000 });
  uniswap = devnetUniswapV2(devnet.contracts);
  usdc = devnet.contracts.usdc as Address;
  trader = devnet.accounts[2] as Address;
});

afterAll(async () => {
  await devnet?.stop();
});

beforeEach(async () => {
  snapshot = await devnet.snapshot();
});

afterEach(async () => {
  await devnet.revert(snapshot);
});

describe('Uniswap V2 swap venue on the devnet', () => {
  it('quotes 1 ETH -> USDC exactly as the router getAmountsOut and the 0.3% fee formula', async () => {
    const quote = await quoteExactIn(rpc, uniswap, { tokenIn: 'native', tokenOut: usdc, amountIn: E18 });
    const reserveIn = 1_000n * E18;
    const reserveOut = 3_000_000n * 10n ** 6n;
    expect(quote.amountOut).toBe((E18 * 997n * reserveOut) / (reserveIn * 1000n + E18 * 997n));
    // 1 - 2988.020943 / 3000 = 0.399%: the 0.3% fee and about 0.1% for moving a 1,000 ETH pool by 1 ETH.
    expect(quote.amountOut).toBe(2_988_020_943n);
    expect(await getRouterAmountsOut(rpc, uniswap.router, E18, quote.path)).toEqual([E18, quote.amountOut]);
    expect(quote).toMatchObject({ path: [uniswap.weth, usdc], pair: devnet.contracts.uniswapV2WethUsdcPair, reserveIn, reserveOut, feeBps: 30, priceImpactBps: 39 });
  });

  it('reports the price impact of 100 ETH in basis points', async () => {
    const quote = await quoteExactIn(rpc, uniswap, { tokenIn: 'native', tokenOut: usdc, amountIn: 100n * E18 });
    expect(quote.amountOut).toBe(271_983_268_164n);
    expect(quote.priceImpactBps).toBe(933);
    expect(await getRouterAmountsOut(rpc, uniswap.router, 100n * E18, quote.path)).toEqual([100n * E18, 271_983_268_164n]);
  });

  it('swaps 1 ETH for exactly the quoted USDC with amountOutMin = quote - 0.5%', async () => {
    const quote = await quoteExactIn(rpc, uniswap, { tokenIn: 'native', tokenOut: usdc, amountIn: E18 });
    const plan = buildSwapExactIn(uniswap, { tokenIn: 'native', tokenOut: usdc, amountIn: E18, quotedAmountOut: quote.amountOut, slippageBps: 50, recipient: trader, deadline: await deadline() });
    expect(plan.amountOutMin).toBe(quote.amountOut - (quote.amountOut * 50n + 9_999n) / 10_000n);
    const [eth0, usdc0] = [await ethBalance(), await usdcBalance()];
    const { status, fee } = await send(plan.swap);
    expect(status).toBe('0x1');
    expect(await usdcBalance()).toBe(usdc0 + quote.amountOut);
    expect(await ethBalance()).toBe(eth0 - E18 - fee);
    const after = await quoteExactIn(rpc, uniswap, { tokenIn: 'native', tokenOut: usdc, amountIn: E18 });
    expect([after.reserveIn, after.reserveOut]).toEqual([1_001n * E18, 3_000_000n * 10n ** 6n - quote.amountOut]);
  });

  it('reverts on chain with INSUFFICIENT_OUTPUT_AMOUNT when amountOutMin is above the quote; only gas is spent', async () => {
    const quote = await quoteExactIn(rpc, uniswap, { tokenIn: 'native', tokenOut: usdc, amountIn: E18 });
    // A quote 1 unit too optimistic with 0 slippage: amountOutMin = what the pool pays + 1.
    const plan = buildSwapExactIn(uniswap, { tokenIn: 'native', tokenOut: usdc, amountIn: E18, quotedAmountOut: quote.amountOut + 1n, slippageBps: 0, recipient: trader, deadline: await deadline() });
    await expectStrataRejection(
      rpc('eth_call', [{ from: trader, to: plan.swap.to, data: plan.swap.data, value: `0x${plan.swap.value.toString(16)}` }, 'latest']),
      'TX_FAILED',
      /UniswapV2Router: INSUFFICIENT_OUTPUT_AMOUNT/,
    );
    const [eth0, usdc0] = [await ethBalance(), await usdcBalance()];
    // An explicit gas limit skips estimation, so the reverting transaction is mined and pays for its gas.
    const { status, fee } = await send(plan.swap, 300_000n);
    expect(status).toBe('0x0');
    expect(fee > 0n).toBe(true);
    expect(await ethBalance()).toBe(eth0 - fee);
    expect(await usdcBalance()).toBe(usdc0);
    const after = await quoteExactIn(rpc, uniswap, { tokenIn: 'native', tokenOut: usdc, amountIn: E18 });
    expect(after.amountOut).toBe(quote.amountOut);
  });

  it('swaps USDC -> ETH after an exact approval that is used up by the swap', async () => {
    const amountIn = 3_000n * 10n ** 6n;
    const quote = await quoteExactIn(rpc, uniswap, { tokenIn: usdc, tokenOut: 'native', amountIn });
    expect(quote.amountOut).toBe((amountIn * 997n * 1_000n * E18) / (3_000_000n * 10n ** 6n * 1000n + amountIn * 997n));
    const plan = buildSwapExactIn(uniswap, { tokenIn: usdc, tokenOut: 'native', amountIn, quotedAmountOut: quote.amountOut, slippageBps: 50, recipient: trader, deadline: await deadline() });
    expect(plan.method).toBe('swapExactTokensForETH');
    expect(plan.approval).toEqual(buildExactApproval(usdc, uniswap.router, amountIn));
    const [eth0, usdc0] = [await ethBalance(), await usdcBalance()];
    const approved = await send(plan.approval as EvmCall);
    expect(approved.status).toBe('0x1');
    expect(await readContract(rpc, usdc, erc20Abi, 'allowance', [trader, uniswap.router])).toBe(amountIn);
    const swapped = await send(plan.swap);
    expect(swapped.status).toBe('0x1');
    expect(await readContract(rpc, usdc, erc20Abi, 'allowance', [trader, uniswap.router])).toBe(0n);
    expect(await usdcBalance()).toBe(usdc0 - amountIn);
    expect(await ethBalance()).toBe(eth0 + quote.amountOut - approved.fee - swapped.fee);
  });

  it('binds the same functions to one chain in createUniswapV2Venue, and on devnet-b quotes the same pool', async () => {
    const venueB = createUniswapV2Venue(httpJsonRpc(devnet.chain('devnet-b').rpc, { timeoutMs: 10_000 }), uniswap);
    const quoteB = await venueB.quoteExactIn({ tokenIn: usdc, tokenOut: 'native', amountIn: 5n * 10n ** 6n });
    const quoteA = await quoteExactIn(rpc, uniswap, { tokenIn: usdc, tokenOut: 'native', amountIn: 5n * 10n ** 6n });
    expect(quoteB).toEqual(quoteA);
    expect(await venueB.getAmountsOut(5n * 10n ** 6n, [usdc, uniswap.weth])).toEqual([5n * 10n ** 6n, quoteA.amountOut]);
    expect(devnetUniswapV2(devnet.contracts)).toEqual({ router: devnet.contracts.uniswapV2Router02, factory: devnet.contracts.uniswapV2Factory, weth: devnet.contracts.weth });
    expectStrataError(() => devnetUniswapV2({ weth: uniswap.weth }), 'DEVNET_NOT_RUNNING');
  });

  it('refuses a pair the factory does not have', async () => {
    await expectStrataRejection(quoteExactIn(rpc, uniswap, { tokenIn: 'native', tokenOut: devnet.contracts.multicall3 as Address, amountIn: E18 }), 'PRICE_UNAVAILABLE');
  });
});
