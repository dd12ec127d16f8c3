import type { ChainFamily } from '../../../shared/domain/chain';
import { StrataError } from '../../../shared/errors';
import { endpointLabel } from '../rpc/endpointLabel';

const PROBE_TIMEOUT_MS = 8_000;

/**
 * Asks a node which chain it serves: `eth_chainId` for EVM (as a CAIP-2 id `eip155:<n>`), CometBFT `status`
 * (`node_info.network`, as `cosmos:<id>`) for Cosmos.
 * @throws RPC_UNAVAILABLE when the node does not answer usefully (the message names the host only)
 */
export async function probeChainId(url: string, family: ChainFamily): Promise<string> {
  const host = endpointLabel(url);
  const body = family === 'evm' ? { jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] } : { jsonrpc: '2.0', id: 1, method: 'status', params: {} };
  let json: unknown;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
      redirect: 'error',
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    json = await response.json();
  } catch (error) {
    throw new StrataError('RPC_UNAVAILABLE', `${host} did not answer`, { cause: error });
  }
  const result = (json as { result?: unknown }).result;
  if (family === 'evm' && typeof result === 'string' && /^0x[0-9a-f]+$/i.test(result)) return `eip155:${BigInt(result).toString()}`;
  const network = (result as { node_info?: { network?: unknown } } | undefined)?.node_info?.network;
  if (family === 'cosmos' && typeof network === 'string') return `cosmos:${network}`;
  throw new StrataError('RPC_UNAVAILABLE', `${host} did not say which chain it serves`);
}
