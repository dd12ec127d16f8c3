import { Interface, MaxUint256 } from 'ethers';
import { describe, expect, it } from 'vitest';
import { buildExactApproval } from '../../electron/services/evm/buildExactApproval';
import { buildSwapExactIn, type SwapExactInRequest } from '../../electron/services/swap/uniswapV2/buildSwapExactIn';
import { getAmountOut } from '../../electron/services/swap/uniswapV2/getAmountOut';
import { minAmountOut } from '../../electron/services/evm/minAmountOut';
import { priceImpactBps } from '../../electron/services/swap/uniswapV2/priceImpactBps';
import type { UniswapV2Deployment } from '../../electron/services/swap/uniswapV2/uniswapV2Types';
import { expectStrataError } from '../unit/expectStrataError';

const E18 = 10n ** 18n;
const USDC = '0x5632C04D71dE31E42B72A94cAabb45DE643617AF';
const DEPLOYMENT: UniswapV2Deployment = {
  router: '0xDCa04c964609d142Ff0a7A21e63F8D4bb724Eabf',
  factory: '0x9952cE704A89E7d83a5Dc3a5cbb8fF8bc4cAd575',
  weth: '0x970c131e0F07aE3b3242fA335A469911a6b00646',
};
const TRADER = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';

// Encoded and decoded by ethers, independently of the viem encoding under test.
const ROUTER = new Interface([
  'function swapExactETHForTokens(uint256 amountOutMin, address[] path, address to, uint256 deadline) payable returns (uint256[])',
  'function swapExactTokensForTokens(uint256 amountIn, uint256 amountOutMin, address[] path, address to, uint256 deadline) returns (uint256[])',
  'function swapExactTokensForETH(uint256 amountIn, uint256 amountOutMin, address[] path, address to, uint256 deadline) returns (uint256[])',
]);
const ERC20 = new Interface(['function approve(address spender, uint256 amount) returns (bool)']);

describe('getAmountOut', () => {
  // Uniswap v2-core test/UniswapV2Pair.spec.ts `swapTestCases`: [amountIn, reserveIn, reserveOut] in ether, output in wei.
  const vectors: Array<[bigint, bigint, bigint, bigint]> = [
    [1n, 5n, 10n, 1662497915624478906n],
    [1n, 10n, 5n, 453305446940074565n],
    [2n, 5n, 10n, 2851015155847869602n],
    [2n, 10n, 5n, 831248957812239453n],
    [1n, 10n, 10n, 906610893880149131n],
    [1n, 100n, 100n, 987158034397061298n],
    [1n, 1000n, 1000n, 996006981039903216n],
  ];
  it.each(vectors)('matches Uniswap v2-core swap vector %s in, %s : %s', (amountIn, reserveIn, reserveOut, expected) => {
    expect(getAmountOut(amountIn * E18, reserveIn * E18, reserveOut * E18)).toBe(expected);
  });

  it('matches v2-periphery getAmountOut(2, 100, 100) = 1 and the devnet pool price', () => {
    expect(getAmountOut(2n, 100n, 100n)).toBe(1n);
    expect(getAmountOut(E18, 1_000n * E18, 3_000_000n * 10n ** 6n)).toBe(2_988_020_943n);
  });

  it('refuses a zero amount and an empty pool', () => {
    expectStrataError(() => getAmountOut(0n, 1n, 1n), 'INVALID_AMOUNT');
    expectStrataError(() => getAmountOut(1n, 0n, 1n), 'PRICE_UNAVAILABLE');
    expectStrataError(() => getAmountOut(1n, 1n, 0n), 'PRICE_UNAVAILABLE');
  });
});

describe('priceImpactBps', () => {
  it('is 933 bps for 100 ETH into 1,000 ETH : 3,000,000 USDC and 30 bps (the fee, plus a trace) for 0.001 ETH', () => {
    const reserveIn = 1_000n * E18;
    const reserveOut = 3_000_000n * 10n ** 6n;
    const out100 = getAmountOut(100n * E18, reserveIn, reserveOut);
    expect(out100).toBe(271_983_268_164n);
    // 1 - 271983.268164 / 300000 = 9.3389...%
    expect(priceImpactBps(100n * E18, out100, reserveIn, reserveOut)).toBe(933);
    expect(priceImpactBps(E18 / 1000n, getAmountOut(E18 / 1000n, reserveIn, reserveOut), reserveIn, reserveOut)).toBe(30);
  });
});

describe('minAmountOut', () => {
  it('takes the slippage off the quote, rounding down', () => {
    expect(minAmountOut(2_988_020_943n, 50)).toBe(2_973_080_838n);
    expect(minAmountOut(2_988_020_943n, 0)).toBe(2_988_020_943n);
    expect(minAmountOut(3n, 5_000)).toBe(1n);
  });

  it('refuses a slippage that is not 0..5000 whole bps, and a zero quote', () => {
    for (const bps of [-1, 5_001, 10_000, 0.5, Number.NaN]) expectStrataError(() => minAmountOut(100n, bps), 'INVALID_INPUT');
    expectStrataError(() => minAmountOut(0n, 50), 'INVALID_AMOUNT');
  });
});

