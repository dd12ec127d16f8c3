import type { RpcClient } from '@cosmjs/tendermint-rpc';
import { postJsonRpc } from '../../rpc/postJsonRpc';
import { RpcResponseError } from '../../rpc/rpcErrors';

type JsonRpcRequest = Parameters<RpcClient['execute']>[0];
type JsonRpcSuccess = Awaited<ReturnType<RpcClient['execute']>>;

export { endpointLabel } from '../../rpc/endpointLabel';
export { RpcResponseError, RpcTransportError } from '../../rpc/rpcErrors';

/**
 * A cosmjs RpcClient over the one HTTP JSON-RPC transport of Strata (rpc/postJsonRpc.ts): transport failures are
 * RpcTransportError, JSON-RPC error answers RpcResponseError (cosmjs' own HttpClient reports both alike).
 */
export function httpRpcClient(url: string, options: { timeoutMs: number; headers?: Record<string, string> }): RpcClient {
  return {
    disconnect: () => undefined,
    async execute(request: JsonRpcRequest): Promise<JsonRpcSuccess> {
      const [answer] = await postJsonRpc(url, [{ jsonrpc: '2.0', id: request.id, method: request.method, params: request.params }], options);
      if (answer instanceof RpcResponseError) throw answer;
      return { jsonrpc: '2.0', id: request.id, result: answer };
    },
  };
}
