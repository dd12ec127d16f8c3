import {
  Comet1Client,
  Comet38Client,
  Tendermint37Client,
  type CometClient,
  type RpcClient,
} from '@cosmjs/tendermint-rpc';
import type { ChainInfo } from '../../../../shared/domain/chain';
import { StrataError } from '../../../../shared/errors';
import { cosmosChainId } from '../cosmosChainId';
import { endpointLabel, httpRpcClient, RpcTransportError } from './jsonRpcTransport';
import { attributeEncodingFor, type AttributeEncoding } from './normalizeEventAttributes';

/** One endpoint after its handshake: the chain id matched, and the client fits the node's CometBFT version. */
export interface CosmosNode {
  /** host:port of the endpoint, for messages and logs */
  readonly label: string;
  readonly comet: CometClient;
  /** `node_info.version` as the node reported it */
  readonly version: string;
  readonly attributeEncoding: AttributeEncoding;
}

/** A chain's RPC endpoints behind one failover; every Cosmos operation takes one of these. */
export interface CosmosRpc {
  readonly chain: ChainInfo;
  readonly chainId: string;
  /**
   * Runs `operation` on the preferred endpoint; when the endpoint is down, times out or answers garbage
   * (RpcTransportError), runs it again on the next one. Errors of the operation itself propagate unchanged.
   * @throws StrataError RPC_UNAVAILABLE when every endpoint failed, CHAIN_ID_MISMATCH when every endpoint failed and
   *   one of them serves another chain
   */
  withNode<T>(operation: (node: CosmosNode) => Promise<T>): Promise<T>;
  disconnect(): void;
}

export interface CosmosRpcOptions {
  /** Per-request timeout; default 10 s. */
  timeoutMs?: number;
  /** Extra HTTP headers (an API key of a paid RPC provider). */
  headers?: Record<string, string>;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const MAX_ENDPOINTS = 16;

/**
 * A failover RPC client for a Cosmos chain. Endpoints are tried in order, starting with the last one that worked.
 * Before first use, each endpoint must report the chain's chain id (`status().node_info.network`); an endpoint that
 * reports another chain is never used again by this client. Nothing is contacted until the first operation.
 * @throws StrataError INVALID_INPUT for a URL that is not http(s), RPC_UNAVAILABLE for an empty list
 */
export function createCosmosRpc(endpoints: readonly string[], chain: ChainInfo, options: CosmosRpcOptions = {}): CosmosRpc {
  const chainId = cosmosChainId(chain);
  const urls = [...new Set(endpoints.map(checkUrl))];
  if (urls.length === 0) throw new StrataError('RPC_UNAVAILABLE', `No RPC endpoint is configured for ${chain.name}`);
  if (urls.length > MAX_ENDPOINTS) throw new StrataError('INVALID_INPUT', `At most ${MAX_ENDPOINTS} RPC endpoints per chain`);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) throw new StrataError('INVALID_INPUT', 'The RPC timeout must be a positive integer');
  return new FailoverCosmosRpc(chain, chainId, urls, { timeoutMs, headers: options.headers });
}

function checkUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new StrataError('INVALID_INPUT', 'An RPC endpoint must be an http(s) URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new StrataError('INVALID_INPUT', 'An RPC endpoint must be an http(s) URL');
  }
  return parsed.toString();
}

class FailoverCosmosRpc implements CosmosRpc {
  private preferred = 0;
  private readonly handshakes = new Map<number, Promise<CosmosNode>>();
  /** Endpoints that serve another chain; remembered with what they reported. */
  private readonly wrongChain = new Map<number, string>();

  constructor(
    readonly chain: ChainInfo,
    readonly chainId: string,
    private readonly urls: readonly string[],
    private readonly transport: { timeoutMs: number; headers?: Record<string, string> },
  ) {}

  async withNode<T>(operation: (node: CosmosNode) => Promise<T>): Promise<T> {
    const failures: string[] = [];
    const start = this.preferred;
    for (let offset = 0; offset < this.urls.length; offset++) {
      const index = (start + offset) % this.urls.length;
      if (this.wrongChain.has(index)) continue;
      let node: CosmosNode;
      try {
        node = await this.handshake(index);
      } catch (error) {
        this.handshakes.delete(index);
        if (error instanceof StrataError && error.code === 'CHAIN_ID_MISMATCH') continue;
        failures.push(describe(error));
        continue;
      }
      try {
        const result = await operation(node);
        this.preferred = index;
        return result;
      } catch (error) {
        if (!(error instanceof RpcTransportError)) throw error;
        // Handshake again next time: whatever answers there after an outage may be another node.
        this.handshakes.delete(index);
        failures.push(describe(error));
      }
    }
    throw this.exhausted(failures);
  }

  disconnect(): void {
    for (const handshake of this.handshakes.values()) handshake.then((node) => node.comet.disconnect(), () => undefined);
    this.handshakes.clear();
  }

  /** Every endpoint failed. One that serves another chain is a setting to fix, so that is what we report. */
  private exhausted(failures: readonly string[]): StrataError {
    const [reported] = [...this.wrongChain.values()];
    if (reported !== undefined) {
      return new StrataError(
        'CHAIN_ID_MISMATCH',
        `An RPC endpoint of ${this.chain.name} serves another chain ("${reported}", expected "${this.chainId}")`,
        { details: failures.join('; ') },
      );
    }
    return new StrataError('RPC_UNAVAILABLE', `No RPC endpoint of ${this.chain.name} answered (${this.urls.length} tried)`, {
      details: failures.join('; '),
    });
  }

  private handshake(index: number): Promise<CosmosNode> {
    let pending = this.handshakes.get(index);
    if (pending === undefined) {
      pending = this.connect(index);
      this.handshakes.set(index, pending);
    }
    return pending;
  }

  private async connect(index: number): Promise<CosmosNode> {
    const url = this.urls[index] as string;
    const label = endpointLabel(url);
    const rpc = httpRpcClient(url, this.transport);
    // The 0.37 client reads every version's status, as cosmjs' own connectComet does.
    const status = await Tendermint37Client.create(rpc).status();
    const network = status.nodeInfo.network;
    if (network !== this.chainId) {
      this.wrongChain.set(index, sanitize(network));
      throw new StrataError('CHAIN_ID_MISMATCH', `${label} serves chain "${sanitize(network)}", expected "${this.chainId}"`);
    }
    const version = status.nodeInfo.version;
    return { label, comet: cometClientFor(version, rpc), version, attributeEncoding: attributeEncodingFor(version) };
  }
}

/** The cosmjs client whose response decoders match the node's version (0.34 nodes read well with the 0.37 one). */
function cometClientFor(version: string, rpc: RpcClient): CometClient {
  const plain = version.trim().replace(/^v/, '');
  if (plain.startsWith('0.38.')) return Comet38Client.create(rpc);
  if (plain.startsWith('1.')) return Comet1Client.create(rpc);
  return Tendermint37Client.create(rpc);
}

function describe(error: unknown): string {
  if (error instanceof RpcTransportError) return error.message;
  return 'unusable answer to status';
}

/** A node-supplied string, made safe to put in a message: printable ASCII, at most 64 characters. */
function sanitize(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '?').slice(0, 64);
}
