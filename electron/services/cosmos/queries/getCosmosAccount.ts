import { QueryAccountRequest, QueryAccountResponse } from 'cosmjs-types/cosmos/auth/v1beta1/query';
import { parseBech32Address } from '../../../../shared/addresses/bech32Address';
import type { ChainInfo } from '../../../../shared/domain/chain';
import { StrataError } from '../../../../shared/errors';
import { cosmosPrefix } from '../cosmosChainId';
import { abciQuery, CosmosQueryError } from '../rpc/abciQuery';
import type { CosmosRpc } from '../rpc/createCosmosRpc';
import { decodeCosmosAccount, type CosmosAccount } from './decodeCosmosAccount';

/** The SDK's ErrKeyNotFound: the auth module's answer for an address that never received anything. */
const KEY_NOT_FOUND = 22;

/**
 * Account number and sequence of an address, or null when the chain has no account for it yet (it never received
 * funds).
 * @throws StrataError INVALID_ADDRESS, RPC_UNAVAILABLE, CHAIN_ID_MISMATCH
 */
export async function getCosmosAccount(client: CosmosRpc, chain: ChainInfo, address: string): Promise<CosmosAccount | null> {
  const owner = parseBech32Address(address, cosmosPrefix(chain)).address;
  return client.withNode(async (node) => {
    let bytes: Uint8Array;
    try {
      bytes = await abciQuery(node, '/cosmos.auth.v1beta1.Query/Account', QueryAccountRequest.encode({ address: owner }).finish());
    } catch (error) {
      if (error instanceof CosmosQueryError) {
        // SDK 0.45 wrapped gRPC's NotFound in a generic code; its log still says so.
        if (error.abciCode === KEY_NOT_FOUND || /not found/i.test(error.log)) return null;
        throw new StrataError('RPC_UNAVAILABLE', `${node.label} could not answer the account query`, { details: error.message });
      }
      throw error;
    }
    const { account } = QueryAccountResponse.decode(bytes);
    return account === undefined ? null : decodeCosmosAccount(account);
  });
}
