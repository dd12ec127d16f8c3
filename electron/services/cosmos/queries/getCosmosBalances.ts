import { QueryAllBalancesRequest, QueryAllBalancesResponse } from 'cosmjs-types/cosmos/bank/v1beta1/query';
import type { Coin } from 'cosmjs-types/cosmos/base/v1beta1/coin';
import { parseBech32Address } from '../../../../shared/addresses/bech32Address';
import type { ChainInfo } from '../../../../shared/domain/chain';
import { StrataError } from '../../../../shared/errors';
import { cosmosPrefix } from '../cosmosChainId';
import { isIbcDenom } from '../ibc/ibcDenom';
import type { IbcOrigin } from '../ibc/ibcOrigin';
import { traceIbcDenom, traceIbcDenomOffline } from '../ibc/traceIbcDenom';
import { resolveCosmosAsset } from '../registry/resolveCosmosAsset';
import { abciQuery, CosmosQueryError } from '../rpc/abciQuery';
import type { CosmosRpc } from '../rpc/createCosmosRpc';

export interface CosmosBalance {
  denom: string;
  symbol: string;
  decimals: number;
  /** integer base units */
  amount: bigint;
  origin?: IbcOrigin;
}

const PAGE_LIMIT = 200n;
const MAX_PAGES = 25;
/** IBC denoms traced over the network per call; airdropped spam must not turn one balance read into hundreds. */
const MAX_ONLINE_TRACES = 32;

/**
 * Every bank balance of an address, with symbols and decimals from chain-registry and IBC denoms traced to their
 * origin (registry first, then the chain's transfer module). The native asset comes first, then the node's order
 * (by denom). Denoms the node lists with a zero amount are left out.
 * @throws StrataError INVALID_ADDRESS (wrong prefix), RPC_UNAVAILABLE, CHAIN_ID_MISMATCH
 */
export async function getCosmosBalances(client: CosmosRpc, chain: ChainInfo, address: string): Promise<CosmosBalance[]> {
  const owner = parseBech32Address(address, cosmosPrefix(chain)).address;
  const coins = await client.withNode(async (node) => {
    const all: Coin[] = [];
    let key: Uint8Array = new Uint8Array();
    for (let page = 0; page < MAX_PAGES; page++) {
      const request = QueryAllBalancesRequest.fromPartial({ address: owner, pagination: { key, limit: PAGE_LIMIT } });
      let response: QueryAllBalancesResponse;
      try {
        response = QueryAllBalancesResponse.decode(
          await abciQuery(node, '/cosmos.bank.v1beta1.Query/AllBalances', QueryAllBalancesRequest.encode(request).finish()),
        );
      } catch (error) {
        if (error instanceof CosmosQueryError) {
          throw new StrataError('RPC_UNAVAILABLE', `${node.label} could not answer the balance query`, { details: error.message });
        }
        throw error;
      }
      all.push(...response.balances);
      key = response.pagination?.nextKey ?? new Uint8Array();
      if (key.length === 0) break;
    }
    return all;
  });

  let traced = 0;
  const balances = await Promise.all(
    coins.map(async (coin): Promise<CosmosBalance | null> => {
      const amount = parseCoinAmount(coin.amount);
      if (amount === 0n) return null;
      let origin: IbcOrigin | null = traceIbcDenomOffline(chain, coin.denom);
      if (origin === null && isIbcDenom(coin.denom) && traced < MAX_ONLINE_TRACES) {
        traced += 1;
        origin = await traceIbcDenom(chain, coin.denom, client);
      }
      return { ...resolveCosmosAsset(chain, coin.denom, origin), amount };
    }),
  );
  const listed = balances.filter((b): b is CosmosBalance => b !== null);
  const native = listed.filter((b) => b.denom === chain.nativeAsset.denom);
  return [...native, ...listed.filter((b) => b.denom !== chain.nativeAsset.denom)];
}

function parseCoinAmount(amount: string): bigint {
  if (!/^[0-9]{1,78}$/.test(amount)) throw new StrataError('RPC_UNAVAILABLE', 'The node returned a malformed balance');
  return BigInt(amount);
}
