import { Comet38Client, Tendermint37Client } from '@cosmjs/tendermint-rpc';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveChain } from '../../electron/services/chains/chainRegistry';
import { createCosmosRpc, type CosmosNode } from '../../electron/services/cosmos/rpc/createCosmosRpc';
import type { StrataError } from '../../shared/errors';
import { expectStrataError, expectStrataRejection } from '../unit/expectStrataError';
import { deadEndpoint, startScriptedNode, type ScriptedNode, type ScriptedNodeOptions } from './support/scriptedCometNode';

const cosmoshub = resolveChain('cosmoshub');
const nodes: ScriptedNode[] = [];

async function node(options: Partial<ScriptedNodeOptions> = {}): Promise<ScriptedNode> {
  const started = await startScriptedNode({ network: 'cosmoshub-4', ...options });
  nodes.push(started);
  return started;
}

afterEach(async () => {
  await Promise.all(nodes.splice(0).map((n) => n.close()));
});

const whoAnswers = (n: CosmosNode) => Promise.resolve(n.label);
const hostOf = (url: string) => new URL(url).host;

describe('createCosmosRpc', () => {
  it('checks its arguments and contacts nothing until used', async () => {
    expectStrataError(() => createCosmosRpc(['ws://127.0.0.1:26657'], cosmoshub), 'INVALID_INPUT');
    expectStrataError(() => createCosmosRpc(['not a url'], cosmoshub), 'INVALID_INPUT');
    expectStrataError(() => createCosmosRpc([], cosmoshub), 'RPC_UNAVAILABLE');
    expectStrataError(() => createCosmosRpc(['http://127.0.0.1:1'], resolveChain('ethereum')), 'UNKNOWN_CHAIN');
    expectStrataError(() => createCosmosRpc(['http://127.0.0.1:1'], cosmoshub, { timeoutMs: 0 }), 'INVALID_INPUT');
    const good = await node();
    const rpc = createCosmosRpc([good.url], cosmoshub);
    expect(rpc.chainId).toBe('cosmoshub-4');
    expect(good.calls).toEqual([]);
    await rpc.withNode(whoAnswers);
    expect(good.calls).toEqual(['status']);
  });

  it('fails over past a refused connection, a timeout, an HTTP 503 and a non-JSON-RPC answer', async () => {
    const dead = await deadEndpoint();
    const hanging = await node({ failure: 'hang' });
    const unavailable = await node({ failure: 'http503' });
    const garbage = await node({ failure: 'garbage' });
    const good = await node();
    const rpc = createCosmosRpc([dead, hanging.url, unavailable.url, garbage.url, good.url], cosmoshub, { timeoutMs: 300 });
    const started = Date.now();
    expect(await rpc.withNode(whoAnswers)).toBe(hostOf(good.url));
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    // The endpoint that worked is tried first from now on: the hanging one is not waited for again.
    const again = Date.now();
    expect(await rpc.withNode(whoAnswers)).toBe(hostOf(good.url));
    expect(Date.now() - again).toBeLessThan(250);
    expect(hanging.calls).toEqual(['status']);
    expect(good.calls).toEqual(['status']);
  });

  it('reports RPC_UNAVAILABLE when every endpoint is down, with each failure in the details', async () => {
    const dead = await deadEndpoint();
    const hanging = await node({ failure: 'hang' });
    const rpc = createCosmosRpc([dead, hanging.url], cosmoshub, { timeoutMs: 200 });
    let error: StrataError | undefined;
    await rpc.withNode(whoAnswers).catch((e: StrataError) => (error = e));
    expect(error?.code).toBe('RPC_UNAVAILABLE');
    expect(error?.message).toBe(`No RPC endpoint of Cosmos Hub answered (tried ${hostOf(dead)}, ${hostOf(hanging.url)})`);
    expect(error?.details).toBe(`${hostOf(dead)}: unreachable; ${hostOf(hanging.url)}: no answer within 200 ms`);
  });

  it('never runs an operation on an endpoint of another chain', async () => {
    const testnet = await node({ network: 'theta-testnet-001' });
    const good = await node();
    const rpc = createCosmosRpc([testnet.url, good.url], cosmoshub);
    expect(await rpc.withNode(whoAnswers)).toBe(hostOf(good.url));
    expect(await rpc.withNode(whoAnswers)).toBe(hostOf(good.url));
    expect(testnet.calls).toEqual(['status']);

    const onlyWrong = createCosmosRpc([testnet.url], cosmoshub);
    await expectStrataRejection(
      onlyWrong.withNode(whoAnswers),
      'CHAIN_ID_MISMATCH',
      new RegExp(`^No usable RPC endpoint for Cosmos Hub: ${hostOf(testnet.url)} serves chain "theta-testnet-001", expected "cosmoshub-4"$`),
    );
    await expectStrataRejection(onlyWrong.withNode(whoAnswers), 'CHAIN_ID_MISMATCH');
    expect(testnet.calls).toEqual(['status', 'status']);
  });

  it('picks the cosmjs client and the attribute encoding from the node version', async () => {
    const old = await node({ version: '0.34.28' });
    const current = await node({ version: '0.38.17' });
    const oldNode = await createCosmosRpc([old.url], cosmoshub).withNode((n) => Promise.resolve(n));
    const currentNode = await createCosmosRpc([current.url], cosmoshub).withNode((n) => Promise.resolve(n));
    expect(oldNode.attributeEncoding).toBe('base64');
    expect(oldNode.comet).toBeInstanceOf(Tendermint37Client);
    expect(oldNode.version).toBe('0.34.28');
    expect(currentNode.attributeEncoding).toBe('plain');
    expect(currentNode.comet).toBeInstanceOf(Comet38Client);
  });

  it('moves on when the endpoint in use dies mid-operation, and lets other errors through', async () => {
    const flaky = await node({ hangOn: ['abci_query'] });
    const good = await node();
    const rpc = createCosmosRpc([flaky.url, good.url], cosmoshub, { timeoutMs: 300 });
    const answeredBy = await rpc.withNode(async (n) => {
      await n.comet.abciQuery({ path: '/cosmos.bank.v1beta1.Query/Params', data: new Uint8Array() });
      return n.label;
    });
    expect(answeredBy).toBe(hostOf(good.url));
    expect(flaky.calls).toEqual(['status', 'abci_query']);

    let runs = 0;
    const failing = rpc.withNode(async () => {
      runs += 1;
      throw new Error('not a transport error');
    });
    await expect(failing).rejects.toThrow('not a transport error');
    expect(runs).toBe(1);
  });
});
