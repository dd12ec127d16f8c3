import { StrataError } from '../../../shared/errors';
import { endpointLabel } from './endpointLabel';
import { checkEndpointUrl, createFailover } from './failover';
import { httpJsonRpcWithBatch, type HttpJsonRpc, type JsonRpcCall } from './httpJsonRpc';
import { RpcResponseError, RpcTransportError } from './rpcErrors';

/**
 * How an endpoint proves it serves the right chain: one request (EVM: `eth_chainId`) whose answer `check` accepts or
 * refuses. It is sent in the same JSON-RPC batch as the endpoint's first read, so a first call costs one round trip.
 */
export interface EndpointCheck {
  method: string;
  /** Throw EndpointMismatchError to exclude the endpoint for good, RpcTransportError to skip it for this request. */
  check: (answer: unknown, label: string) => void;
}

export interface FailoverRpcOptions {
  /** What the endpoints serve, for messages ("Devnet A"); default "this chain". */
  name?: string;
  /** Per-request timeout in ms; default 10 s. */
  timeoutMs?: number;
  headers?: Record<string, string>;
  /** Checked once per endpoint, with its first request, and again after the endpoint failed. */
  verifyEndpoint?: EndpointCheck;
  /** Observer of every request sent (tests and benchmarks count requests with it; a batch reports each method). */
  onRequest?: (event: { endpoint: string; method: string }) => void;
  /** Observer of every HTTP exchange (one per single request or batch): round trips. */
  onRoundTrip?: (event: { endpoint: string; methods: readonly string[] }) => void;
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
/** Sent alone after the endpoint is checked: a signed transaction goes only to a node known to serve its chain. */
const NEVER_BATCHED = new Set(['eth_sendRawTransaction', 'eth_sendTransaction']);

/**
 * A JSON-RPC client over several HTTP endpoints (the one failover rule: rpc/failover.ts). Requests go to the endpoint
 * that last worked, then to the others in order. Nothing is contacted before the first request.
 * @throws StrataError INVALID_INPUT for a URL that is not http(s) or a bad timeout, RPC_UNAVAILABLE for an empty list;
 *   requests throw RPC_UNAVAILABLE naming the endpoints tried when every one failed, CHAIN_ID_MISMATCH when no
 *   endpoint is usable and one of them serves another chain. Messages name hosts only, never paths or credentials.
 */
export function createFailoverRpc(endpoints: readonly string[], options: FailoverRpcOptions = {}): FailoverRpc {
  const urls = [...new Set(endpoints.map(checkEndpointUrl))];
  const name = options.name ?? 'this chain';
  if (urls.length === 0) throw new StrataError('RPC_UNAVAILABLE', `No RPC endpoint is configured for ${name}`);
  if (urls.length > MAX_ENDPOINTS) throw new StrataError('INVALID_INPUT', `At most ${MAX_ENDPOINTS} RPC endpoints per chain`);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) throw new StrataError('INVALID_INPUT', 'The RPC timeout must be a positive integer (ms)');
  const verify = options.verifyEndpoint;

  const labels = urls.map(endpointLabel);
  const failover = createFailover({
    name,
    labels,
    connect: (index) => {
      const label = labels[index] as string;
      const http = httpJsonRpcWithBatch(urls[index] as string, { timeoutMs, headers: options.headers });
      const observe = (methods: readonly string[]): void => {
        for (const method of methods) options.onRequest?.({ endpoint: label, method });
        options.onRoundTrip?.({ endpoint: label, methods });
      };
      return Promise.resolve({ label, http, observe, verified: verify === undefined });
    },
  });

  const request: JsonRpcCall = <T>(method: string, params: readonly unknown[] = []): Promise<T> =>
    failover.run(async (node) => {
      if (!node.verified && verify !== undefined) {
        const batch = NEVER_BATCHED.has(method) ? undefined : await firstBatch(node, verify, method, params);
        if (batch !== undefined) {
          checkAnswer(verify, node.label, batch[0]);
          node.verified = true;
          if (batch[1] instanceof RpcResponseError) throw batch[1];
          return batch[1] as T;
        }
        node.observe([verify.method]);
        checkAnswer(verify, node.label, (await node.http.batch([{ method: verify.method }]))[0]);
        node.verified = true;
      }
      node.observe([method]);
      return node.http.call<T>(method, params);
    });

  return {
    request,
    labels,
    get excluded() {
      return failover.excluded;
    },
  };
}

/** The check and the first request in one batch; undefined when the endpoint refuses batches (then one by one). */
async function firstBatch(
  node: { label: string; http: HttpJsonRpc; observe: (methods: readonly string[]) => void },
  verify: EndpointCheck,
  method: string,
  params: readonly unknown[],
): Promise<unknown[] | undefined> {
  node.observe([verify.method, method]);
  try {
    return await node.http.batch([{ method: verify.method }, { method, params }]);
  } catch (error) {
    if (error instanceof RpcResponseError && error.method === 'batch') return undefined;
    throw error;
  }
}

/** An endpoint that cannot answer the check is skipped for this request (a transport failure of that endpoint). */
function checkAnswer(verify: EndpointCheck, label: string, answer: unknown): void {
  if (answer instanceof RpcResponseError) throw new RpcTransportError(label, `refused ${verify.method}`);
  verify.check(answer, label);
}
