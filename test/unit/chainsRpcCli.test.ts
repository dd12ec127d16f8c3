import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import type { CliIo } from '../../electron/cli/io';
import { checkEndpointPolicy } from '../../electron/services/chains/checkEndpointPolicy';
import { defaultEndpoints } from '../../electron/services/chains/defaultEndpoints';
import { createCoreHarness } from '../support/coreHarness';
import { listenLocal, type LocalHttpServer } from '../support/localHttpServer';
import { expectStrataError } from './expectStrataError';

/** A node stand-in answering eth_chainId with `chainIdHex` (an Arbitrum One or a Base node, say). */
async function evmNode(chainIdHex: string): Promise<LocalHttpServer> {
  return listenLocal((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const { id } = JSON.parse(raw) as { id: number };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ jsonrpc: '2.0', id, result: chainIdHex }));
    });
  });
}

let dir: string;
let arbitrumNode: LocalHttpServer;
let baseNode: LocalHttpServer;
beforeAll(async () => {
  [arbitrumNode, baseNode] = await Promise.all([evmNode('0xa4b1'), evmNode('0x2105')]);
});
afterAll(async () => {
  await Promise.all([arbitrumNode.close(), baseNode.close()]);
});
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function cli(argv: string[]): Promise<{ code: number; json: Record<string, unknown> }> {
  let stdout = '';
  const io: CliIo = { stdin: async () => '', env: { STRATA_DEVNET_DIR: join(tmpdir(), 'strata-no-devnet-here') }, stdout: (t) => (stdout += t), stderr: () => undefined };
  const code = await runCli([...argv, '--json'], io);
  return { code, json: JSON.parse(stdout.trim().split('\n').pop() ?? 'null') as Record<string, unknown> };
}
const errorCode = (r: { json: Record<string, unknown> }) => (r.json.error as { code?: string } | undefined)?.code;

describe('strata chains rpc / set-rpc', () => {
  it('shows the defaults, saves endpoints that serve the chain, and --reset restores the defaults', async () => {
    dir = await mkdtemp(join(tmpdir(), 'strata-chains-rpc-'));
    const before = await cli(['chains', 'rpc', 'arbitrum', '--dir', dir]);
    expect(before).toEqual({ code: 0, json: { chain: 'eip155:42161', endpoints: defaultEndpoints('eip155:42161'), defaults: defaultEndpoints('eip155:42161'), custom: false, changed: false } });

    const set = await cli(['chains', 'set-rpc', 'arbitrum', `${arbitrumNode.url},${arbitrumNode.url}/second`, '--dir', dir]);
    expect(set.code).toBe(0);
    expect(set.json).toMatchObject({ chain: 'eip155:42161', endpoints: [arbitrumNode.url, `${arbitrumNode.url}/second`], custom: true, changed: true });
    // The app's store: chains.json in the data dir.
    const saved = JSON.parse(await readFile(join(dir, 'chains.json'), 'utf8')) as { rpcOverrides: Record<string, string[]> };
    expect(saved.rpcOverrides).toEqual({ 'eip155:42161': [arbitrumNode.url, `${arbitrumNode.url}/second`] });
    expect((await cli(['chains', 'rpc', 'eip155:42161', '--dir', dir])).json).toMatchObject({ endpoints: [arbitrumNode.url, `${arbitrumNode.url}/second`], custom: true });

    const reset = await cli(['chains', 'rpc', 'arbitrum', '--reset', '--dir', dir]);
    expect(reset.json).toMatchObject({ endpoints: defaultEndpoints('eip155:42161'), custom: false, changed: true });
  });

  it('saves nothing when a node serves another chain, is down, or is plain http to another machine', async () => {
    dir = await mkdtemp(join(tmpdir(), 'strata-chains-rpc-'));
    const wrong = await cli(['chains', 'set-rpc', 'arbitrum', `${arbitrumNode.url},${baseNode.url}`, '--dir', dir]);
    expect([wrong.code, errorCode(wrong)]).toEqual([1, 'CHAIN_ID_MISMATCH']);
    const down = await cli(['chains', 'set-rpc', 'arbitrum', 'http://127.0.0.1:9', '--dir', dir]);
    expect([down.code, errorCode(down)]).toEqual([1, 'RPC_UNAVAILABLE']);
    const plain = await cli(['chains', 'set-rpc', 'arbitrum', 'http://rpc.example.com', '--dir', dir]);
    expect([plain.code, errorCode(plain)]).toEqual([2, 'INVALID_INPUT']);
    expect(errorCode(await cli(['chains', 'set-rpc', 'solana', arbitrumNode.url, '--dir', dir]))).toBe('UNKNOWN_CHAIN');
    expect(errorCode(await cli(['chains', 'set-rpc', 'arbitrum', '--dir', dir]))).toBe('INVALID_INPUT');
    await expect(readFile(join(dir, 'chains.json'), 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('checkEndpointPolicy', () => {
  it('allows https anywhere and plain http only to loopback addresses', () => {
    for (const ok of ['https://rpc.example.com/v1', 'http://127.0.0.1:8545', 'http://127.1.2.3', 'http://localhost:26657', 'http://[::1]:8545']) expect(checkEndpointPolicy(ok)).toBe(ok);
    for (const bad of ['http://rpc.example.com', 'http://10.0.0.5:8545', 'http://192.168.1.2', 'http://127.0.0.1.evil.com', 'ws://127.0.0.1', 'nonsense']) expectStrataError(() => checkEndpointPolicy(bad), 'INVALID_INPUT');
  });
});

describe('chains.setRpc in the app', () => {
  it('needs the vault unlocked: a locked wallet changes nothing, and reading endpoints still works', async () => {
    const h = await createCoreHarness();
    dir = h.dataDir;
    const answer = await h.call('chains.setRpc', { chain: 'arbitrum', endpoints: [arbitrumNode.url] });
    expect(answer).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
    await expect(readFile(join(h.dataDir, 'chains.json'), 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await h.value('chains.rpc', { chain: 'arbitrum' })).toMatchObject({ endpoints: defaultEndpoints('eip155:42161') });
  });
});
