import { encodeFunctionData, getAddress } from 'viem';
import type { AssetInfo } from '../../../shared/domain/asset';
import type { CaipChainId } from '../../../shared/domain/chain';
import { StrataError } from '../../../shared/errors';
import type { ChainRpcs, ProviderFee, StepCall } from '../routing/routingTypes';
import type { BuiltSwap, SwapPair, SwapVenue } from './swapVenue';
import { buildExactApproval, EXACT_APPROVAL_GAS } from '../evm/buildExactApproval';
import { buildSwapExactIn } from './uniswapV2/buildSwapExactIn';
import { receivedFromRouterLogs } from './receivedFromRouterLogs';
import { getAmountOut, UNISWAP_V2_FEE_BPS } from './uniswapV2/getAmountOut';
import { minAmountOut } from '../evm/minAmountOut';
import { readPairReserves } from './uniswapV2/readPairReserves';
import { UNISWAP_V2_ROUTER_ABI } from './uniswapV2/uniswapV2Abi';
import { checkAddress, checkAmount, type Address, type SwapToken, type UniswapV2Deployment } from './uniswapV2/uniswapV2Types';

/** One chain's Uniswap V2 deployment and what trades on it. */
export interface UniswapV2VenueChain {
  chain: CaipChainId;
  deployment: UniswapV2Deployment;
  /** The tradable assets, `native` included (it trades as the router's WETH). */
  assets: readonly AssetInfo[];
  /** The pools, by the refs of their two tokens (`native` may stand for WETH). */
  pools: ReadonlyArray<readonly [string, string]>;
}

/** Router paths of at most this many pools: two covers token -> WETH -> token. */
export const MAX_HOPS = 2;
/**
 * Gas of a router swap through one pool at most (ETH -> SBT to a first-time holder: 145k on the devnet), and per
 * extra pool. Fee estimates, not gas limits: the executor estimates each transaction before signing.
 */
export const SWAP_GAS = 200_000n;
export const EXTRA_HOP_GAS = 100_000n;

/**
 * The Uniswap V2 swap venue over the colleague's quote and calldata code (./uniswapV2/): quotes read each pool's
 * reserves and apply getAmountOut hop by hop (equal to the router's getAmountsOut), single-pool swaps are built
 * with buildSwapExactIn, multi-pool ones with the same router functions along the longer path.
 */
