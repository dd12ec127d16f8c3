/**
 * Tiny step runners for the executor tests: real transactions on the devnet, none of the router's or the bridge
 * adapters' code. wrap = WETH `deposit()` (output read from the Deposit log); send = ERC-20 `transfer`; oft = the
 * devnet OFT's `send` with a delivery tracker over a real condition (the destination balance).
 */
import { Interface, zeroPadValue } from 'ethers';
import type { AssetInfo } from '../../shared/domain/asset';
import type { Route, RouteStep } from '../../shared/domain/route';
import type { CallTransport, StepRunner } from '../../electron/services/transfers/stepRunner';

export const WETH_ABI = new Interface(['function deposit() payable', 'event Deposit(address indexed dst, uint256 wad)', 'function transfer(address to, uint256 amount) returns (bool)', 'function balanceOf(address) view returns (uint256)']);

/** Wraps the step's input of native ETH into WETH; the output is the `wad` of the Deposit log. */
export function wrapRunner(transport: CallTransport, weth: string): StepRunner {
  return {
    transport,
    async nextCall(ctx) {
      if (ctx.confirmed.length > 0) return null;
      return { label: 'deposit', to: weth, data: WETH_ABI.encodeFunctionData('deposit', []), value: ctx.amountIn };
    },
    async amountOut(ctx) {
      const topic = WETH_ABI.getEvent('Deposit')?.topicHash;
      for (const receipt of ctx.confirmed) {
        for (const log of receipt.logs) {
          if (log.address.toLowerCase() === weth.toLowerCase() && log.topics[0] === topic) return BigInt(WETH_ABI.parseLog(log)?.args.wad as bigint);
        }
      }
      return null;
    },
  };
}

/** Sends the step's input of an ERC-20 token to `to`. A fixed `gasLimit` makes a doomed transfer revert on chain. */
export function tokenSendRunner(transport: CallTransport, token: string, to: string, options: { gasLimit?: bigint } = {}): StepRunner {
  return {
    transport,
    async nextCall(ctx) {
      if (ctx.confirmed.length > 0) return null;
      return { label: 'transfer', to: token, data: WETH_ABI.encodeFunctionData('transfer', [to, ctx.amountIn]), value: 0n, gasLimit: options.gasLimit };
    },
  };
}

export const OFT_ABI = new Interface([
  'function quoteSend((uint32 dstEid, bytes32 to, uint256 amountLD, uint256 minAmountLD, bytes extraOptions, bytes composeMsg, bytes oftCmd) sendParam, bool payInLzToken) view returns ((uint256 nativeFee, uint256 lzTokenFee) fee)',
  'function send((uint32 dstEid, bytes32 to, uint256 amountLD, uint256 minAmountLD, bytes extraOptions, bytes composeMsg, bytes oftCmd) sendParam, (uint256 nativeFee, uint256 lzTokenFee) fee, address refundAddress) payable returns ((bytes32 guid, uint64 nonce, (uint256 nativeFee, uint256 lzTokenFee) fee) receipt, (uint256 amountSentLD, uint256 amountReceivedLD) oftReceipt)',
  'function balanceOf(address) view returns (uint256)',
]);

/**
 * Sends the step's input of the OFT to `to` on the chain of `dstEid`; the tracker says delivered once `reached()`
 * holds (the test passes "the destination balance is at least before + amount").
 */
export function oftSendRunner(
  transport: CallTransport,
  oft: string,
  dstEid: number,
  to: string,
  read: (data: string) => Promise<string>,
  reached: () => Promise<boolean>,
): StepRunner {
  const param = (amount: bigint) => ({ dstEid, to: zeroPadValue(to, 32), amountLD: amount, minAmountLD: amount, extraOptions: '0x', composeMsg: '0x', oftCmd: '0x' });
  return {
    transport,
    async nextCall(ctx) {
      if (ctx.confirmed.length > 0) return null;
      const quoted = OFT_ABI.decodeFunctionResult('quoteSend', await read(OFT_ABI.encodeFunctionData('quoteSend', [param(ctx.amountIn), false])));
      const nativeFee = BigInt((quoted[0] as { nativeFee: bigint }).nativeFee);
      return { label: 'send', to: oft, data: OFT_ABI.encodeFunctionData('send', [param(ctx.amountIn), { nativeFee, lzTokenFee: 0n }, transport.from]), value: nativeFee };
    },
    async trackDelivery() {
      return (await reached()) ? 'delivered' : 'inflight';
    },
  };
}

