/**
 * A stand-in Cosmos node over recorded transaction results: what it "has in its blocks" is a list of transactions
 * with events, answered to `tx` and `tx_search` in the exact JSON shapes of CometBFT 0.38 (plain attributes) or
 * Tendermint 0.34 (base64 keys and values, `index: true`), plus the gRPC queries of scriptedCosmosApp. The real cosmjs
 * clients and our failover talk to it over HTTP; there is no Cosmos node on our machines.
 */
import { createHash } from 'node:crypto';
import type { AbciAnswer } from './scriptedCometNode';
import { startScriptedNode, type ScriptedNode } from './scriptedCometNode';
import type { PlainEvent } from './ibcEvents';

export interface RecordedTx {
  hash: string;
  height: number;
  code: number;
  events: PlainEvent[];
  tx: Uint8Array;
}

export interface RecordedChain {
  network: string;
  node: ScriptedNode;
  url: string;
  txs: RecordedTx[];
  /** latest block height (status) */
  height: bigint;
  broadcasts: Uint8Array[];
  /** Adds a transaction result to the chain's blocks at the next height; returns its hash. */
  record(events: PlainEvent[], options?: { tx?: Uint8Array; code?: number }): string;
  close(): Promise<void>;
}

export interface RecordedChainOptions {
  network: string;
  /** '0.38.17' (plain attributes, default) or '0.34.27' (base64 attributes) */
  version?: string;
  abciQuery?: (path: string, data: Uint8Array) => AbciAnswer;
  /** Called on broadcast_tx_sync with the chain; return the CheckTx result fields (default: accepted). */
  onBroadcast?: (tx: Uint8Array, chain: RecordedChain) => Record<string, unknown> | void;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').toUpperCase();
}

export async function startRecordedChain(options: RecordedChainOptions): Promise<RecordedChain> {
  const version = options.version ?? '0.38.17';
  const base64 = version.startsWith('0.34');
  const enc = (text: string) => (base64 ? Buffer.from(text, 'utf8').toString('base64') : text);
  const shape = (tx: RecordedTx) => ({
    hash: tx.hash,
    height: String(tx.height),
    index: 0,
    tx_result: {
      code: tx.code,
      data: '',
      log: tx.code === 0 ? '' : 'failed to execute message',
      info: '',
      gas_wanted: '200000',
      gas_used: '123456',
      events: tx.events.map((e) => ({ type: e.type, attributes: e.attributes.map((a) => ({ key: enc(a.key), value: enc(a.value), index: true })) })),
      codespace: tx.code === 0 ? '' : 'sdk',
    },
    tx: Buffer.from(tx.tx).toString('base64'),
  });
  const chain: RecordedChain = {
    network: options.network,
    node: undefined as unknown as ScriptedNode,
    url: '',
    txs: [],
    height: 1_000_000n,
    broadcasts: [],
    record(events, extra = {}) {
      const tx = extra.tx ?? new TextEncoder().encode(`${options.network}:${chain.txs.length}:${JSON.stringify(events).length}`);
      const hash = sha256Hex(tx);
      chain.height += 1n;
      chain.txs.push({ hash, height: Number(chain.height), code: extra.code ?? 0, events, tx });
      return hash;
    },
    close: () => chain.node.close(),
  };
  chain.node = await startScriptedNode({
    network: options.network,
    version,
    latestHeight: () => chain.height.toString(),
    abciQuery: options.abciQuery,
    broadcastTxSync: (tx) => {
      chain.broadcasts.push(tx);
      return options.onBroadcast?.(tx, chain) ?? {};
    },
    tx: (hash) => {
      const found = chain.txs.find((t) => t.hash === hash);
      return found === undefined ? null : shape(found);
    },
    txSearch: (query) => {
      const conditions = parseQuery(query);
      const found = chain.txs.filter((tx) => conditions.every(([type, key, value]) => tx.events.some((e) => e.type === type && e.attributes.some((a) => a.key === key && a.value === value))));
      return { txs: found.map(shape), total_count: String(found.length) };
    },
  });
  chain.url = chain.node.url;
  return chain;
}

/** `a.b='x' AND c.d=5` -> [[a, b, x], [c, d, 5]] (the subset of CometBFT's query language our code writes). */
function parseQuery(query: string): Array<[string, string, string]> {
  return query.split(' AND ').map((part) => {
    const match = /^([^.=\s]+)\.([^=\s]+)\s*=\s*'?([^']*)'?$/.exec(part.trim());
    if (!match) throw new Error(`unsupported query: ${part}`);
    return [match[1] as string, match[2] as string, match[3] as string];
  });
}
