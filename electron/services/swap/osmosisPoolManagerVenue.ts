import { cosmosEventsOfLogs, parseCoinText } from '../cosmos/tx/eventLogs';
import type { AssetInfo } from '../../../shared/domain/asset';
import type { CaipChainId, ChainInfo } from '../../../shared/domain/chain';
import { StrataError } from '../../../shared/errors';
import { describeCosmosDenom } from '../assets/cosmosAssets';
import { nativeAssetOf } from '../assets/nativeAsset';
import { denomOfAsset } from '../bridges/ibcTransfer/ibcPaths';
import { MSG_SWAP_EXACT_AMOUNT_IN_TYPE_URL, type MsgSwapExactAmountIn, type SwapAmountInRoute } from '../cosmos/osmosis/poolManagerTypes';
import type { ProviderFee } from '../routing/routingTypes';
import type { CosmosRpc } from '../cosmos/rpc/createCosmosRpc';
import { estimateSwapExactAmountIn } from './osmosisPoolManager/estimateSwapExactAmountIn';
import { OSMOSIS_POOLS, poolRoute, type OsmosisPool } from './osmosisPoolManager/osmosisPools';
import type { SwapPair, SwapQuote, SwapVenue } from './swapVenue';
import { minAmountOut } from '../evm/minAmountOut';

/** Gas of one poolmanager swap at most (concentrated-liquidity swaps crossing ticks use up to about 300k). */
export const OSMOSIS_SWAP_GAS = 350_000n;

export interface OsmosisVenueOptions {
  /** Osmosis (osmosis-1, or a chain with the same poolmanager) */
  chain: ChainInfo;
  rpc(chain: CaipChainId): CosmosRpc;
  /** default OSMOSIS_POOLS */
  pools?: readonly OsmosisPool[];
}

/**
 * Osmosis' poolmanager as a SwapVenue (provider 'osmosis-poolmanager'): a pool (or two) per pair from a small table, quotes
 * by the chain's own `EstimateSwapExactAmountIn`, and a MsgSwapExactAmountIn with the minimum out. Price impact is
 * read against a quote of a thousandth of the amount (the pool's marginal price, near enough).
 */
export function createOsmosisPoolManagerVenue(options: OsmosisVenueOptions): SwapVenue {
  const { chain } = options;
  const pools = options.pools ?? OSMOSIS_POOLS;
  const assetOf = (denom: string): AssetInfo => (denom === chain.nativeAsset.denom ? nativeAssetOf(chain) : describeCosmosDenom(chain, denom));
  const denoms = [...new Set(pools.flatMap((p) => p.denoms))];
  return {
    id: 'osmosis-poolmanager',
    pairs(at) {
      if (at !== chain.id) return [];
      return denoms.flatMap((denomIn) =>
        denoms.flatMap((denomOut): SwapPair[] => (poolRoute(pools, denomIn, denomOut) === undefined ? [] : [{ tokenIn: assetOf(denomIn), tokenOut: assetOf(denomOut) }])),
      );
    },
    async quote(at, tokenIn, tokenOut, amountIn): Promise<SwapQuote> {
      if (at !== chain.id) throw new StrataError('INVALID_INPUT', 'Osmosis swaps only on Osmosis');
      if (typeof amountIn !== 'bigint' || amountIn <= 0n) throw new StrataError('INVALID_AMOUNT', 'The amount to swap must be positive');
      const denomIn = denomOfAsset(chain, tokenIn);
      const denomOut = denomOfAsset(chain, tokenOut);
      const hops = poolRoute(pools, denomIn, denomOut);
      if (hops === undefined) throw new StrataError('INVALID_INPUT', `Osmosis has no pool for ${tokenIn.symbol} -> ${tokenOut.symbol} here`);
      const rpc = options.rpc(chain.id);
      const routes = hops.map((h) => ({ poolId: h.pool.poolId, tokenOutDenom: h.tokenOutDenom }));
      const amountOut = await estimateSwapExactAmountIn(rpc, amountIn, denomIn, routes);
      // Each pool's fee in its own input: the second hop's input is what the first one pays out.
      const fees: ProviderFee[] = [];
      let hopIn = amountIn;
      let hopAsset = tokenIn;
      for (const [i, hop] of hops.entries()) {
        fees.push({ kind: 'swap', chain: chain.id, asset: hopAsset, amount: (hopIn * BigInt(hop.pool.spreadFactorBps)) / 10_000n });
        if (i + 1 < hops.length) {
          hopIn = await estimateSwapExactAmountIn(rpc, hopIn, denomOfAsset(chain, hopAsset), [routes[i] as SwapAmountInRoute]);
          hopAsset = assetOf(hop.tokenOutDenom);
        }
      }
      const probeIn = amountIn / 1000n;
      let priceImpactBps = 0;
      if (probeIn > 0n) {
        const probeOut = await estimateSwapExactAmountIn(rpc, probeIn, denomIn, routes);
        // impact = 1 - (out/in) / (probeOut/probeIn), with the probe scaled up to the full input.
        const marginal = (probeOut * amountIn) / probeIn;
        if (marginal > amountOut && marginal > 0n) priceImpactBps = Number(((marginal - amountOut) * 10_000n) / marginal);
      }
      return {
        venue: 'osmosis-poolmanager',
        chain: chain.id,
        tokenIn,
        tokenOut,
        amountIn,
        amountOut,
        priceImpactBps,
        fees,
        gasUnits: OSMOSIS_SWAP_GAS,
        reserveShareBps: 0,
        path: routes.flatMap((r) => [r.poolId.toString(), r.tokenOutDenom]),
      };
    },
    buildSwap(quote, build) {
      const minimum = minAmountOut(quote.amountOut, build.slippageBps);
      const routes: SwapAmountInRoute[] = [];
      for (let i = 0; i + 1 < quote.path.length; i += 2) {
        const poolId = quote.path[i] as string;
        if (!/^[0-9]{1,20}$/.test(poolId)) throw new StrataError('INVALID_INPUT', 'Not an Osmosis quote');
        routes.push({ poolId: BigInt(poolId), tokenOutDenom: quote.path[i + 1] as string });
      }
      if (routes.length === 0 || quote.path.length % 2 !== 0) throw new StrataError('INVALID_INPUT', 'Not an Osmosis quote');
      const value: MsgSwapExactAmountIn = {
        // The swapper receives: poolmanager pays the output to the sender, so the recipient signs.
        sender: build.recipient,
        routes,
        tokenIn: { denom: denomOfAsset(chain, quote.tokenIn), amount: quote.amountIn.toString() },
        tokenOutMinAmount: minimum.toString(),
      };
      return { calls: [{ family: 'cosmos', chain: chain.id, typeUrl: MSG_SWAP_EXACT_AMOUNT_IN_TYPE_URL, value, label: 'swap' }], minAmountOut: minimum };
    },

    receivedAmount(logs, swap) {
      // The final hop's payout: the last `token_swapped` event's tokens_out, in the output denom.
      const swapped = cosmosEventsOfLogs(logs).filter((e) => e.type === 'token_swapped');
      const coin = parseCoinText(swapped[swapped.length - 1]?.attributes.find((a) => a.key === 'tokens_out')?.value ?? '');
      return coin !== null && coin.denom === denomOfAsset(chain, swap.tokenOut) ? coin.amount : null;
    },
  };
}