/** A route step in the shape the router produces (fees and USD left empty: the executor does not read them). */
export function routeStep(kind: RouteStep['kind'], provider: RouteStep['provider'], assetIn: AssetInfo, assetOut: AssetInfo, amount: bigint, etaSeconds = 1): RouteStep {
  return {
    kind,
    provider,
    fromChain: assetIn.chain,
    toChain: assetOut.chain,
    assetIn,
    assetOut,
    amountIn: amount.toString(),
    amountOut: amount.toString(),
    minAmountOut: amount.toString(),
    fees: [],
    etaSeconds,
    priceImpactBps: 0,
  };
}

export function routeOf(id: string, steps: RouteStep[]): Route {
  const first = steps[0] as RouteStep;
  const last = steps[steps.length - 1] as RouteStep;
  return {
    id,
    steps,
    amountIn: first.amountIn,
    amountOut: last.amountOut,
    minAmountOut: last.minAmountOut,
    fees: [],
    totalFeesUsd: null,
    etaSeconds: steps.reduce((sum, s) => sum + s.etaSeconds, 0),
    priceImpactBps: 0,
    warnings: [],
  };
}

export function asset(chain: string, ref: string, symbol: string, decimals = 18): AssetInfo {
  return { chain, ref, symbol, name: symbol, decimals, priceId: null };
}

export const UNISWAP_ABI = new Interface([
  'function getAmountsOut(uint256 amountIn, address[] path) view returns (uint256[] amounts)',
  'function swapExactTokensForTokens(uint256 amountIn, uint256 amountOutMin, address[] path, address to, uint256 deadline) returns (uint256[] amounts)',
  'function approve(address spender, uint256 amount) returns (bool)',
  'function allowance(address owner, address spender) view returns (uint256)',
  'event Transfer(address indexed from, address indexed to, uint256 value)',
]);

/**
 * A Uniswap V2 swap of the step's input, two calls when needed: `approve(router, amountIn)` unless the allowance
 * already covers it (read from the chain, so a resume does not approve twice), then `swapExactTokensForTokens` with
 * `minOut`. The output is the tokenOut Transfer log to the sender. `swapGasLimit` makes a doomed swap revert on chain.
 */
export function uniswapSwapRunner(
  transport: CallTransport,
  router: string,
  path: [string, string],
  minOut: bigint,
  read: (to: string, data: string) => Promise<string>,
  options: { swapGasLimit?: bigint } = {},
): StepRunner {
  const [tokenIn, tokenOut] = path;
  return {
    transport,
    async nextCall(ctx) {
      if (ctx.record.calls.some((c) => c.label === 'swap' && c.state === 'confirmed')) return null;
      const allowance = UNISWAP_ABI.decodeFunctionResult('allowance', await read(tokenIn, UNISWAP_ABI.encodeFunctionData('allowance', [transport.from, router])))[0] as bigint;
      if (allowance < ctx.amountIn) return { label: 'approve', to: tokenIn, data: UNISWAP_ABI.encodeFunctionData('approve', [router, ctx.amountIn]), value: 0n };
      const deadline = BigInt(Math.floor(Date.now() / 1000) + 3600);
      return {
        label: 'swap',
        to: router,
        data: UNISWAP_ABI.encodeFunctionData('swapExactTokensForTokens', [ctx.amountIn, minOut, path, transport.from, deadline]),
        value: 0n,
        gasLimit: options.swapGasLimit,
      };
    },
    async amountOut(ctx) {
      const topic = UNISWAP_ABI.getEvent('Transfer')?.topicHash;
      const last = ctx.confirmed[ctx.confirmed.length - 1];
      for (const log of last?.logs ?? []) {
        if (log.address.toLowerCase() !== tokenOut.toLowerCase() || log.topics[0] !== topic) continue;
        const parsed = UNISWAP_ABI.parseLog(log);
        if (String(parsed?.args.to).toLowerCase() === transport.from.toLowerCase()) return BigInt(parsed?.args.value as bigint);
      }
      return null;
    },
  };
}
