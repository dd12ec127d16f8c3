import type { RpcClient } from '@cosmjs/tendermint-rpc';
import { endpointLabel } from '../../rpc/endpointLabel';

type JsonRpcRequest = Parameters<RpcClient['execute']>[0];
type JsonRpcSuccess = Awaited<ReturnType<RpcClient['execute']>>;

/** Largest response body we read: a node cannot make the wallet buffer without bound. */
const MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

/**
 * The endpoint could not be used: unreachable, timed out, an HTTP error status, or a body that is not JSON-RPC.
 * The failover moves on to the next endpoint on this error, and only on this one.
 */
export class RpcTransportError extends Error {
  constructor(
    readonly endpoint: string,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${endpoint}: ${reason}`, options);
    this.name = 'RpcTransportError';
  }
}

/** The node answered with a JSON-RPC error object (e.g. `tx (ABC...) not found`): the endpoint works. */
export class RpcResponseError extends Error {
  constructor(
    readonly code: number,
    readonly rpcMessage: string,
    readonly data: string,
  ) {
    super(`JSON-RPC error ${code}: ${rpcMessage}${data ? ` (${data})` : ''}`);
    this.name = 'RpcResponseError';
  }
}

export { endpointLabel } from '../../rpc/endpointLabel';

/**
 * A cosmjs RpcClient over HTTP POST with a per-request timeout. It tells transport failures (RpcTransportError) apart
 * from JSON-RPC errors (RpcResponseError), which cosmjs' own HttpClient reports alike.
 */
export function httpRpcClient(url: string, options: { timeoutMs: number; headers?: Record<string, string> }): RpcClient {
  const label = endpointLabel(url);
  return {
    disconnect: () => undefined,
    async execute(request: JsonRpcRequest): Promise<JsonRpcSuccess> {
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...options.headers },
          body: JSON.stringify(request),
          signal: AbortSignal.timeout(options.timeoutMs),
          // A redirect could send signed transactions and API-key headers to a host the user never configured.
          redirect: 'error',
        });
      } catch (error) {
        const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
        throw new RpcTransportError(label, timedOut ? `no answer within ${options.timeoutMs} ms` : 'unreachable', { cause: error });
      }
      // Rate limits and gateway errors say nothing about the node behind: try the next endpoint.
      if (response.status === 429 || response.status >= 502) throw new RpcTransportError(label, `HTTP ${response.status}`);
      let text: string;
      try {
        text = await readLimited(response);
      } catch (error) {
        throw new RpcTransportError(label, 'the response could not be read', { cause: error });
      }
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        throw new RpcTransportError(label, `HTTP ${response.status} without a JSON-RPC body`);
      }
      return parseJsonRpc(label, request, response.status, body);
    },
  };
}

async function readLimited(response: Response): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > MAX_RESPONSE_BYTES) throw new Error('response too large');
  const text = await response.text();
  if (text.length > MAX_RESPONSE_BYTES) throw new Error('response too large');
  return text;
}

function parseJsonRpc(label: string, request: JsonRpcRequest, status: number, body: unknown): JsonRpcSuccess {
  if (typeof body !== 'object' || body === null || (body as { jsonrpc?: unknown }).jsonrpc !== '2.0') {
    throw new RpcTransportError(label, `HTTP ${status} without a JSON-RPC body`);
  }
  const message = body as { id?: unknown; result?: unknown; error?: { code?: unknown; message?: unknown; data?: unknown } };
  if (message.error !== undefined && message.error !== null) {
    const { code, message: text, data } = message.error;
    throw new RpcResponseError(
      typeof code === 'number' ? code : 0,
      typeof text === 'string' ? text : '',
      typeof data === 'string' ? data : data === undefined ? '' : JSON.stringify(data),
    );
  }
  // A 5xx/429 with a result would be odd; an HTTP error status means the endpoint is not healthy.
  if (status >= 400) throw new RpcTransportError(label, `HTTP ${status}`);
  if (message.id !== request.id) throw new RpcTransportError(label, 'answered another request id');
  if (!('result' in message)) throw new RpcTransportError(label, 'JSON-RPC response without a result');
  return { jsonrpc: '2.0', id: request.id, result: message.result };
}
