import { endpointLabel } from './endpointLabel';
import { RpcResponseError, RpcTransportError, sanitizeNodeText } from './rpcErrors';

export interface PostJsonRpcOptions {
  /** Per-request timeout in ms. */
  timeoutMs: number;
  /** Extra HTTP headers (an API key of a paid provider). */
  headers?: Record<string, string>;
}

/** One request of a JSON-RPC exchange; `params` is an array for EVM nodes and an object for CometBFT. */
export interface JsonRpcRequestBody {
  jsonrpc: '2.0';
  id: number | string;
  method: string;
  params: unknown;
}

/** Largest response body read: a node cannot make the wallet buffer without bound. */
const MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

/**
 * HTTP statuses that say nothing about the node behind: a rate limit or a gateway that could not reach it. Any JSON-RPC
 * body they carry is the gateway's, so they always fail over. Other error statuses (CometBFT answers HTTP 500 with a
 * JSON-RPC error object for "tx not found") are the node's answer when the body is a JSON-RPC error for the request.
 */
const GATEWAY_STATUSES = new Set([429, 502, 503, 504]);

/**
 * The one HTTP transport of every chain family: POSTs a JSON-RPC request (or a batch) to one endpoint and returns each
 * request's result, in request order. This function holds the one failover rule of Strata:
 * - RpcTransportError (fail over to the next endpoint): unreachable, no answer in time, HTTP 429/502/503/504, an HTTP
 *   error status without a JSON-RPC error answer, a body that is not JSON-RPC for these requests, an answer too large;
 * - RpcResponseError (the node's answer, never a failover reason): a JSON-RPC error object answering the request.
 * In a batch, each entry is a result or its RpcResponseError; a transport failure fails the whole batch.
 * Redirects are refused: one could carry signed transactions and API-key headers to a host nobody configured. URLs
 * with credentials (`https://user:pass@host/`, which fetch refuses) are sent as HTTP Basic authorization.
 */
export async function postJsonRpc(url: string, requests: readonly JsonRpcRequestBody[], options: PostJsonRpcOptions): Promise<Array<unknown | RpcResponseError>> {
  const label = endpointLabel(url);
  const { target, authorization } = splitCredentials(url);
  const single = requests.length === 1;
  const send = (): Promise<Response> =>
    fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...options.headers, ...authorization },
      body: JSON.stringify(single ? requests[0] : requests),
      signal: AbortSignal.timeout(options.timeoutMs),
      redirect: 'error',
    });
  let response: Response;
  try {
    // A kept-alive connection the server closed as we reused it: sent again once on a new connection. Safe: the node
    // gave no answer, and what we send is a read or a signed transaction whose second copy the node takes as known.
    response = await send().catch((error: unknown) => (closedBeforeAnswer(error) ? send() : Promise.reject(error)));
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    throw new RpcTransportError(label, timedOut ? `no answer within ${options.timeoutMs} ms` : 'unreachable', { cause: error });
  }
  if (GATEWAY_STATUSES.has(response.status)) {
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
  if (single) return [answerOf(label, requests[0] as JsonRpcRequestBody, response.status, body)];
  // Some nodes answer a batch they refuse as a whole with one error object.
  if (!Array.isArray(body)) {
    const refusal = isJsonRpc(body) ? errorOf('batch', body) : undefined;
    throw refusal ?? new RpcTransportError(label, `HTTP ${response.status} without a JSON-RPC batch answer`);
  }
  const byId = new Map<unknown, unknown>();
  for (const entry of body) if (typeof entry === 'object' && entry !== null) byId.set((entry as { id?: unknown }).id, entry);
  return requests.map((request) => {
    const entry = byId.get(request.id);
    if (entry === undefined) throw new RpcTransportError(label, 'left a request of the batch unanswered');
    return answerOf(label, request, response.status, entry);
  });
}

/** A result, or the node's RpcResponseError; anything else is this endpoint's failure (RpcTransportError). */
function answerOf(label: string, request: JsonRpcRequestBody, status: number, body: unknown): unknown {
  if (!isJsonRpc(body)) throw new RpcTransportError(label, `HTTP ${status} without a JSON-RPC body`);
  // id null: the node could not read the request's id (JSON-RPC 2.0, section 5).
  const refusal = body.id === request.id || body.id === null ? errorOf(request.method, body) : undefined;
  if (refusal !== undefined) return refusal;
  // An HTTP error status (401 for a wrong API key, 404 for a wrong path) means this endpoint cannot serve us.
  if (status >= 400) throw new RpcTransportError(label, `HTTP ${status}`);
  if (body.id !== request.id) throw new RpcTransportError(label, 'answered another request id');
  if (!('result' in body)) throw new RpcTransportError(label, 'JSON-RPC response without a result');
  return body.result;
}

interface JsonRpcAnswer {
  jsonrpc: '2.0';
  id?: unknown;
  result?: unknown;
  error?: { code?: unknown; message?: unknown; data?: unknown } | null;
}

function isJsonRpc(body: unknown): body is JsonRpcAnswer {
  return typeof body === 'object' && body !== null && !Array.isArray(body) && (body as { jsonrpc?: unknown }).jsonrpc === '2.0';
}

function errorOf(method: string, body: JsonRpcAnswer): RpcResponseError | undefined {
  if (typeof body.error !== 'object' || body.error === null) return undefined;
  const { code, message, data } = body.error;
  return new RpcResponseError(method, typeof code === 'number' ? code : 0, sanitizeNodeText(message), data ?? null);
}

/** fetch's failure when the socket closed before any response (undici: UND_ERR_SOCKET, or ECONNRESET). */
function closedBeforeAnswer(error: unknown): boolean {
  const code = (error as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  return code === 'UND_ERR_SOCKET' || code === 'ECONNRESET';
}

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