export function createUniswapV2SwapVenue(chains: readonly UniswapV2VenueChain[], rpcs: ChainRpcs): SwapVenue {
  const configOf = (chain: CaipChainId): UniswapV2VenueChain => {
    const found = chains.find((c) => c.chain === chain);
    if (!found) throw new StrataError('INVALID_INPUT', `Uniswap V2 is not configured on ${chain}`);
    return found;
  };
  const addressOf = (config: UniswapV2VenueChain, ref: string): Address => (ref === 'native' ? getAddress(config.deployment.weth) : checkAddress(ref, 'A token'));
  const assetAt = (config: UniswapV2VenueChain, address: string): AssetInfo => {
    const found = config.assets.find((a) => a.ref !== 'native' && getAddress(a.ref) === getAddress(address));
    if (!found) throw new StrataError('UNKNOWN_ASSET', `Uniswap V2 path token ${address} is not a listed asset`);
    return found;
  };

  /** Shortest pool path from tokenIn to tokenOut (breadth first), or undefined. */
  const findPath = (config: UniswapV2VenueChain, tokenIn: AssetInfo, tokenOut: AssetInfo): Address[] | undefined => {
    const from = addressOf(config, tokenIn.ref);
    const to = addressOf(config, tokenOut.ref);
    if (from === to) return undefined;
    const edges = config.pools.map(([a, b]) => [addressOf(config, a), addressOf(config, b)] as const);
    let frontier: Address[][] = [[from]];
    for (let hop = 0; hop < MAX_HOPS; hop++) {
      const next: Address[][] = [];
      for (const path of frontier) {
        const last = path[path.length - 1] as Address;
        for (const [a, b] of edges) {
          const other = a === last ? b : b === last ? a : undefined;
          if (other === undefined || path.includes(other)) continue;
          if (other === to) return [...path, other];
          next.push([...path, other]);
        }
      }
      frontier = next;
    }
    return undefined;
  };

  const swapToken = (asset: AssetInfo): SwapToken => (asset.ref === 'native' ? 'native' : checkAddress(asset.ref, 'A token'));

  return {
    id: 'uniswap-v2',

    pairs(chain) {
      const config = chains.find((c) => c.chain === chain);
      if (!config) return [];
      const pairs: SwapPair[] = [];
      for (const tokenIn of config.assets) {
        for (const tokenOut of config.assets) {
          if (tokenIn !== tokenOut && findPath(config, tokenIn, tokenOut)) pairs.push({ tokenIn, tokenOut });
        }
      }
      return pairs;
    },

    async quote(chain, tokenIn, tokenOut, amountIn) {
      checkAmount(amountIn, 'The amount to swap');
      const config = configOf(chain);
      const path = findPath(config, tokenIn, tokenOut);
      if (!path) throw new StrataError('INVALID_INPUT', `Uniswap V2 has no pool path from ${tokenIn.symbol} to ${tokenOut.symbol} on ${chain}`);
      const rpc = rpcs.rpc(chain);
      const hops = await Promise.all(path.slice(1).map((out, i) => readPairReserves(rpc, config.deployment.factory, path[i] as Address, out)));
      const fees: ProviderFee[] = [];
      let amount = amountIn;
      let reserveShareBps = 0;
      // Price impact of the whole path against the product of mid prices: 1 - out·Π reserveIn / (in·Π reserveOut).
      let midNumerator = amountIn;
      let outScaled = 1n;
      for (const [i, hop] of hops.entries()) {
        const hopAsset = i === 0 ? tokenIn : assetAt(config, path[i] as Address);
        fees.push({ kind: 'swap', chain, asset: hopAsset, amount: (amount * BigInt(UNISWAP_V2_FEE_BPS)) / 10_000n });
        reserveShareBps = Math.max(reserveShareBps, Number((amount * 10_000n) / hop.reserveIn));
        amount = getAmountOut(amount, hop.reserveIn, hop.reserveOut);
        midNumerator *= hop.reserveOut;
        outScaled *= hop.reserveIn;
      }
      const shortfall = midNumerator - amount * outScaled;
      const priceImpactBps = shortfall <= 0n ? 0 : Number((shortfall * 10_000n) / midNumerator);
      const gasUnits = SWAP_GAS + EXTRA_HOP_GAS * BigInt(hops.length - 1) + (tokenIn.ref === 'native' ? 0n : EXACT_APPROVAL_GAS);
      return { venue: 'uniswap-v2', chain, tokenIn, tokenOut, amountIn, amountOut: amount, priceImpactBps, fees, gasUnits, reserveShareBps, path };
    },

    buildSwap(quote, options): BuiltSwap {
      const config = configOf(quote.chain);
      const recipient = checkAddress(options.recipient, 'The recipient');
      const tagged = (call: { to: Address; data: `0x${string}`; value: bigint }, label: string): StepCall => ({ family: 'evm', chain: quote.chain, ...call, label });
      if (quote.path.length === 2) {
        const plan = buildSwapExactIn(config.deployment, {
          tokenIn: swapToken(quote.tokenIn),
          tokenOut: swapToken(quote.tokenOut),
          amountIn: quote.amountIn,
          quotedAmountOut: quote.amountOut,
          slippageBps: options.slippageBps,
          recipient,
          deadline: options.deadline,
        });
        const calls = plan.approval ? [tagged(plan.approval, `approve ${quote.tokenIn.symbol}`)] : [];
        calls.push(tagged(plan.swap, `swap ${quote.tokenIn.symbol} for ${quote.tokenOut.symbol}`));
        return { calls, minAmountOut: plan.amountOutMin };
      }
      // Longer paths: the same router functions buildSwapExactIn picks, along the whole path.
      const amountIn = checkAmount(quote.amountIn, 'The amount to swap');
      const amountOutMin = minAmountOut(quote.amountOut, options.slippageBps);
      if (options.deadline <= 0n || options.deadline >= 2n ** 256n) throw new StrataError('INVALID_INPUT', 'The swap deadline must be a positive Unix time in seconds');
      const path = quote.path.map((p) => checkAddress(p, 'A path token'));
      const router = checkAddress(config.deployment.router, 'The router');
      const label = `swap ${quote.tokenIn.symbol} for ${quote.tokenOut.symbol}`;
      if (quote.tokenIn.ref === 'native') {
        const data = encodeFunctionData({ abi: UNISWAP_V2_ROUTER_ABI, functionName: 'swapExactETHForTokens', args: [amountOutMin, path, recipient, options.deadline] });
        return { calls: [tagged({ to: router, data, value: amountIn }, label)], minAmountOut: amountOutMin };
      }
      const approval = buildExactApproval(path[0] as Address, router, amountIn);
      const method = quote.tokenOut.ref === 'native' ? 'swapExactTokensForETH' : 'swapExactTokensForTokens';
      const data = encodeFunctionData({ abi: UNISWAP_V2_ROUTER_ABI, functionName: method, args: [amountIn, amountOutMin, path, recipient, options.deadline] });
      return { calls: [tagged(approval, `approve ${quote.tokenIn.symbol}`), tagged({ to: router, data, value: 0n }, label)], minAmountOut: amountOutMin };
    },

    receivedAmount(logs, swap) {
      return receivedFromRouterLogs(logs, swap, configOf(swap.chain).deployment.weth);
    },
  };
}
