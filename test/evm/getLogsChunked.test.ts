import { afterEach, describe, expect, it } from 'vitest';
import { getLogsChunked, type RpcLog } from '../../electron/services/evm/getLogsChunked';
import { createFailoverRpc } from '../../electron/services/rpc/createFailoverRpc';
import { RpcResponseError } from '../../electron/services/rpc/rpcErrors';
import { listenLocal, type LocalHttpServer } from '../support/localHttpServer';

const servers: LocalHttpServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const TOPIC = `0x${'ab'.repeat(32)}`;

/**
 * A stand-in node at block `head` holding logs at `logBlocks`, that refuses eth_getLogs over more than 1,000 blocks
 * the way public endpoints do (`refusal`: code and message), and records each range it was asked for.
 */
async function rangeLimitedNode(head: number, logBlocks: number[], refusal = { code: -32602, message: 'Log response size exceeded. You can make eth_getLogs requests with up to a 1000 block range' }) {
  const asked: Array<[number, number] | 'refused'> = [];
  const server = await listenLocal((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      const { id, method, params } = JSON.parse(raw) as { id: number; method: string; params: Array<{ fromBlock: string; toBlock: string }> };
      const reply = (body: object) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ jsonrpc: '2.0', id, ...body }));
      if (method === 'eth_blockNumber') return reply({ result: `0x${head.toString(16)}` });
      const [from, to] = [Number(params[0]!.fromBlock), Number(params[0]!.toBlock)];
      if (to - from + 1 > 1_000) {
        asked.push('refused');
        return reply({ error: refusal });
      }
      asked.push([from, to]);
      const logs = logBlocks.filter((b) => b >= from && b <= to).map((b) => ({ address: `0x${'11'.repeat(20)}`, topics: [TOPIC], data: '0x', blockNumber: `0x${b.toString(16)}`, transactionHash: `0x${b.toString(16).padStart(64, '0')}`, logIndex: '0x0' }));
      return reply({ result: logs });
    });
  });
  servers.push(server);
  return { rpc: createFailoverRpc([server.url]).request, asked };
}

describe('getLogsChunked against a node that refuses ranges over 1,000 blocks', () => {
  it('starts at 2,000 blocks, halves once on the refusal, and scans the whole range in order', async () => {
    const node = await rangeLimitedNode(10_000, [1_500, 7_777, 10_000]);
    const scan = await getLogsChunked<RpcLog>(node.rpc, { topics: [TOPIC] }, { fromBlock: 0n, toBlock: 'latest' });
    expect(scan.logs.map((l) => Number(l.blockNumber))).toEqual([1_500, 7_777, 10_000]);
    expect([scan.cursor, scan.complete, scan.requests]).toEqual([10_000n, true, 12]);
    expect(node.asked).toEqual(['refused', ...Array.from({ length: 11 }, (_, i) => [i * 1_000, Math.min(i * 1_000 + 999, 10_000)])]);
  });

  it('stops at the first chunk holding a log, and a scan resumed from the cursor (after a restart) finds the next', async () => {
    const node = await rangeLimitedNode(10_000, [1_500, 7_777]);
    const first = await getLogsChunked<RpcLog>(node.rpc, { topics: [TOPIC] }, { fromBlock: 0n, toBlock: 10_000n }, { stopAtFirst: true });
    expect(first.logs.map((l) => Number(l.blockNumber))).toEqual([1_500]);
    expect([first.cursor, first.complete]).toEqual([1_999n, false]);
    const resumed = await getLogsChunked<RpcLog>(node.rpc, { topics: [TOPIC] }, { fromBlock: first.cursor + 1n, toBlock: 10_000n }, { stopAtFirst: true });
    expect(resumed.logs.map((l) => Number(l.blockNumber))).toEqual([7_777]);
    expect(resumed.cursor).toBe(7_999n);
  });

  it('recognises the other range refusals (-32005, -32614, a "block range" message) and stops at maxRequests with the cursor', async () => {
    for (const refusal of [{ code: -32005, message: 'query returned more than 10000 results' }, { code: -32614, message: 'eth_getLogs is limited' }, { code: -32000, message: 'exceed maximum block range: 1000' }]) {
      const node = await rangeLimitedNode(5_000, [4_200], refusal);
      const scan = await getLogsChunked<RpcLog>(node.rpc, {}, { fromBlock: 0n, toBlock: 5_000n }, { maxRequests: 3 });
      expect([scan.logs.length, scan.cursor, scan.complete, scan.requests]).toEqual([0, 1_999n, false, 3]);
    }
  });

  it('passes any other node error through untouched, without retrying', async () => {
    const server = await listenLocal((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ jsonrpc: '2.0', id: 1, error: { code: -32000, message: 'header not found' } })));
    });
    servers.push(server);
    const error = await getLogsChunked(createFailoverRpc([server.url]).request, {}, { fromBlock: 0n, toBlock: 10n }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RpcResponseError);
    expect((error as RpcResponseError).rpcMessage).toBe('header not found');
  });
});
