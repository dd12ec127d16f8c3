import type { ChainEndpoint } from '../chains/chainAdapter';
import { createFailoverRpc, type FailoverRpc, type FailoverRpcOptions } from '../rpc/createFailoverRpc';
import { EndpointMismatchError, RpcTransportError, sanitizeNodeText } from '../rpc/rpcErrors';
import { evmChainId } from './evmChainId';

export type EvmRpcOptions = Pick<FailoverRpcOptions, 'timeoutMs' | 'headers' | 'onRequest' | 'onRoundTrip'>;

/**
 * The failover JSON-RPC client of one EVM chain. Each endpoint must answer `eth_chainId` with the chain's id before
 * its answers are used: the check rides in the same batch as the endpoint's first request (one round trip), and is
 * made again after the endpoint failed; an endpoint that serves another chain is never used.
 * Code outside tests gets a chain's client from chainClients (one per chain, kept while its endpoints stay the same).
 * @throws UNKNOWN_CHAIN, INVALID_INPUT, RPC_UNAVAILABLE (no endpoint) — requests: RPC_UNAVAILABLE, CHAIN_ID_MISMATCH
 */
export function createEvmRpc(target: ChainEndpoint, options: EvmRpcOptions = {}): FailoverRpc {
  const expected = evmChainId(target.chain);
  return createFailoverRpc(target.endpoints, {
    ...options,
    name: target.chain.name,
    verifyEndpoint: {
      method: 'eth_chainId',
      check(answer, label) {
        if (typeof answer !== 'string' || !/^0x[0-9a-fA-F]{1,16}$/.test(answer)) throw new RpcTransportError(label, 'gave an unusable eth_chainId answer');
        const served = BigInt(answer);
        if (served !== expected) {
          throw new EndpointMismatchError(`${label} serves chain eip155:${sanitizeNodeText(served.toString(), 24)}, not ${target.chain.name} (eip155:${expected})`);
        }
      },
    },
  });
}
