import type { ChainFamily } from '../../../shared/domain/chain';
import { StrataError } from '../../../shared/errors';
import { endpointLabel } from '../rpc/endpointLabel';
import { checkEndpointUrl } from '../rpc/failover';
import { postJsonRpc } from '../rpc/postJsonRpc';
import { RpcResponseError } from '../rpc/rpcErrors';

const PROBE_TIMEOUT_MS = 8_000;

/**
 * Asks a node which chain it serves, over the one JSON-RPC transport: `eth_chainId` for EVM (as a CAIP-2 id
 * `eip155:<n>`), CometBFT `status` (`node_info.network`, as `cosmos:<id>`) for Cosmos.
 * @throws INVALID_INPUT for a URL that is not http(s); RPC_UNAVAILABLE when the node does not answer usefully (the
 *   message names the host only)
 */
export async function probeChainId(url: string, family: ChainFamily): Promise<string> {
  const target = checkEndpointUrl(url);
  const host = endpointLabel(target);
  const request = family === 'evm' ? { jsonrpc: '2.0' as const, id: 1, method: 'eth_chainId', params: [] } : { jsonrpc: '2.0' as const, id: 1, method: 'status', params: {} };
  let result: unknown;
  try {
    [result] = await postJsonRpc(target, [request], { timeoutMs: PROBE_TIMEOUT_MS });
  } catch (error) {
    throw new StrataError('RPC_UNAVAILABLE', `${host} did not answer`, { cause: error });
  }
  if (result instanceof RpcResponseError) throw new StrataError('RPC_UNAVAILABLE', `${host} refused ${request.method}`, { cause: result });
  if (family === 'evm' && typeof result === 'string' && /^0x[0-9a-f]{1,16}$/i.test(result)) return `eip155:${BigInt(result).toString()}`;
  const network = (result as { node_info?: { network?: unknown } } | undefined)?.node_info?.network;
  if (family === 'cosmos' && typeof network === 'string') return `cosmos:${network.replace(/[^\x20-\x7e]/g, '?').slice(0, 64)}`;
  throw new StrataError('RPC_UNAVAILABLE', `${host} did not say which chain it serves`);
}