describe('buildExactApproval', () => {
  it('approves exactly the amount for the router', () => {
    const call = buildExactApproval(USDC, DEPLOYMENT.router, 123_456n);
    expect(call.to).toBe(USDC);
    expect(call.value).toBe(0n);
    expect(call.data.slice(0, 10)).toBe('0x095ea7b3');
    expect(ERC20.decodeFunctionData('approve', call.data).toArray()).toEqual([DEPLOYMENT.router, 123_456n]);
  });

  it('never builds an unlimited or empty approval', () => {
    expectStrataError(() => buildExactApproval(USDC, DEPLOYMENT.router, MaxUint256), 'INVALID_AMOUNT');
    expectStrataError(() => buildExactApproval(USDC, DEPLOYMENT.router, 0n), 'INVALID_AMOUNT');
    expectStrataError(() => buildExactApproval(USDC, '0x1234' as `0x${string}`, 1n), 'INVALID_ADDRESS');
  });
});

describe('buildSwapExactIn', () => {
  const base: SwapExactInRequest = {
    tokenIn: 'native',
    tokenOut: USDC,
    amountIn: E18,
    quotedAmountOut: 2_988_020_943n,
    slippageBps: 50,
    recipient: TRADER,
    deadline: 1_900_000_000n,
  };

  it('native in: swapExactETHForTokens with the value and no approval', () => {
    const plan = buildSwapExactIn(DEPLOYMENT, base);
    expect(plan.method).toBe('swapExactETHForTokens');
    expect(plan.approval).toBeNull();
    expect(plan.amountOutMin).toBe(2_973_080_838n);
    expect(plan.swap.to).toBe(DEPLOYMENT.router);
    expect(plan.swap.value).toBe(E18);
    expect(plan.swap.data.slice(0, 10)).toBe('0x7ff36ab5');
    expect(ROUTER.decodeFunctionData('swapExactETHForTokens', plan.swap.data).toArray().map(plain)).toEqual([
      2_973_080_838n,
      [DEPLOYMENT.weth, USDC],
      TRADER,
      1_900_000_000n,
    ]);
  });

  it('native out: exact approval, then swapExactTokensForETH', () => {
    const plan = buildSwapExactIn(DEPLOYMENT, { ...base, tokenIn: USDC, tokenOut: 'native', amountIn: 3_000_000_000n, quotedAmountOut: 10n ** 18n });
    expect(plan.method).toBe('swapExactTokensForETH');
    expect(plan.swap.value).toBe(0n);
    expect(plan.swap.data.slice(0, 10)).toBe('0x18cbafe5');
    expect(ROUTER.decodeFunctionData('swapExactTokensForETH', plan.swap.data).toArray().map(plain)).toEqual([
      3_000_000_000n,
      995n * 10n ** 15n,
      [USDC, DEPLOYMENT.weth],
      TRADER,
      1_900_000_000n,
    ]);
    expect(plan.approval?.to).toBe(USDC);
    expect(ERC20.decodeFunctionData('approve', plan.approval?.data ?? '0x').toArray()).toEqual([DEPLOYMENT.router, 3_000_000_000n]);
  });

  it('token to token: swapExactTokensForTokens (WETH as an ERC-20)', () => {
    const plan = buildSwapExactIn(DEPLOYMENT, { ...base, tokenIn: DEPLOYMENT.weth, tokenOut: USDC });
    expect(plan.method).toBe('swapExactTokensForTokens');
    expect(plan.swap.data.slice(0, 10)).toBe('0x38ed1739');
    expect(plan.path).toEqual([DEPLOYMENT.weth, USDC]);
    expect(ERC20.decodeFunctionData('approve', plan.approval?.data ?? '0x').toArray()).toEqual([DEPLOYMENT.router, E18]);
  });

  it('refuses bad input', () => {
    expectStrataError(() => buildSwapExactIn(DEPLOYMENT, { ...base, tokenOut: DEPLOYMENT.weth }), 'INVALID_INPUT');
    expectStrataError(() => buildSwapExactIn(DEPLOYMENT, { ...base, amountIn: 0n }), 'INVALID_AMOUNT');
    expectStrataError(() => buildSwapExactIn(DEPLOYMENT, { ...base, slippageBps: 10_001 }), 'INVALID_INPUT');
    expectStrataError(() => buildSwapExactIn(DEPLOYMENT, { ...base, deadline: 0n }), 'INVALID_INPUT');
    expectStrataError(() => buildSwapExactIn(DEPLOYMENT, { ...base, recipient: '0xnope' }), 'INVALID_ADDRESS');
  });
});

/** ethers Result -> plain arrays, so nested paths compare with toEqual. */
function plain(value: unknown): unknown {
  return value !== null && typeof value === 'object' && 'toArray' in value ? (value as { toArray(): unknown[] }).toArray() : value;
}
