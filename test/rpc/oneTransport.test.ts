import { afterEach, describe, expect, it } from 'vitest';
import { resolveChain } from '../../electron/services/chains/chainRegistry';
import { createCosmosRpc } from '../../electron/services/cosmos/rpc/createCosmosRpc';
import { createFailoverRpc } from '../../electron/services/rpc/createFailoverRpc';
import { RpcResponseError, RpcTransportError } from '../../electron/services/rpc/rpcErrors';
import { StrataError } from '../../shared/errors';
import { listenLocal, type LocalHttpServer } from '../support/localHttpServer';

/** A JSON-RPC endpoint that answers each request with a scripted HTTP status and body. */
interface Scripted {
  server: LocalHttpServer;
  hits: number;
}

const servers: LocalHttpServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function scripted(status: number | ((method: string) => number), body: (id: unknown, method: string) => string): Promise<Scripted> {
  const state = { hits: 0 } as Scripted;
  state.server = await listenLocal((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      state.hits++;
      const request = JSON.parse(raw) as { id: unknown; method: string };
      res.writeHead(typeof status === 'number' ? status : status(request.method), { 'content-type': 'application/json' }).end(body(request.id, request.method));
    });
  });
  servers.push(state.server);
  return state;
}

const ok = (result: unknown) => (id: unknown) => JSON.stringify({ jsonrpc: '2.0', id, result });
const rpcError = (code: number, message: string, data?: string) => (id: unknown) => JSON.stringify({ jsonrpc: '2.0', id, error: { code, message, data } });
const host = (s: Scripted) => new URL(s.server.url).host;
/** A CometBFT /status answer for cosmoshub-4 (the shape of CometBFT 0.38). */
const cometStatus = {
  node_info: { protocol_version: { p2p: '8', block: '11', app: '0' }, id: 'a'.repeat(40), listen_addr: 'tcp://0.0.0.0:26656', network: 'cosmoshub-4', version: '0.38.17', channels: '40', moniker: 'm', other: { tx_index: 'on', rpc_address: 'tcp://0.0.0.0:26657' } },
  sync_info: { latest_block_hash: 'A'.repeat(64), latest_app_hash: 'B'.repeat(64), latest_block_height: '100', latest_block_time: '2026-01-01T00:00:00Z', earliest_block_hash: 'C'.repeat(64), earliest_app_hash: 'D'.repeat(64), earliest_block_height: '1', earliest_block_time: '2025-01-01T00:00:00Z', catching_up: false },
  validator_info: { address: 'E'.repeat(40), pub_key: { type: 'tendermint/PubKeyEd25519', value: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=' }, voting_power: '0' },
};

describe('one transport, one failover rule for both chain families', () => {
  it('fails over on HTTP 429, 502, 503, 504 even when they carry a JSON-RPC error body (the gateway speaking)', async () => {
    for (const status of [429, 502, 503, 504]) {
      const gateway = await scripted(status, rpcError(-32005, 'rate limited'));
      const good = await scripted(200, ok('0x10'));
      const rpc = createFailoverRpc([gateway.server.url, good.server.url]);
      expect(await rpc.request('eth_blockNumber')).toBe('0x10');
      expect([gateway.hits, good.hits]).toEqual([1, 1]);
    }
  });

  it('takes a JSON-RPC error under HTTP 500 as the node answer (CometBFT does this), but fails over on a 500 without one', async () => {
    const node = await scripted(500, rpcError(-32603, 'Internal error', 'tx (ABCD) not found'));
    const second = await scripted(200, ok('0x10'));
    const rpc = createFailoverRpc([node.server.url, second.server.url]);
    const answer = await rpc.request('tx', []).catch((e: unknown) => e);
    expect(answer).toBeInstanceOf(RpcResponseError);
    expect(answer).toMatchObject({ rpcCode: -32603, rpcMessage: 'Internal error', dataText: 'tx (ABCD) not found', code: 'INTERNAL' });
    expect([node.hits, second.hits]).toEqual([1, 0]);

    const broken = await scripted(500, () => '<html>oops</html>');
    const rpc2 = createFailoverRpc([broken.server.url, second.server.url]);
    expect(await rpc2.request('eth_blockNumber')).toBe('0x10');
    expect([broken.hits, second.hits]).toEqual([1, 1]);
  });

  it('applies the same rule to a Cosmos client: 503 fails over, a node error answer under 500 does not', async () => {
    const cosmoshub = resolveChain('cosmoshub');
    const gateway = await scripted(503, rpcError(-32000, 'busy'));
    const node = await scripted(200, ok(cometStatus));
    const rpc = createCosmosRpc([gateway.server.url, node.server.url], cosmoshub);
    expect(await rpc.withNode((n) => Promise.resolve(n.label))).toBe(host(node));

    const refusing = await scripted((method) => (method === 'status' ? 200 : 500), (id, method) => (method === 'status' ? ok(cometStatus)(id) : rpcError(-32603, 'Internal error', 'tx (ABCD) not found')(id)));
    const spare = await scripted(200, ok(cometStatus));
    const rpc2 = createCosmosRpc([refusing.server.url, spare.server.url], cosmoshub);
    const answer = await rpc2.withNode((n) => n.comet.tx({ hash: new Uint8Array(32) })).catch((e: unknown) => e);
    expect(answer).toBeInstanceOf(RpcResponseError);
    expect((answer as RpcResponseError).dataText).toBe('tx (ABCD) not found');
    expect(spare.hits).toBe(0);
  });

  it('has one pair of error classes, both StrataErrors: a transport error that escapes is RPC_UNAVAILABLE', () => {
    const transport = new RpcTransportError('node.example:443', 'HTTP 503');
    expect(transport).toBeInstanceOf(StrataError);
    expect([transport.code, transport.message]).toEqual(['RPC_UNAVAILABLE', 'node.example:443: HTTP 503']);
    expect(new RpcResponseError('eth_call', 3, 'execution reverted', '0x')).toBeInstanceOf(StrataError);
  });

  it('names every endpoint tried when all fail, and never their paths', async () => {
    const a = await scripted(503, () => 'down');
    const b = await scripted(502, () => 'down');
    const rpc = createFailoverRpc([`${a.server.url}/v3/secretkey`, `${b.server.url}/?apikey=hunter2`], { name: 'Base' });
    const error = (await rpc.request('eth_blockNumber').catch((e: unknown) => e)) as StrataError;
    expect([error.code, error.message, error.details]).toEqual(['RPC_UNAVAILABLE', `No RPC endpoint of Base answered (tried ${host(a)}, ${host(b)})`, `${host(a)}: HTTP 503; ${host(b)}: HTTP 502`]);
  });

  it('sends a request again, once, when the server closes the connection before answering (a stale kept-alive socket)', async () => {
    let requests = 0;
    const server = await listenLocal((req, res) => {
      requests++;
      req.resume();
      if (requests === 1) {
        req.socket.destroy();
        return;
      }
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ jsonrpc: '2.0', id: 1, result: '0x2a' })));
    });
    servers.push(server);
    expect(await createFailoverRpc([server.url]).request('eth_blockNumber')).toBe('0x2a');
    expect(requests).toBe(2);
  });

});
