import { StrataError } from '../../../shared/errors';
import type { ChainEndpoint } from '../chains/chainAdapter';
import { createFailoverRpc, type FailoverRpc, type FailoverRpcOptions } from '../rpc/createFailoverRpc';
import { sanitizeNodeText } from '../rpc/rpcErrors';
import { evmChainId } from './evmChainId';

export type EvmRpcOptions = Pick<FailoverRpcOptions, 'timeoutMs' | 'headers' | 'onRequest'>;

/**
 * The failover JSON-RPC client of one EVM chain. Each endpoint must answer `eth_chainId` with the chain's id before
 * it is used (checked once, and again after the endpoint failed); an endpoint that serves another chain is never used.
 * @throws UNKNOWN_CHAIN, INVALID_INPUT, RPC_UNAVAILABLE (no endpoint) — requests: RPC_UNAVAILABLE, CHAIN_ID_MISMATCH
 */
export function createEvmRpc(target: ChainEndpoint, options: EvmRpcOptions = {}): FailoverRpc {
  const expected = evmChainId(target.chain);
  return createFailoverRpc(target.endpoints, {
    ...options,
    name: target.chain.name,
    async verifyEndpoint(call, label) {
      const answer = await call<unknown>('eth_chainId');
      if (typeof answer !== 'string' || !/^0x[0-9a-fA-F]{1,16}$/.test(answer)) {
        throw new StrataError('RPC_UNAVAILABLE', `${label} gave an unusable eth_chainId answer`);
      }
      const served = BigInt(answer);
      if (served !== expected) {
        throw new StrataError('CHAIN_ID_MISMATCH', `${label} serves chain eip155:${sanitizeNodeText(served.toString(), 24)}, not ${target.chain.name} (eip155:${expected})`);
      }
    },
  });
}
