import { StrataError } from '../../../shared/errors';
import { endpointLabel } from './endpointLabel';
import { httpJsonRpc, type JsonRpcCall } from './httpJsonRpc';
import { RpcTransportError } from './rpcErrors';

export interface FailoverRpcOptions {
  /** What the endpoints serve, for messages ("Devnet A"); default "this chain". */
  name?: string;
  /** Per-request timeout in ms; default 10 s. */
  timeoutMs?: number;
  headers?: Record<string, string>;
  /**
   * Checked once per endpoint before its first use (EVM: `eth_chainId`), and again after the endpoint failed: what
   * answers there after an outage may be another node. Throw StrataError CHAIN_ID_MISMATCH to exclude the endpoint for
   * good; a transport error or any other error makes this endpoint skipped for this request only.
   */
  verifyEndpoint?: (call: JsonRpcCall, label: string) => Promise<void>;
  /** Observer of every request sent (tests and benchmarks count round trips with it). */
  onRequest?: (event: { endpoint: string; method: string }) => void;
}

/** A chain's endpoints behind one failover. `request` has the same shape as a single-endpoint JsonRpcCall. */
export interface FailoverRpc {
  request: JsonRpcCall;
  /** host[:port] of each endpoint, in failover order */
  readonly labels: readonly string[];
  /** Endpoints excluded because they serve something else, by label. */
  readonly excluded: ReadonlyMap<string, string>;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const MAX_ENDPOINTS = 16;

/**
 * A JSON-RPC client over several HTTP endpoints. Requests go to the endpoint that last worked, then to the others in
 * order. Only transport failures (RpcTransportError: down, timeout, HTTP 429/5xx, garbage) move on to the next
 * endpoint; a JSON-RPC error answer (a revert, "nonce too low") is the chain's answer and is thrown as is. Nothing is
 * contacted before the first request.
 * @throws StrataError INVALID_INPUT for a URL that is not http(s) or a bad timeout, RPC_UNAVAILABLE for an empty list;
 *   requests throw RPC_UNAVAILABLE when every endpoint failed, CHAIN_ID_MISMATCH when no endpoint is usable and one of
 *   them serves another chain. Messages name hosts only, never paths or credentials.
 */
export function createFailoverRpc(endpoints: readonly string[], options: FailoverRpcOptions = {}): FailoverRpc {
  const urls = [...new Set(endpoints.map(checkUrl))];
  const name = options.name ?? 'this chain';
  if (urls.length === 0) throw new StrataError('RPC_UNAVAILABLE', `No RPC endpoint is configured for ${name}`);
  if (urls.length > MAX_ENDPOINTS) throw new StrataError('INVALID_INPUT', `At most ${MAX_ENDPOINTS} RPC endpoints per chain`);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) throw new StrataError('INVALID_INPUT', 'The RPC timeout must be a positive integer (ms)');

  const nodes = urls.map((url) => {
    const label = endpointLabel(url);
    const http = httpJsonRpc(url, { timeoutMs, headers: options.headers });
    const call: JsonRpcCall = (method, params) => {
      options.onRequest?.({ endpoint: label, method });
      return http(method, params);
    };
    return { label, call };
  });
  const labels = nodes.map((n) => n.label);
  const verified = new Map<number, Promise<void>>();
  const excluded = new Map<number, string>();
  let preferred = 0;

  const verify = (index: number): Promise<void> => {
    const check = options.verifyEndpoint;
    if (!check) return Promise.resolve();
    let pending = verified.get(index);
    if (pending === undefined) {
      const node = nodes[index] as (typeof nodes)[number];
      pending = check(node.call, node.label);
      verified.set(index, pending);
    }
    return pending;
  };

  const request: JsonRpcCall = async <T>(method: string, params?: readonly unknown[]): Promise<T> => {
    const failures: string[] = [];
    const start = preferred;
    for (let offset = 0; offset < nodes.length; offset++) {
      const index = (start + offset) % nodes.length;
      if (excluded.has(index)) continue;
      const node = nodes[index] as (typeof nodes)[number];
      try {
        await verify(index);
      } catch (error) {
        verified.delete(index);
        if (error instanceof StrataError && error.code === 'CHAIN_ID_MISMATCH') {
          excluded.set(index, error.message);
          continue;
        }
        failures.push(describe(node.label, error));
        continue;
      }
      try {
        const result = await node.call<T>(method, params);
        preferred = index;
        return result;
      } catch (error) {
        if (!(error instanceof RpcTransportError)) throw error;
        verified.delete(index);
        failures.push(error.message);
      }
    }
    throw exhausted(failures);
  };

  /** Every endpoint failed. One that serves another chain is a setting to fix, so that is what we report first. */
  const exhausted = (failures: readonly string[]): StrataError => {
    const [mismatch] = [...excluded.values()];
    if (mismatch !== undefined) {
      return new StrataError('CHAIN_ID_MISMATCH', `No usable RPC endpoint for ${name}: ${mismatch}`, { details: failures.join('; ') });
    }
    return new StrataError('RPC_UNAVAILABLE', `No RPC endpoint of ${name} answered (${failures.join('; ')})`.slice(0, 500), {
      details: failures.join('; '),
    });
  };

  return {
    request,
    labels,
    get excluded() {
      return new Map([...excluded].map(([index, reason]) => [labels[index] as string, reason]));
    },
  };
}

function checkUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new StrataError('INVALID_INPUT', 'An RPC endpoint must be an http(s) URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new StrataError('INVALID_INPUT', 'An RPC endpoint must be an http(s) URL');
  return parsed.toString();
}

/** A verification failure, for the details: our own wording plus the host, never the URL. */
function describe(label: string, error: unknown): string {
  if (error instanceof RpcTransportError) return error.message;
  if (error instanceof StrataError) return `${label}: ${error.message}`;
  return `${label}: unusable answer`;
}
