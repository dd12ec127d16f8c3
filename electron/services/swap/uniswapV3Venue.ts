import { encodeFunctionData, getAddress, zeroAddress } from 'viem';
import type { AssetInfo } from '../../../shared/domain/asset';
import type { CaipChainId } from '../../../shared/domain/chain';
import { StrataError } from '../../../shared/errors';
import type { UniswapV3Row } from '../deployments/deploymentRow';
import { buildExactApproval, EXACT_APPROVAL_GAS } from '../evm/buildExactApproval';
import { checkAddress, checkAmount, type Address, type Hex } from '../evm/evmCall';
import type { ChainRpcs, ProviderFee, StepCall } from '../routing/routingTypes';
import type { BuiltSwap, SwapPair, SwapQuote, SwapVenue } from './swapVenue';
import { aggregate3, decodeResult, type BatchCall } from './uniswapV3/aggregate3';
import { encodeV3Path } from './uniswapV3/encodeV3Path';
import { liquidityShareBps, priceImpactBps, type PoolHop } from './uniswapV3/poolMath';
import { QUOTER_V2_ABI, ROUTER_ADDRESS_THIS, SWAP_ROUTER_02_ABI, UNISWAP_V3_FACTORY_ABI, UNISWAP_V3_POOL_ABI } from './uniswapV3/uniswapV3Abi';
import { minAmountOut } from '../evm/minAmountOut';
import { receivedFromRouterLogs } from './receivedFromRouterLogs';

/** One chain's Uniswap V3 (a deployments-registry row) and what trades on it. */
export interface UniswapV3VenueChain {
  chain: CaipChainId;
  uniswapV3: UniswapV3Row;
  /** What `native` trades as (WETH9 of the router). */
  wrappedNative: string;
  multicall3: string;
  /** The tradable assets, `native` included. */
  assets: readonly AssetInfo[];
  /** Assets a two-pool path may go through (the wrapped native coin, USDC, USDT), as listed assets. */
  hubs: readonly AssetInfo[];
}

/**
 * Gas of SwapRouter02 around the pools' own swap gas (which QuoterV2 reports): the router's multicall and
 * deadline check, token transfers in and out, and an unwrap. A fee estimate, not a gas limit: the executor
 * estimates each transaction before signing.
 */
export const V3_ROUTER_OVERHEAD_GAS = 100_000n;

interface PoolKey {
  a: Address;
  b: Address;
  fee: number;
}

interface Candidate {
  tokens: Address[];
  fees: number[];
  pools: Address[];
}

const keyOf = (a: Address, b: Address, fee: number): string => `${BigInt(a) < BigInt(b) ? a : b}/${BigInt(a) < BigInt(b) ? b : a}/${fee}`;

/**
 * The Uniswap V3 swap venue over registry rows. A quote takes two sequential round trips: one Multicall3 batch of
 * factory.getPool over every fee tier for the direct pair and through each hub, then one batch of slot0 and
 * liquidity of the pools found and QuoterV2 quotes of every path (single pool, or two pools through a hub; the
 * first pool of a two-pool path is also quoted alone, for its fee and liquidity share). The best output wins.
 * Swaps go through SwapRouter02's multicall(deadline, …): exactInputSingle or exactInput with amountOutMinimum,
 * native coin in as the call's value (the router wraps it), native out to the router then unwrapWETH9 to the
 * recipient, tokens in after an exact approval.
 */
