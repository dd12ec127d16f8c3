import { StrataError } from '../../../../shared/errors';
import { endpointLabel } from '../../rpc/endpointLabel';

/** How the real fee and status sources reach Axelar's HTTP APIs: tests point `baseUrl` at a local stand-in. */
export interface AxelarHttpOptions {
  baseUrl?: string;
  /** Per request, default 10 s. */
  timeoutMs?: number;
  /** Default: the global fetch. */
  fetch?: typeof fetch;
}

/** Largest body read: an API answer for one transfer or one fee is a few kB. */
const MAX_BODY_CHARS = 1024 * 1024;

/**
 * One JSON request to an Axelar API (`GET` without a body, `POST` with a JSON body). Redirects are refused, like
 * every other client of ours. What is returned is untrusted JSON: callers parse it with a schema.
 * @throws StrataError RPC_UNAVAILABLE when the API cannot be reached in time, answers a non-2xx status (the API's
 *   own short `message` goes into `details`) or a body that is not JSON
 */
export async function fetchAxelarJson(url: string, body: unknown, options: AxelarHttpOptions, what: string): Promise<unknown> {
  const doFetch = options.fetch ?? fetch;
  const label = endpointLabel(url);
  let status: number;
  let text: string;
  try {
    const response = await doFetch(url, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      redirect: 'error',
    });
    status = response.status;
    text = await response.text();
  } catch (error) {
    const timedOut = (error as Error | undefined)?.name === 'TimeoutError';
    throw new StrataError('RPC_UNAVAILABLE', `${what} ${timedOut ? 'did not answer in time' : 'cannot be reached'}`, { cause: error, details: label });
  }
  if (text.length > MAX_BODY_CHARS) throw new StrataError('RPC_UNAVAILABLE', `${what} sent an oversized answer`, { details: label });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new StrataError('RPC_UNAVAILABLE', `${what} answered HTTP ${status} without JSON`, { details: label });
  }
  if (status < 200 || status > 299) {
    const message = typeof (json as { message?: unknown } | null)?.message === 'string' ? (json as { message: string }).message.slice(0, 200) : '';
    throw new StrataError('RPC_UNAVAILABLE', `${what} answered HTTP ${status}`, { details: `${label}: ${message}` });
  }
  return json;
}

/** `baseUrl` without trailing slashes (or the default). */
export function apiBase(options: AxelarHttpOptions, fallback: string): string {
  return (options.baseUrl ?? fallback).replace(/\/+$/, '');
}
