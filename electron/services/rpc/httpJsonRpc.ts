import { postJsonRpc, type PostJsonRpcOptions } from './postJsonRpc';
import { RpcResponseError } from './rpcErrors';

/** Calls one JSON-RPC method and resolves with its `result`. */
export type JsonRpcCall = <T = unknown>(method: string, params?: readonly unknown[]) => Promise<T>;

/** One request of a batch. */
export interface JsonRpcBatchEntry {
  method: string;
  params?: readonly unknown[];
}

/** Sends several requests in one HTTP exchange; each entry is the result or that request's RpcResponseError. */
export type JsonRpcBatchCall = (entries: readonly JsonRpcBatchEntry[]) => Promise<Array<unknown | RpcResponseError>>;

export type HttpJsonRpcOptions = PostJsonRpcOptions;

/** One endpoint's JSON-RPC calls: single requests and batches. */
export interface HttpJsonRpc {
  call: JsonRpcCall;
  batch: JsonRpcBatchCall;
}

/**
 * JSON-RPC 2.0 over HTTP POST to one endpoint (EVM style: params are an array). Transport failures throw
 * RpcTransportError; a JSON-RPC error object throws RpcResponseError (see postJsonRpc for the rule).
 */
export function httpJsonRpc(url: string, options: HttpJsonRpcOptions): JsonRpcCall {
  return httpJsonRpcWithBatch(url, options).call;
}

/** httpJsonRpc plus batches, sharing one id sequence. */
export function httpJsonRpcWithBatch(url: string, options: HttpJsonRpcOptions): HttpJsonRpc {
  let nextId = 1;
  const call: JsonRpcCall = async <T>(method: string, params: readonly unknown[] = []): Promise<T> => {
    const [answer] = await postJsonRpc(url, [{ jsonrpc: '2.0', id: nextId++, method, params }], options);
    if (answer instanceof RpcResponseError) throw answer;
    return answer as T;
  };
  const batch: JsonRpcBatchCall = (entries) =>
    postJsonRpc(
      url,
      entries.map((entry) => ({ jsonrpc: '2.0' as const, id: nextId++, method: entry.method, params: entry.params ?? [] })),
      options,
    );
  return { call, batch };
}
