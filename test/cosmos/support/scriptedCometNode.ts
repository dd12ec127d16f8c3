/**
 * A local HTTP server that speaks CometBFT's JSON-RPC (status, abci_query, broadcast_tx_sync, tx) with answers the
 * test scripts: there is no Cosmos node binary on our machines, so this is what the real cosmjs clients and our
 * failover talk to offline. Answers have the exact JSON shapes of CometBFT 0.34 / 0.38 nodes.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface AbciAnswer {
  code?: number;
  codespace?: string;
  log?: string;
  value?: Uint8Array;
}

export interface ScriptedNodeOptions {
  network: string;
  /** `node_info.version`; default 0.38.17 */
  version?: string;
  /** how the endpoint misbehaves: never answers, answers 503, or answers a non-JSON-RPC body */
  failure?: 'hang' | 'http503' | 'garbage';
  /** JSON-RPC methods this endpoint receives but never answers (an endpoint that dies mid-operation) */
  hangOn?: string[];
  abciQuery?: (path: string, data: Uint8Array) => AbciAnswer;
  /** the `result` of broadcast_tx_sync; default code 0 */
  broadcastTxSync?: (tx: Uint8Array) => Record<string, unknown>;
  /** false: the node runs without a tx index, and says so to every `tx` call */
  txIndex?: boolean;
  /** the `result` of tx, or null for "not found" */
  tx?: (hashHex: string) => Record<string, unknown> | null;
  /** the `result` of tx_search for a query (`{ txs, total_count }`); default: nothing found */
  txSearch?: (query: string) => Record<string, unknown>;
  /** `sync_info.latest_block_height` of status; default 23456789 */
  latestHeight?: () => string;
}

export interface ScriptedNode {
  url: string;
  /** JSON-RPC methods received, in order */
  calls: string[];
  close(): Promise<void>;
}

export async function startScriptedNode(options: ScriptedNodeOptions): Promise<ScriptedNode> {
  const calls: string[] = [];
  const server: Server = createServer((request, response) => {
    void handle(options, calls, request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A URL on which nothing listens (connection refused). */
export async function deadEndpoint(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/`;
}

async function handle(options: ScriptedNodeOptions, calls: string[], request: IncomingMessage, response: ServerResponse) {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { id: number; method: string; params: Record<string, unknown> };
  calls.push(body.method);
  if (options.failure === 'hang' || options.hangOn?.includes(body.method)) return;
  if (options.failure === 'http503') {
    response.writeHead(503, { 'content-type': 'text/html' }).end('<html>Service Unavailable</html>');
    return;
  }
  if (options.failure === 'garbage') {
    response.writeHead(200, { 'content-type': 'text/html' }).end('<html>not a node</html>');
    return;
  }
  const send = (payload: Record<string, unknown>) =>
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ jsonrpc: '2.0', id: body.id, ...payload }));
  switch (body.method) {
    case 'status':
      return send({ result: statusResult(options.network, options.version ?? '0.38.17', options.latestHeight?.()) });
    case 'abci_query': {
      const path = String(body.params.path);
      const data = Buffer.from(String(body.params.data ?? ''), 'hex');
      const answer = options.abciQuery?.(path, data) ?? { code: 6, codespace: 'sdk', log: `unknown query path: ${path}` };
      return send({ result: { response: abciResponse(answer) } });
    }
    case 'broadcast_tx_sync': {
      const tx = Buffer.from(String(body.params.tx), 'base64');
      const result = options.broadcastTxSync?.(tx) ?? {};
      return send({ result: { code: 0, data: '', log: '', codespace: '', hash: sha256Hex(tx), ...result } });
    }
    case 'tx': {
      if (options.txIndex === false) {
        return send({ error: { code: -32603, message: 'Internal error', data: 'transaction indexing is disabled' } });
      }
      const hashHex = Buffer.from(String(body.params.hash), 'base64').toString('hex').toUpperCase();
      const found = options.tx?.(hashHex) ?? null;
      if (found === null) {
        return send({ error: { code: -32603, message: 'Internal error', data: `tx (${hashHex}) not found` } });
      }
      return send({ result: found });
    }
    case 'tx_search':
      return send({ result: options.txSearch?.(String(body.params.query)) ?? { txs: [], total_count: '0' } });
    default:
      return send({ error: { code: -32601, message: 'Method not found', data: '' } });
  }
}

function abciResponse(answer: AbciAnswer): Record<string, unknown> {
  return {
    code: answer.code ?? 0,
    log: answer.log ?? '',
    info: '',
    index: '0',
    key: null,
    value: answer.value === undefined ? null : Buffer.from(answer.value).toString('base64'),
    proofOps: null,
    height: '23456789',
    codespace: answer.codespace ?? '',
  };
}

/** `status` exactly as a CometBFT node writes it (fields cosmjs checks are all present and well-formed). */
export function statusResult(network: string, version: string, latestHeight = '23456789'): Record<string, unknown> {
  return {
    node_info: {
      protocol_version: { p2p: '8', block: '11', app: '0' },
      id: 'a1f0e4c1b8d3e2f7a6b5c4d3e2f1a0b9c8d7e6f5',
      listen_addr: 'tcp://0.0.0.0:26656',
      network,
      version,
      channels: '40202122233038606100',
      moniker: 'strata-scripted-node',
      other: { tx_index: 'on', rpc_address: 'tcp://0.0.0.0:26657' },
    },
    sync_info: {
      latest_block_hash: '2E1E1C47C3F5B0E0B7C5D0A4E6F1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3',
      latest_app_hash: '9A8B7C6D5E4F30211D2C3B4A59687766554433221100FFEEDDCCBBAA99887766',
      latest_block_height: latestHeight,
      latest_block_time: '2024-11-05T10:00:00.123456789Z',
      earliest_block_hash: '1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3D4E5F60718293A4B5C6D7E8F90A',
      earliest_app_hash: '00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF',
      earliest_block_height: '23000000',
      earliest_block_time: '2024-10-01T00:00:00.000000000Z',
      catching_up: false,
    },
    validator_info: {
      address: '6D7E8F90A1B2C3D4E5F60718293A4B5C6D7E8F90',
      pub_key: { type: 'tendermint/PubKeyEd25519', value: 'q1ZQ2f6p2dQ3tTqz4v2cJ6W0vJ2mZrZbV8yqg9T1rjM=' },
      voting_power: '0',
    },
  };
}

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').toUpperCase();
}
