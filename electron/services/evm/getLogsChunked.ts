import { StrataError } from '../../../shared/errors';
import type { JsonRpcCall } from '../rpc/httpJsonRpc';
import { RpcResponseError } from '../rpc/rpcErrors';
import { quantity } from './rpcValues';

/** An `eth_getLogs` filter without its block range. */
export interface LogFilter {
  address?: string | readonly string[];
  topics?: ReadonlyArray<string | readonly string[] | null>;
}

/** A log as nodes return it (the fields callers read). */
export interface RpcLog {
  address: string;
  topics: string[];
  data: string;
  blockNumber: string;
  transactionHash: string;
  logIndex?: string;
}

export interface GetLogsChunkedOptions {
  /** First chunk size in blocks; default 2,000 (what public endpoints commonly allow). */
  chunkBlocks?: number;
  /** Stop after the first chunk that holds a log (a delivery lookup needs one). */
  stopAtFirst?: boolean;
  /** Most eth_getLogs requests in this call; default unbounded. Reached: `complete` is false and the cursor says where. */
  maxRequests?: number;
}

export interface ChunkedLogs<L> {
  logs: L[];
  /** The last block scanned, inclusive: a later scan resumes at cursor + 1 (journal it). fromBlock - 1 when nothing was. */
  cursor: bigint;
  /** Every block up to `toBlock` was scanned. */
  complete: boolean;
  /** eth_getLogs requests made (refused ones included). */
  requests: number;
}

export const DEFAULT_LOG_CHUNK_BLOCKS = 2_000;

/**
 * `eth_getLogs` over [fromBlock, toBlock] in chunks, so that public endpoints, which refuse wide ranges, still answer:
 * chunks start at 2,000 blocks and halve each time the node refuses a range (JSON-RPC -32005, -32602, -32614, or a
 * message about the block range), down to one block. `toBlock` 'latest' is read once (eth_blockNumber), so the scan
 * has a fixed end. Logs come in block order.
 * @throws StrataError INVALID_INPUT for a bad range; the node's other errors and RPC_UNAVAILABLE as they come
 */
export async function getLogsChunked<L = RpcLog>(
  call: JsonRpcCall,
  filter: LogFilter,
  range: { fromBlock: bigint; toBlock?: bigint | 'latest' },
  options: GetLogsChunkedOptions = {},
): Promise<ChunkedLogs<L>> {
  const toBlock = range.toBlock === undefined || range.toBlock === 'latest' ? quantity(await call('eth_blockNumber'), 'block number') : range.toBlock;
  const { fromBlock } = range;
  let chunk = options.chunkBlocks ?? DEFAULT_LOG_CHUNK_BLOCKS;
  if (fromBlock < 0n || toBlock < 0n) throw new StrataError('INVALID_INPUT', 'Block numbers cannot be negative');
  if (!Number.isInteger(chunk) || chunk < 1) throw new StrataError('INVALID_INPUT', 'The log chunk must be a positive whole number of blocks');
  const maxRequests = options.maxRequests ?? Number.POSITIVE_INFINITY;
  const logs: L[] = [];
  let cursor = fromBlock - 1n;
  let requests = 0;
  while (cursor < toBlock) {
    if (requests >= maxRequests) return { logs, cursor, complete: false, requests };
    const start = cursor + 1n;
    const end = minOf(start + BigInt(chunk) - 1n, toBlock);
    requests++;
    let found: L[];
    try {
      found = await call<L[]>('eth_getLogs', [{ ...filter, fromBlock: hex(start), toBlock: hex(end) }]);
    } catch (error) {
      if (error instanceof RpcResponseError && isRangeRefusal(error) && chunk > 1) {
        chunk = Math.max(1, Math.floor(chunk / 2));
        continue;
      }
      throw error;
    }
    if (!Array.isArray(found)) throw new StrataError('RPC_UNAVAILABLE', 'The node answered eth_getLogs with something other than a list');
    logs.push(...found);
    cursor = end;
    if (options.stopAtFirst && found.length > 0) return { logs, cursor, complete: cursor >= toBlock, requests };
  }
  return { logs, cursor, complete: true, requests };
}

const RANGE_CODES = new Set([-32005, -32602, -32614]);

/** A node's "this range is too wide" (or too many results) answer, as public endpoints word it. */
export function isRangeRefusal(error: RpcResponseError): boolean {
  return RANGE_CODES.has(error.rpcCode) || /block range|range/i.test(error.rpcMessage);
}

function hex(value: bigint): string {
  return `0x${value.toString(16)}`;
}

function minOf(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}
