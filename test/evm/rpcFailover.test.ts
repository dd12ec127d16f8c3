import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StrataError } from '../../shared/errors';
import { createEvmAdapter } from '../../electron/services/evm/createEvmAdapter';
import { createEvmRpc } from '../../electron/services/evm/createEvmRpc';
import { createFailoverRpc } from '../../electron/services/rpc/createFailoverRpc';
import { RpcResponseError } from '../../electron/services/rpc/rpcErrors';
import { expectStrataError, expectStrataRejection } from '../unit/expectStrataError';
import { ETH, startEvmFixture, type EvmFixture } from './support';

let fx: EvmFixture;

beforeAll(async () => {
  fx = await startEvmFixture(2);
});
afterAll(async () => {
  await fx?.close();
});

const host = (url: string) => new URL(url).host;

describe('failover JSON-RPC client', () => {
  it('checks its arguments and contacts nothing until used', async () => {
    expectStrataError(() => createFailoverRpc([]), 'RPC_UNAVAILABLE');
    expectStrataError(() => createFailoverRpc(['ws://127.0.0.1:8545']), 'INVALID_INPUT');
    expectStrataError(() => createFailoverRpc(['not a url']), 'INVALID_INPUT');
    expectStrataError(() => createFailoverRpc(['http://127.0.0.1:1'], { timeoutMs: 0 }), 'INVALID_INPUT');
    expectStrataError(() => createEvmRpc({ chain: { ...fx.chainA, id: 'cosmos:cosmoshub-4', family: 'cosmos' }, endpoints: ['http://127.0.0.1:1'] }), 'UNKNOWN_CHAIN');
    // The adapter reports a chain without endpoints as a rejection, like any other RPC failure.
    await expectStrataRejection(createEvmAdapter().getBalances({ chain: fx.chainA, endpoints: [] }, fx.addresses, [fx.assets.eth]), 'RPC_UNAVAILABLE', /No RPC endpoint is configured for Devnet A/);
    const proxy = await fx.devnet.rpcProxy('devnet-a');
    const rpc = createEvmRpc({ chain: fx.chainA, endpoints: [proxy.url] });
    expect(rpc.labels).toEqual([host(proxy.url)]);
    expect(proxy.forwarded).toBe(0);
    expect(await rpc.request('eth_chainId')).toBe('0x7a69');
  });

  it('moves to the next endpoint when one is down (refused), and keeps using the one that works', async () => {
    const down = await fx.devnet.rpcProxy('devnet-a', { down: 'refuse' });
    const up = await fx.devnet.rpcProxy('devnet-a');
    const adapter = createEvmAdapter();
    const target = { chain: fx.chainA, endpoints: [down.url, up.url] };
    expect(await adapter.getBalances(target, fx.addresses, [fx.assets.eth])).toEqual([[10_000n * ETH], [10_000n * ETH]]);
    expect(up.forwarded).toBe(1); // eth_chainId and the one eth_call, in one batch
    await down.bringUp();
    expect(await adapter.getBalances(target, fx.addresses, [fx.assets.eth])).toEqual([[10_000n * ETH], [10_000n * ETH]]);
    // The endpoint that answered stays first; the recovered one is not tried while it works.
    expect([down.forwarded, up.forwarded]).toEqual([0, 2]);
  });

  it('fails over past a hanging endpoint after its timeout, and past HTTP 503', async () => {
    const hanging = await fx.devnet.rpcProxy('devnet-a', { down: 'hang' });
    const unavailable = await fx.devnet.rpcProxy('devnet-a', { down: 'http-503' });
    const up = await fx.devnet.rpcProxy('devnet-a');
    const rpc = createEvmRpc({ chain: fx.chainA, endpoints: [hanging.url, unavailable.url, up.url] }, { timeoutMs: 300 });
    const started = performance.now();
    expect(await rpc.request('eth_blockNumber')).toMatch(/^0x[0-9a-f]+$/);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    const again = performance.now();
    await rpc.request('eth_blockNumber');
    expect(performance.now() - again).toBeLessThan(250);
    expect(up.forwarded).toBe(2);
  });

  it('reports RPC_UNAVAILABLE when every endpoint is down, naming hosts only', async () => {
    const a = await fx.devnet.rpcProxy('devnet-a', { down: 'refuse' });
    const b = await fx.devnet.rpcProxy('devnet-a', { down: 'http-503' });
    const secretA = `${a.url}/v3/0123456789abcdef-secret?apikey=hunter2`;
    const secretB = `http://user:pa55word@${host(b.url)}/private/path`;
    const adapter = createEvmAdapter({ rpc: { timeoutMs: 500 } });
    const error = (await adapter.getBalances({ chain: fx.chainA, endpoints: [secretA, secretB] }, fx.addresses, [fx.assets.eth]).catch((e: unknown) => e)) as StrataError;
    expect(error).toBeInstanceOf(StrataError);
    expect(error.code).toBe('RPC_UNAVAILABLE');
    expect(error.message).toBe(`No RPC endpoint of Devnet A answered (tried ${host(a.url)}, ${host(b.url)})`);
    expect(error.details).toBe(`${host(a.url)}: unreachable; ${host(b.url)}: HTTP 503`);
    const everything = `${error.message} ${error.details} ${JSON.stringify(error)}`;
    for (const secret of ['0123456789abcdef', 'hunter2', 'pa55word', 'user', 'private', '/v3']) expect(everything).not.toContain(secret);
  });

  it('sends URL credentials as HTTP Basic authorization (fetch refuses them in the URL)', async () => {
    const seen: Array<string | undefined> = [];
    const server = http.createServer((req, res) => {
      seen.push(req.headers.authorization);
      req.resume();
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ jsonrpc: '2.0', id: 1, result: '0x7a69' })));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      const rpc = createFailoverRpc([`http://us%40er:p%3Ass@127.0.0.1:${port}/key`]);
      expect(await rpc.request('eth_chainId')).toBe('0x7a69');
      expect(seen).toEqual([`Basic ${Buffer.from('us@er:p:ss').toString('base64')}`]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('refuses an endpoint that serves another chain id: CHAIN_ID_MISMATCH alone, skipped when another works', async () => {
    const wrong = await fx.devnet.rpcProxy('devnet-b');
    const adapter = createEvmAdapter();
    await expectStrataRejection(
      adapter.getBalances({ chain: fx.chainA, endpoints: [wrong.url] }, fx.addresses, [fx.assets.eth]),
      'CHAIN_ID_MISMATCH',
      new RegExp(`${host(wrong.url)} serves chain eip155:31338, not Devnet A \\(eip155:31337\\)`),
    );
    const right = await fx.devnet.rpcProxy('devnet-a');
    const rpc = createEvmRpc({ chain: fx.chainA, endpoints: [wrong.url, right.url] });
    const before = wrong.forwarded;
    for (let i = 0; i < 3; i++) expect(await rpc.request('eth_chainId')).toBe('0x7a69');
    // Asked once for its chain id, then never used again.
    expect(wrong.forwarded).toBe(before + 1);
    expect([...rpc.excluded.keys()]).toEqual([host(wrong.url)]);
    expect(right.forwarded).toBe(3); // the first eth_chainId rides with the check
    // Balances read through the pair are devnet-a's, not devnet-b's (where account 0 would hold the same ETH, so
    // look at the block number instead: devnet-b's differs after a block is mined on devnet-a only).
    await fx.devnet.mine(3, 'devnet-a');
    expect(await rpc.request('eth_blockNumber')).toBe(await fx.devnet.request('devnet-a', 'eth_blockNumber'));
  });

  it('never fails over on a JSON-RPC error answer (a revert, a refused transaction)', async () => {
    const first = await fx.devnet.rpcProxy('devnet-a');
    const second = await fx.devnet.rpcProxy('devnet-a');
    const rpc = createEvmRpc({ chain: fx.chainA, endpoints: [first.url, second.url] });
    // transfer() of more USDC than account 1 has... from an account with none: reverts.
    const data = `0xa9059cbb${'0'.repeat(24)}${(fx.addresses[0] as string).slice(2).toLowerCase()}${'0'.repeat(63)}1`;
    const revert = await rpc.request('eth_call', [{ from: fx.devnet.accounts[9], to: fx.devnet.contracts.usdc, data }, 'latest']).catch((e: unknown) => e);
    expect(revert).toBeInstanceOf(RpcResponseError);
    expect(revert).toMatchObject({ code: 'TX_FAILED', rpcCode: 3 });
    const garbage = await rpc.request('eth_sendRawTransaction', ['0x02deadbeef']).catch((e: unknown) => e);
    expect(garbage).toBeInstanceOf(RpcResponseError);
    // the check rides with the eth_call; a signed transaction is never batched with anything
    expect([first.forwarded, second.forwarded]).toEqual([2, 0]);
  });
});
