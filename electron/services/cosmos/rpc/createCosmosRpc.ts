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
import { checkEndpointUrl, createFailover } from '../../rpc/failover';
import { EndpointMismatchError } from '../../rpc/rpcErrors';
import { endpointLabel, httpRpcClient } from './jsonRpcTransport';
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
   * (RpcTransportError), runs it again on the next one (the one failover rule: rpc/failover.ts). Errors of the
   * operation itself propagate unchanged.
   * @throws StrataError RPC_UNAVAILABLE naming the endpoints tried when every one failed, CHAIN_ID_MISMATCH when
   *   every endpoint failed and one of them serves another chain
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
  const urls = [...new Set(endpoints.map(checkEndpointUrl))];
  if (urls.length === 0) throw new StrataError('RPC_UNAVAILABLE', `No RPC endpoint is configured for ${chain.name}`);
  if (urls.length > MAX_ENDPOINTS) throw new StrataError('INVALID_INPUT', `At most ${MAX_ENDPOINTS} RPC endpoints per chain`);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) throw new StrataError('INVALID_INPUT', 'The RPC timeout must be a positive integer');
  const transport = { timeoutMs, headers: options.headers };
  const labels = urls.map(endpointLabel);

  /** The handshake: the endpoint must report the chain's id, and the client must fit the node's CometBFT version. */
  const connect = async (index: number): Promise<CosmosNode> => {
    const label = labels[index] as string;
    const rpc = httpRpcClient(urls[index] as string, transport);
    // The 0.37 client reads every version's status, as cosmjs' own connectComet does.
    const status = await Tendermint37Client.create(rpc).status();
    const network = status.nodeInfo.network;
    if (network !== chainId) {
      throw new EndpointMismatchError(`${label} serves chain "${sanitize(network)}", expected "${chainId}"`);
    }
    const version = status.nodeInfo.version;
    return { label, comet: cometClientFor(version, rpc), version, attributeEncoding: attributeEncodingFor(version) };
  };
  const failover = createFailover<CosmosNode>({
    name: chain.name,
    labels,
    connect,
    dropped: (node) => void node.then((n) => n.comet.disconnect(), () => undefined),
  });
  return {
    chain,
    chainId,
    withNode: (operation) => failover.run((node) => operation(node)),
    disconnect: () => failover.reset(),
  };
}

/** The cosmjs client whose response decoders match the node's version (0.34 nodes read well with the 0.37 one). */
function cometClientFor(version: string, rpc: RpcClient): CometClient {
  const plain = version.trim().replace(/^v/, '');
  if (plain.startsWith('0.38.')) return Comet38Client.create(rpc);
  if (plain.startsWith('1.')) return Comet1Client.create(rpc);
  return Tendermint37Client.create(rpc);
}

/** A node-supplied string, made safe to put in a message: printable ASCII, at most 64 characters. */
function sanitize(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '?').slice(0, 64);
}
