import { afterEach, describe, expect, it } from 'vitest';
import { createChainClients } from '../../electron/services/chains/chainClients';
import { resolveChain } from '../../electron/services/chains/chainRegistry';
import { listenLocal, type LocalHttpServer } from '../support/localHttpServer';

const servers: LocalHttpServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** An Ethereum-mainnet stand-in answering eth_chainId 0x1 and eth_blockNumber, single or batched; counts HTTP requests. */
async function ethereumNode(): Promise<{ url: string; hits: () => number }> {
  let hits = 0;
  const server = await listenLocal((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      hits++;
      const body = JSON.parse(raw) as { id: number; method: string } | Array<{ id: number; method: string }>;
      const answer = (r: { id: number; method: string }) => ({ jsonrpc: '2.0', id: r.id, result: r.method === 'eth_chainId' ? '0x1' : '0x64' });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(Array.isArray(body) ? body.map(answer) : answer(body)));
    });
  });
  servers.push(server);
  return { url: server.url, hits: () => hits };
}

describe('chainClients: one client per chain, replaced when its endpoints change', () => {
  it('hands out the same client while the endpoints stay the same, so the chain id is checked once', async () => {
    const node = await ethereumNode();
    const clients = createChainClients();
    const chain = resolveChain('ethereum');
    const first = clients.evm({ chain, endpoints: [node.url] });
    expect(clients.evm({ chain, endpoints: [node.url] })).toBe(first);
    await first.request('eth_blockNumber');
    await clients.evm({ chain, endpoints: [node.url] }).request('eth_blockNumber');
    // eth_chainId rode with the first call; the second call is one request on the same, already checked client.
    expect([node.hits(), clients.created.evm]).toEqual([2, 1]);
  });

  it('replaces a chain client when its endpoints change, and keeps one per chain', async () => {
    const [a, b] = [await ethereumNode(), await ethereumNode()];
    const clients = createChainClients();
    const ethereum = resolveChain('ethereum');
    const old = clients.evm({ chain: ethereum, endpoints: [a.url] });
    const replaced = clients.evm({ chain: ethereum, endpoints: [b.url, a.url] });
    expect(replaced).not.toBe(old);
    expect(replaced.labels).toEqual([new URL(b.url).host, new URL(a.url).host]);
    expect(clients.evm({ chain: ethereum, endpoints: [b.url, a.url] })).toBe(replaced);
    expect(clients.created.evm).toBe(2);
  });
});
