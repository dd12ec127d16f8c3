import { StrataError } from '../../../../shared/errors';
import {
  decodeEstimateSwapExactAmountIn,
  encodeEstimateSwapExactAmountIn,
  ESTIMATE_SWAP_EXACT_AMOUNT_IN_PATH,
  type SwapAmountInRoute,
} from '../../cosmos/osmosis/poolManagerTypes';
import { abciQuery, CosmosQueryError } from '../../cosmos/rpc/abciQuery';
import type { CosmosRpc } from '../../cosmos/rpc/createCosmosRpc';

/**
 * What Osmosis' poolmanager would pay out now for `amountIn` of `denomIn` along `routes`
 * (`EstimateSwapExactAmountIn` over abci_query), in base units of the last route's denom.
 * @throws StrataError PRICE_UNAVAILABLE (the pool refused: no liquidity, unknown pool), RPC_UNAVAILABLE
 */
export async function estimateSwapExactAmountIn(rpc: CosmosRpc, amountIn: bigint, denomIn: string, routes: readonly SwapAmountInRoute[]): Promise<bigint> {
  const first = routes[0];
  if (first === undefined) throw new StrataError('INVALID_INPUT', 'A swap needs at least one pool');
  const request = encodeEstimateSwapExactAmountIn({ poolId: first.poolId, tokenIn: `${amountIn}${denomIn}`, routes });
  const text = await rpc.withNode(async (node) => {
    try {
      return decodeEstimateSwapExactAmountIn(await abciQuery(node, ESTIMATE_SWAP_EXACT_AMOUNT_IN_PATH, request));
    } catch (error) {
      if (error instanceof CosmosQueryError) {
        throw new StrataError('PRICE_UNAVAILABLE', `Osmosis cannot quote this swap (pool ${first.poolId})`, { details: error.message });
      }
      throw error;
    }
  });
  if (!/^[0-9]{1,78}$/.test(text)) throw new StrataError('PRICE_UNAVAILABLE', 'Osmosis returned no amount for this swap');
  return BigInt(text);
}
