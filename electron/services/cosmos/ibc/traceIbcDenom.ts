import type { ChainInfo } from '../../../../shared/domain/chain';
import { assetIndexFor, denomKey } from '../registry/assetIndex';
import type { CosmosRpc } from '../rpc/createCosmosRpc';
import { ibcDenom, isIbcDenom } from './ibcDenom';
import type { IbcTrace } from './ibcOrigin';
import { queryDenomTrace } from './queryDenomTrace';

/**
 * Resolves an `ibc/<HASH>` denom on a chain from the bundled chain-registry asset list, without any network.
 * Null for a denom that is not IBC or that the registry does not list.
 */
export function traceIbcDenomOffline(chain: Pick<ChainInfo, 'id'>, denom: string): IbcTrace | null {
  if (!isIbcDenom(denom)) return null;
  const key = denomKey(denom);
  const origin = assetIndexFor(chain)?.ibcOrigins.get(key);
  return origin === undefined ? null : { ...origin, denom: key, source: 'registry' };
}

/**
 * Resolves an `ibc/<HASH>` denom to its origin: offline from the registry first, then (with a client) from the chain's
 * transfer module. A node's answer is used only if it hashes back to the denom. Null when neither knows it.
 * @throws StrataError RPC_UNAVAILABLE / CHAIN_ID_MISMATCH from the client
 */
export async function traceIbcDenom(chain: Pick<ChainInfo, 'id'>, denom: string, client?: CosmosRpc): Promise<IbcTrace | null> {
  const offline = traceIbcDenomOffline(chain, denom);
  if (offline !== null || client === undefined || !isIbcDenom(denom)) return offline;
  const key = denomKey(denom);
  const answer = await client.withNode((node) => queryDenomTrace(node, key.slice(4)));
  if (answer === null || answer.path === '') return null;
  let hashed: string;
  try {
    hashed = ibcDenom(answer.path, answer.baseDenom);
  } catch {
    return null;
  }
  if (hashed !== key) return null;
  const firstHop = answer.path.split('/').slice(0, 2).join('/');
  const sender = assetIndexFor(chain)?.counterparties.get(firstHop) ?? null;
  return { chain: sender, baseDenom: answer.baseDenom, path: answer.path, denom: key, source: 'node' };
}