export function createUniswapV3SwapVenue(chains: readonly UniswapV3VenueChain[], rpcs: ChainRpcs): SwapVenue {
  const configOf = (chain: CaipChainId): UniswapV3VenueChain => {
    const found = chains.find((c) => c.chain === chain);
    if (!found) throw new StrataError('INVALID_INPUT', `Uniswap V3 is not configured on ${chain}`);
    return found;
  };
  const addressOf = (config: UniswapV3VenueChain, asset: AssetInfo): Address => (asset.ref === 'native' ? getAddress(config.wrappedNative) : checkAddress(asset.ref, 'A token'));
  const assetAt = (config: UniswapV3VenueChain, address: Address): AssetInfo => {
    const found = [...config.hubs, ...config.assets].find((a) => addressOf(config, a) === address && a.ref !== 'native');
    return found ?? config.hubs.find((a) => addressOf(config, a) === address) ?? { chain: config.chain, ref: address, symbol: address.slice(0, 8), name: address, decimals: 18, priceId: null };
  };

  return {
    id: 'uniswap-v3',

    pairs(chain): SwapPair[] {
      const config = chains.find((c) => c.chain === chain);
      if (!config) return [];
      const pairs: SwapPair[] = [];
      for (const tokenIn of config.assets) {
        for (const tokenOut of config.assets) {
          if (addressOf(config, tokenIn) !== addressOf(config, tokenOut)) pairs.push({ tokenIn, tokenOut });
        }
      }
      return pairs;
    },

    async quote(chain, tokenIn, tokenOut, amountIn): Promise<SwapQuote> {
      checkAmount(amountIn, 'The amount to swap');
      const config = configOf(chain);
      const rpc = rpcs.rpc(chain);
      const multicall3 = checkAddress(config.multicall3, 'Multicall3');
      const { factory, quoterV2, feeTiers } = config.uniswapV3;
      const a = addressOf(config, tokenIn);
      const b = addressOf(config, tokenOut);
      if (a === b) throw new StrataError('INVALID_INPUT', `${tokenIn.symbol} and ${tokenOut.symbol} are the same token to Uniswap V3`);
      const hubs = [...new Set(config.hubs.map((h) => addressOf(config, h)))].filter((h) => h !== a && h !== b);

      // Round trip 1: which pools exist.
      const keys: PoolKey[] = [];
      for (const fee of feeTiers) keys.push({ a, b, fee });
      for (const hub of hubs) for (const fee of feeTiers) keys.push({ a, b: hub, fee }, { a: hub, b, fee });
      const found = await aggregate3(
        rpc,
        multicall3,
        keys.map((k) => ({ target: checkAddress(factory, 'The factory'), callData: encodeFunctionData({ abi: UNISWAP_V3_FACTORY_ABI, functionName: 'getPool', args: [k.a, k.b, k.fee] }) })),
      );
      const poolOf = new Map<string, Address>();
      keys.forEach((k, i) => {
        const pool = decodeResult<Address>(UNISWAP_V3_FACTORY_ABI, 'getPool', found[i] ?? null);
        if (pool && pool !== zeroAddress) poolOf.set(keyOf(k.a, k.b, k.fee), getAddress(pool));
      });
      const candidates: Candidate[] = [];
      for (const fee of feeTiers) {
        const pool = poolOf.get(keyOf(a, b, fee));
        if (pool) candidates.push({ tokens: [a, b], fees: [fee], pools: [pool] });
      }
      for (const hub of hubs) {
        for (const f1 of feeTiers) {
          const p1 = poolOf.get(keyOf(a, hub, f1));
          if (!p1) continue;
          for (const f2 of feeTiers) {
            const p2 = poolOf.get(keyOf(hub, b, f2));
            if (p2) candidates.push({ tokens: [a, hub, b], fees: [f1, f2], pools: [p1, p2] });
          }
        }
      }
      if (candidates.length === 0) throw new StrataError('PRICE_UNAVAILABLE', `Uniswap V3 has no pool path from ${tokenIn.symbol} to ${tokenOut.symbol} on ${chain}`);

      // Round trip 2: pool states and every path's quote.
      const pools = [...new Set(candidates.flatMap((c) => c.pools))];
      const firstHops = [...new Map(candidates.filter((c) => c.pools.length > 1).map((c) => [c.pools[0] as Address, c])).values()];
      const quoter = checkAddress(quoterV2, 'QuoterV2');
      const single = (tokenA: Address, tokenB: Address, fee: number): BatchCall => ({
        target: quoter,
        callData: encodeFunctionData({ abi: QUOTER_V2_ABI, functionName: 'quoteExactInputSingle', args: [{ tokenIn: tokenA, tokenOut: tokenB, amountIn, fee, sqrtPriceLimitX96: 0n }] }),
      });
      const calls: BatchCall[] = [
        ...pools.flatMap((pool) => [
          { target: pool, callData: encodeFunctionData({ abi: UNISWAP_V3_POOL_ABI, functionName: 'slot0' }) },
          { target: pool, callData: encodeFunctionData({ abi: UNISWAP_V3_POOL_ABI, functionName: 'liquidity' }) },
        ]),
        ...candidates.map((c) =>
          c.pools.length === 1
            ? single(a, b, c.fees[0] as number)
            : { target: quoter, callData: encodeFunctionData({ abi: QUOTER_V2_ABI, functionName: 'quoteExactInput', args: [encodeV3Path(c.tokens, c.fees), amountIn] }) },
        ),
        ...firstHops.map((c) => single(a, c.tokens[1] as Address, c.fees[0] as number)),
      ];
      const results = await aggregate3(rpc, multicall3, calls);
      const state = new Map<Address, { sqrtPriceX96: bigint; liquidity: bigint }>();
      pools.forEach((pool, i) => {
        const slot0 = decodeResult<readonly [bigint, ...unknown[]]>(UNISWAP_V3_POOL_ABI, 'slot0', results[2 * i] ?? null);
        const liquidity = decodeResult<bigint>(UNISWAP_V3_POOL_ABI, 'liquidity', results[2 * i + 1] ?? null);
        if (slot0 && liquidity !== undefined) state.set(pool, { sqrtPriceX96: slot0[0], liquidity });
      });
      const quoted = candidates.map((c, i) => {
        const data = results[2 * pools.length + i] ?? null;
        const decoded = c.pools.length === 1
          ? decodeResult<readonly [bigint, bigint, number, bigint]>(QUOTER_V2_ABI, 'quoteExactInputSingle', data)
          : decodeResult<readonly [bigint, readonly bigint[], readonly number[], bigint]>(QUOTER_V2_ABI, 'quoteExactInput', data);
        return decoded ? { candidate: c, amountOut: decoded[0], gasEstimate: decoded[3] } : undefined;
      });
      const firstHopOut = new Map<Address, bigint>();
      firstHops.forEach((c, i) => {
        const decoded = decodeResult<readonly [bigint, bigint, number, bigint]>(QUOTER_V2_ABI, 'quoteExactInputSingle', results[2 * pools.length + candidates.length + i] ?? null);
        if (decoded) firstHopOut.set(c.pools[0] as Address, decoded[0]);
      });
      let best: NonNullable<(typeof quoted)[number]> | undefined;
      for (const q of quoted) {
        if (!q || q.amountOut <= 0n) continue;
        if (q.candidate.pools.length > 1 && !firstHopOut.has(q.candidate.pools[0] as Address)) continue;
        if (q.candidate.pools.some((p) => !state.has(p))) continue;
        // Equal outputs: the path with fewer pools (less gas).
        if (!best || q.amountOut > best.amountOut || (q.amountOut === best.amountOut && q.candidate.pools.length < best.candidate.pools.length)) best = q;
      }
      if (!best) throw new StrataError('PRICE_UNAVAILABLE', `Uniswap V3's pools from ${tokenIn.symbol} to ${tokenOut.symbol} on ${chain} cannot take ${amountIn} (no liquidity)`);

      const { candidate } = best;
      const hops: PoolHop[] = candidate.pools.map((pool, i) => {
        const s = state.get(pool) as { sqrtPriceX96: bigint; liquidity: bigint };
        const hopIn = i === 0 ? amountIn : (firstHopOut.get(candidate.pools[0] as Address) as bigint);
        return { ...s, zeroForOne: BigInt(candidate.tokens[i] as Address) < BigInt(candidate.tokens[i + 1] as Address), amountIn: hopIn };
      });
      const fees: ProviderFee[] = hops.map((hop, i) => ({
        kind: 'swap',
        chain,
        asset: i === 0 ? tokenIn : assetAt(config, candidate.tokens[i] as Address),
        // The pool's fee on this hop's input, rounded up as the pool takes it.
        amount: (hop.amountIn * BigInt(candidate.fees[i] as number) + 999_999n) / 1_000_000n,
      }));
      const gasUnits = best.gasEstimate + V3_ROUTER_OVERHEAD_GAS + (tokenIn.ref === 'native' ? 0n : EXACT_APPROVAL_GAS);
      const path = candidate.tokens.flatMap((t, i) => (i === 0 ? [t] : [String(candidate.fees[i - 1]), t]));
      return {
        venue: 'uniswap-v3',
        chain,
        tokenIn,
        tokenOut,
        amountIn,
        amountOut: best.amountOut,
        priceImpactBps: priceImpactBps(amountIn, best.amountOut, hops),
        fees,
        gasUnits,
        reserveShareBps: liquidityShareBps(hops),
        path,
      };
    },

    buildSwap(quote, options): BuiltSwap {
      const config = configOf(quote.chain);
      const recipient = checkAddress(options.recipient, 'The recipient');
      const amountIn = checkAmount(quote.amountIn, 'The amount to swap');
      const amountOutMinimum = minAmountOut(quote.amountOut, options.slippageBps);
      if (options.deadline <= 0n || options.deadline >= 2n ** 256n) throw new StrataError('INVALID_INPUT', 'The swap deadline must be a positive Unix time in seconds');
      const tokens = quote.path.filter((_, i) => i % 2 === 0).map((t) => checkAddress(t, 'A path token'));
      const fees = quote.path.filter((_, i) => i % 2 === 1).map(Number);
      if (tokens.length < 2 || fees.length !== tokens.length - 1) throw new StrataError('INVALID_INPUT', 'Not a Uniswap V3 quote path');
      const router = checkAddress(config.uniswapV3.swapRouter02, 'SwapRouter02');
      const nativeOut = quote.tokenOut.ref === 'native';
      const swapRecipient = nativeOut ? ROUTER_ADDRESS_THIS : recipient;
      const inner: Hex[] = [
        tokens.length === 2
          ? encodeFunctionData({
              abi: SWAP_ROUTER_02_ABI,
              functionName: 'exactInputSingle',
              args: [{ tokenIn: tokens[0] as Address, tokenOut: tokens[1] as Address, fee: fees[0] as number, recipient: swapRecipient, amountIn, amountOutMinimum, sqrtPriceLimitX96: 0n }],
            })
          : encodeFunctionData({ abi: SWAP_ROUTER_02_ABI, functionName: 'exactInput', args: [{ path: encodeV3Path(tokens, fees), recipient: swapRecipient, amountIn, amountOutMinimum }] }),
      ];
      if (nativeOut) inner.push(encodeFunctionData({ abi: SWAP_ROUTER_02_ABI, functionName: 'unwrapWETH9', args: [amountOutMinimum, recipient] }));
      const data = encodeFunctionData({ abi: SWAP_ROUTER_02_ABI, functionName: 'multicall', args: [options.deadline, inner] });
      const tagged = (call: { to: Address; data: Hex; value: bigint }, label: string): StepCall => ({ family: 'evm', chain: quote.chain, ...call, label });
      const label = `swap ${quote.tokenIn.symbol} for ${quote.tokenOut.symbol}`;
      if (quote.tokenIn.ref === 'native') return { calls: [tagged({ to: router, data, value: amountIn }, label)], minAmountOut: amountOutMinimum };
      const approval = buildExactApproval(tokens[0] as Address, router, amountIn);
      return { calls: [tagged(approval, `approve ${quote.tokenIn.symbol}`), tagged({ to: router, data, value: 0n }, label)], minAmountOut: amountOutMinimum };
    },

    // A token out is the pool's Transfer to the recipient; native out is WETH9's Withdrawal when the router unwraps.
    receivedAmount(logs, swap) {
      return receivedFromRouterLogs(logs, swap, configOf(swap.chain).wrappedNative);
    },
  };
}
