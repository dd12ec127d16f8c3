import { StrataError } from '../../../shared/errors';
import { EndpointMismatchError, RpcTransportError } from './rpcErrors';

/** What a failover needs to know about its endpoints. */
export interface FailoverSpec<Node> {
  /** What the endpoints serve, for messages ("Cosmos Hub"). */
  name: string;
  /** host[:port] of each endpoint, in failover order */
  labels: readonly string[];
  /**
   * Makes endpoint `index` usable: checks that it serves the right chain (EVM `eth_chainId`, CometBFT `status`) and
   * returns what operations run on. Kept until the endpoint fails, then redone: what answers there after an outage may
   * be another node. Throw StrataError CHAIN_ID_MISMATCH to exclude the endpoint for good; any other error skips it
   * for this operation only.
   */
  connect: (index: number) => Promise<Node>;
  /** Called when a connected endpoint is dropped after a failure (to close its client). */
  dropped?: (node: Promise<Node>) => void;
}

/** Several endpoints of one chain behind the one failover rule of Strata. */
export interface Failover<Node> {
  /**
   * Runs `operation` on the endpoint that last worked, then on the others in order. Only RpcTransportError (down,
   * timeout, gateway status, garbage) moves on; EndpointMismatchError (a check made inside the operation found another
   * chain) excludes the endpoint for good; any other error is the chain's answer and propagates unchanged.
   * @throws StrataError RPC_UNAVAILABLE naming every endpoint tried when all failed; CHAIN_ID_MISMATCH when none was
   *   usable and one of them serves another chain
   */
  run<T>(operation: (node: Node, index: number) => Promise<T>): Promise<T>;
  readonly labels: readonly string[];
  /** Endpoints excluded because they serve something else: label → reason. */
  readonly excluded: ReadonlyMap<string, string>;
  /** Drops every connection (their clients are closed through `dropped`). */
  reset(): void;
}

export function createFailover<Node>(spec: FailoverSpec<Node>): Failover<Node> {
  const { labels, name } = spec;
  const connected = new Map<number, Promise<Node>>();
  const excluded = new Map<number, string>();
  let preferred = 0;

  const connect = (index: number): Promise<Node> => {
    let pending = connected.get(index);
    if (pending === undefined) {
      pending = spec.connect(index);
      connected.set(index, pending);
    }
    return pending;
  };
  const drop = (index: number): void => {
    const node = connected.get(index);
    connected.delete(index);
    if (node !== undefined) spec.dropped?.(node);
  };

  const run = async <T>(operation: (node: Node, index: number) => Promise<T>): Promise<T> => {
    const failures: string[] = [];
    const tried: string[] = [];
    const start = preferred;
    for (let offset = 0; offset < labels.length; offset++) {
      const index = (start + offset) % labels.length;
      if (excluded.has(index)) continue;
      const label = labels[index] as string;
      tried.push(label);
      let node: Node;
      try {
        node = await connect(index);
      } catch (error) {
        drop(index);
        if (error instanceof StrataError && error.code === 'CHAIN_ID_MISMATCH') {
          excluded.set(index, error.message);
          continue;
        }
        failures.push(describe(label, error));
        continue;
      }
      try {
        const result = await operation(node, index);
        preferred = index;
        return result;
      } catch (error) {
        if (error instanceof EndpointMismatchError) {
          excluded.set(index, error.message);
          drop(index);
          continue;
        }
        if (!(error instanceof RpcTransportError)) throw error;
        drop(index);
        failures.push(error.message);
      }
    }
    throw exhausted(tried, failures);
  };

  /** Every endpoint failed. One that serves another chain is a setting to fix, so that is what we report first. */
  const exhausted = (tried: readonly string[], failures: readonly string[]): StrataError => {
    const [mismatch] = [...excluded.values()];
    if (mismatch !== undefined) {
      return new StrataError('CHAIN_ID_MISMATCH', `No usable RPC endpoint for ${name}: ${mismatch}`, failures.length > 0 ? { details: failures.join('; ') } : undefined);
    }
    return new StrataError('RPC_UNAVAILABLE', `No RPC endpoint of ${name} answered (tried ${tried.join(', ')})`.slice(0, 500), {
      details: failures.join('; '),
    });
  };

  return {
    run,
    labels,
    get excluded() {
      return new Map([...excluded].map(([index, reason]) => [labels[index] as string, reason]));
    },
    reset() {
      for (const index of [...connected.keys()]) drop(index);
    },
  };
}

/** A connection failure, for the details: our own wording plus the host, never the URL. */
function describe(label: string, error: unknown): string {
  if (error instanceof RpcTransportError) return error.message;
  if (error instanceof StrataError) return `${label}: ${error.message}`;
  return `${label}: unusable answer`;
}

/**
 * An endpoint URL checked and normalised: http(s) only. (Which hosts may use plain http is a settings rule:
 * checkEndpointPolicy.)
 * @throws StrataError INVALID_INPUT
 */
export function checkEndpointUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new StrataError('INVALID_INPUT', 'An RPC endpoint must be an http(s) URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new StrataError('INVALID_INPUT', 'An RPC endpoint must be an http(s) URL');
  return parsed.toString();
}
