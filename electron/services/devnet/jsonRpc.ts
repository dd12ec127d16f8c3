import { StrataError } from '../../../shared/errors';
import { createFailoverRpc } from '../rpc/createFailoverRpc';

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
 * A JSON-RPC client over HTTP for one devnet endpoint: the wallet's own failover client with a single endpoint
 * (transport failures are RPC_UNAVAILABLE, a revert TX_FAILED, other error responses INTERNAL).
 */
export function httpRpc(url: string, options: { timeoutMs?: number } = {}): RpcRequest {
  const rpc = createFailoverRpc([url], { timeoutMs: options.timeoutMs ?? 30_000 });
  return <T>(method: string, params: readonly unknown[] = []) => rpc.request<T>(method, params);
}
