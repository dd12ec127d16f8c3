import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpRpc } from '../../electron/services/devnet/jsonRpc';
import { createRpcProxy } from '../../electron/services/devnet/rpcProxy';
import { startDevnet, type Devnet } from '../../electron/services/devnet/startDevnet';
import { expectStrataRejection } from '../unit/expectStrataError';
import type { StrataError } from '../../shared/errors';

let devnet: Devnet;

beforeAll(async () => {
  devnet = await startDevnet();
});

afterAll(async () => {
  await devnet?.stop();
});

/** One raw JSON-RPC POST; returns the HTTP status and body, or the network error's code. */
async function post(url: string, timeoutMs = 2_000): Promise<{ status: number; body: unknown } | { error: string }> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    return { status: response.status, body: response.status === 200 ? await response.json() : await response.text() };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return { error: cause?.code ?? (error as Error).name };
  }
}

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - started };
}

describe('rpc proxy', () => {
  it('forwards JSON-RPC to the chain and injects latency on every request', async () => {
    const proxy = await devnet.rpcProxy('devnet-b', { latencyMs: 100 });
    expect(proxy.url).toMatch(/^http:\/\/127\.0\.0\.1:[0-9]+$/);
    expect(proxy.target).toBe(devnet.chains[1].rpc);
    const rpc = httpRpc(proxy.url);
    for (let i = 0; i < 3; i++) {
      const { value, ms } = await timed(() => rpc('eth_chainId'));
      expect(value).toBe('0x7a6a');
      expect(ms).toBeGreaterThanOrEqual(100);
    }
    proxy.setLatency(0);
    expect(proxy.latencyMs).toBe(0);
    expect(await rpc('eth_blockNumber')).toMatch(/^0x[0-9a-f]+$/);
    expect(proxy.forwarded).toBe(4);
    // Batches and error answers pass through untouched.
    const batch = await fetch(proxy.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ jsonrpc: '2.0', id: 1, method: 'eth_chainId' }, { jsonrpc: '2.0', id: 2, method: 'no_such_method' }]),
    });
    const answers = (await batch.json()) as Array<{ id: number; result?: string; error?: { code: number } }>;
    expect(answers.map((a) => [a.id, a.result ?? a.error?.code])).toEqual([[1, '0x7a6a'], [2, -32004]]);
  });

  it('can be taken down (connection refused) and brought back up on the same URL', async () => {
    const proxy = await devnet.rpcProxy('devnet-a');
    expect(await post(proxy.url)).toEqual({ status: 200, body: { jsonrpc: '2.0', id: 1, result: '0x7a69' } });
    await proxy.takeDown();
    expect(proxy.state).toBe('refuse');
    expect(await post(proxy.url)).toEqual({ error: 'ECONNREFUSED' });
    await expectStrataRejection(httpRpc(proxy.url)('eth_chainId'), 'RPC_UNAVAILABLE');
    await proxy.bringUp();
    expect(await post(proxy.url)).toEqual({ status: 200, body: { jsonrpc: '2.0', id: 1, result: '0x7a69' } });
  });

  it('can answer 503 or hang while down', async () => {
    const proxy = await createRpcProxy(devnet.chains[0].rpc, { down: 'http-503' });
    try {
      expect(await post(proxy.url)).toEqual({ status: 503, body: 'rpc proxy is down' });
      const refused = await httpRpc(proxy.url)('eth_chainId').then(() => null, (error: unknown) => error as StrataError);
      // the message names the endpoint tried; the details say what it answered
      expect([refused?.code, refused?.details]).toEqual(['RPC_UNAVAILABLE', `${new URL(proxy.url).host}: HTTP 503`]);
      await proxy.takeDown('hang');
      const hung = await timed(() => post(proxy.url, 300));
      expect(hung.value).toEqual({ error: 'TimeoutError' });
      expect(hung.ms).toBeGreaterThanOrEqual(290);
      await proxy.bringUp();
      expect(await post(proxy.url)).toEqual({ status: 200, body: { jsonrpc: '2.0', id: 1, result: '0x7a69' } });
      expect(proxy.forwarded).toBe(1);
    } finally {
      await proxy.close();
    }
    expect(await post(proxy.url)).toEqual({ error: 'ECONNREFUSED' });
  });

  it('starts down when asked, reports an unreachable target as 502, and rejects bad options', async () => {
    const down = await createRpcProxy(devnet.chains[0].rpc, { down: true });
    expect(await post(down.url)).toEqual({ error: 'ECONNREFUSED' });
    await down.close();
    // A port nothing listens on: the closed proxy's own.
    const orphan = await createRpcProxy(down.url);
    expect(await post(orphan.url)).toEqual({ status: 502, body: 'rpc proxy: target unreachable' });
    await orphan.close();
    await expectStrataRejection(createRpcProxy('not a url'), 'INVALID_INPUT');
    await expectStrataRejection(createRpcProxy('ftp://127.0.0.1/'), 'INVALID_INPUT');
    await expectStrataRejection(createRpcProxy(devnet.chains[0].rpc, { latencyMs: -1 }), 'INVALID_INPUT');
  });
});
