import { endpointLabel } from './endpointLabel';
import { RpcResponseError, RpcTransportError, sanitizeNodeText } from './rpcErrors';

/** Calls one JSON-RPC method and resolves with its `result`. */
export type JsonRpcCall = <T = unknown>(method: string, params?: readonly unknown[]) => Promise<T>;

export interface HttpJsonRpcOptions {
  /** Per-request timeout in ms. */
  timeoutMs: number;
  /** Extra HTTP headers (an API key of a paid provider). */
  headers?: Record<string, string>;
}

/** Largest response body read: a node cannot make the wallet buffer without bound. */
const MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

/**
 * JSON-RPC 2.0 over HTTP POST to one endpoint. Transport failures (no answer in time, refused, HTTP 429/5xx, a body
 * that is not JSON-RPC for this request) throw RpcTransportError; a JSON-RPC error object throws RpcResponseError.
 * Redirects are refused: one could carry signed transactions and API-key headers to a host nobody configured.
 */
export function httpJsonRpc(url: string, options: HttpJsonRpcOptions): JsonRpcCall {
  const label = endpointLabel(url);
  const { target, authorization } = splitCredentials(url);
  const headers = { 'content-type': 'application/json', ...options.headers, ...authorization };
  let nextId = 1;
  return async <T>(method: string, params: readonly unknown[] = []): Promise<T> => {
    const id = nextId++;
    let response: Response;
    try {
      response = await fetch(target, {
        method: 'POST',
        headers,
        body: JSON.stringify({ jsonrpc: '2.0', id, method, params }),
        signal: AbortSignal.timeout(options.timeoutMs),
        redirect: 'error',
      });
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      throw new RpcTransportError(label, timedOut ? `no answer within ${options.timeoutMs} ms` : 'unreachable', { cause: error });
    }
    // Rate limits and gateway errors say nothing about the chain: try the next endpoint.
    if (response.status === 429 || response.status >= 500) {
      await response.body?.cancel().catch(() => undefined);
      throw new RpcTransportError(label, `HTTP ${response.status}`);
    }
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
    return parseResponse<T>(label, method, id, response.status, body);
  };
}

/**
 * fetch() refuses URLs with credentials (`https://user:pass@host/`), which some RPC providers hand out: they are sent
 * as HTTP Basic authorization instead.
 */
function splitCredentials(url: string): { target: string; authorization: Record<string, string> } {
  const parsed = new URL(url);
  if (parsed.username === '' && parsed.password === '') return { target: url, authorization: {} };
  const pair = `${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}`;
  parsed.username = '';
  parsed.password = '';
  return { target: parsed.toString(), authorization: { authorization: `Basic ${Buffer.from(pair, 'utf8').toString('base64')}` } };
}

async function readLimited(response: Response): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > MAX_RESPONSE_BYTES) throw new Error('response too large');
  const text = await response.text();
  if (text.length > MAX_RESPONSE_BYTES) throw new Error('response too large');
  return text;
}

function parseResponse<T>(label: string, method: string, id: number, status: number, body: unknown): T {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || (body as { jsonrpc?: unknown }).jsonrpc !== '2.0') {
    throw new RpcTransportError(label, `HTTP ${status} without a JSON-RPC body`);
  }
  const message = body as { id?: unknown; result?: unknown; error?: { code?: unknown; message?: unknown; data?: unknown } | null };
  if (message.error !== undefined && message.error !== null) {
    const { code, message: text, data } = message.error;
    throw new RpcResponseError(method, typeof code === 'number' ? code : 0, sanitizeNodeText(text), data ?? null);
  }
  // An HTTP error status (401 for a wrong API key, 404 for a wrong path) means this endpoint cannot serve us.
  if (status >= 400) throw new RpcTransportError(label, `HTTP ${status}`);
  if (message.id !== id) throw new RpcTransportError(label, 'answered another request id');
  if (!('result' in message)) throw new RpcTransportError(label, 'JSON-RPC response without a result');
  return message.result as T;
}
