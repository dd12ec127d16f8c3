import { StrataError } from '../../../shared/errors';

/** A JSON-RPC 2.0 request as it arrives over HTTP (id and jsonrpc may be missing from sloppy clients). */
export interface JsonRpcRequest {
  jsonrpc?: string;
  id?: unknown;
  method: string;
  params?: unknown;
}

export interface JsonRpcErrorObject {
  code: number;
  message: string;
  data?: unknown;
}

export interface JsonRpcResponse {
  jsonrpc: '2.0';
  id: unknown;
  result?: unknown;
  error?: JsonRpcErrorObject;
}

/** Calls one JSON-RPC method and returns its result; the shape every devnet helper and deploy step talks through. */
export type RpcRequest = <T = unknown>(method: string, params?: readonly unknown[]) => Promise<T>;

/**
 * Turns a JSON-RPC error response into the one error family. The node's message is kept: on a devnet it is
 * the useful part (a revert reason, a nonce problem) and carries no secret.
 */
export function rpcErrorToStrataError(method: string, error: JsonRpcErrorObject): StrataError {
  const reverted = /revert/i.test(error.message);
  return new StrataError(reverted ? 'TX_FAILED' : 'INTERNAL', `${method}: ${error.message.slice(0, 300)}`, {
    details: JSON.stringify(error).slice(0, 4000),
  });
}

/**
 * A JSON-RPC client over HTTP (fetch). Transport failures and HTTP errors are RPC_UNAVAILABLE; error responses
 * become StrataErrors through rpcErrorToStrataError.
 */
export function httpRpc(url: string, options: { timeoutMs?: number } = {}): RpcRequest {
  let nextId = 1;
  return async <T>(method: string, params: readonly unknown[] = []): Promise<T> => {
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: nextId++, method, params }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      });
    } catch (error) {
      throw new StrataError('RPC_UNAVAILABLE', `No answer from ${url}`, { cause: error });
    }
    if (!response.ok) throw new StrataError('RPC_UNAVAILABLE', `${url} answered HTTP ${response.status}`);
    const body = (await response.json()) as JsonRpcResponse;
    if (body.error) throw rpcErrorToStrataError(method, body.error);
    return body.result as T;
  };
}
