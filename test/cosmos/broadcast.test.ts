import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveChain } from '../../electron/services/chains/chainRegistry';
import { createCosmosRpc } from '../../electron/services/cosmos/rpc/createCosmosRpc';
import { eventAttributeValues } from '../../electron/services/cosmos/rpc/normalizeEventAttributes';
import { broadcastAndWait } from '../../electron/services/cosmos/tx/broadcastAndWait';
import { cosmosTxHash } from '../../electron/services/cosmos/tx/txHash';
import type { StrataError } from '../../shared/errors';
import { expectStrataRejection } from '../unit/expectStrataError';
import { COSMJS_TEST_ADDRESS_0, COSMJS_TEST_ADDRESS_1 } from './support/cosmosTestKeys';
import { startScriptedNode, type ScriptedNode, type ScriptedNodeOptions } from './support/scriptedCometNode';

const cosmoshub = resolveChain('cosmoshub');
/** Stand-in TxRaw bytes: the node under test does not decode them, it indexes them by hash. */
const TX = new TextEncoder().encode('strata signed tx bytes');
const HASH = cosmosTxHash(TX);
const FAST = { pollIntervalMs: 20, timeoutMs: 2_000 };

type TxResult = { result: Record<string, unknown> & { tx_result: Record<string, unknown> } };
const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, 'fixtures', name), 'utf8')) as TxResult;

/** The fixture's `tx` result, re-keyed to our transaction, with tx_result fields overridden. */
function txResult(name: string, txResultOverrides: Record<string, unknown> = {}): Record<string, unknown> {
  const { result } = fixture(name);
  return { ...result, hash: HASH, tx: Buffer.from(TX).toString('base64'), tx_result: { ...result.tx_result, ...txResultOverrides } };
}

const nodes: ScriptedNode[] = [];
async function node(options: Partial<ScriptedNodeOptions>): Promise<ScriptedNode> {
  const started = await startScriptedNode({ network: 'cosmoshub-4', ...options });
  nodes.push(started);
  return started;
}
afterEach(async () => {
  await Promise.all(nodes.splice(0).map((n) => n.close()));
});

/** A tx lookup that answers "not found" `misses` times, then the result. */
function includedAfter(misses: number, result: Record<string, unknown>) {
  let lookups = 0;
  return (hash: string) => {
    expect(hash).toBe(HASH);
    lookups += 1;
    return lookups > misses ? result : null;
  };
}

describe('broadcastAndWait', () => {
  it('broadcasts, polls until included, and returns the plain events of a CometBFT 0.38 node', async () => {
    const comet = await node({ version: '0.38.17', tx: includedAfter(2, txResult('tx-cometbft-0.38.json')) });
    const result = await broadcastAndWait(createCosmosRpc([comet.url], cosmoshub), TX, FAST);
    expect(comet.calls).toEqual(['status', 'broadcast_tx_sync', 'tx', 'tx', 'tx']);
    expect(result).toMatchObject({ hash: HASH, height: 23_456_789, gasWanted: 100_000n, gasUsed: 81_734n });
    expect(eventAttributeValues(result.events, 'transfer', 'recipient')).toEqual([
      'cosmos17xpfvakm2amg962yls6f84z3kell8c5lserqta',
      COSMJS_TEST_ADDRESS_1,
    ]);
    expect(eventAttributeValues(result.events, 'message', 'sender')).toEqual([COSMJS_TEST_ADDRESS_0, COSMJS_TEST_ADDRESS_0, COSMJS_TEST_ADDRESS_0]);
  });

  it('decodes the base64 events of a Tendermint 0.34 node', async () => {
    const tendermint = await node({ version: '0.34.27', tx: includedAfter(0, txResult('tx-tendermint-0.34.json')) });
    const result = await broadcastAndWait(createCosmosRpc([tendermint.url], cosmoshub), TX, FAST);
    expect(result.height).toBe(14_876_543);
    expect(result.events[3]).toEqual({ type: 'message', attributes: [{ key: 'sender', value: COSMJS_TEST_ADDRESS_0 }] });
    expect(eventAttributeValues(result.events, 'transfer', 'amount')).toEqual(['2500uatom', '1000000uatom']);
    expect(eventAttributeValues(result.events, 'message', 'module')).toEqual(['bank']);
  });

  it('reports a CheckTx rejection without waiting for a block', async () => {
    const picky = await node({
      broadcastTxSync: () => ({ code: 13, codespace: 'sdk', log: 'insufficient fees; got: 10uatom required: 5000uatom: insufficient fee' }),
    });
    let error: StrataError | undefined;
    await broadcastAndWait(createCosmosRpc([picky.url], cosmoshub), TX, FAST).catch((e: StrataError) => (error = e));
    expect(error?.code).toBe('TX_FAILED');
    expect(error?.message).toBe('The node rejected the transaction: the fee is too low for this node');
    expect(error?.details).toBe(`codespace=sdk code=13 hash=${HASH} insufficient fees; got: 10uatom required: 5000uatom: insufficient fee`);
    expect(picky.calls).toEqual(['status', 'broadcast_tx_sync']);

    const poor = await node({ broadcastTxSync: () => ({ code: 5, codespace: 'sdk', log: '10uatom is smaller than 2500uatom: insufficient funds' }) });
    await expectStrataRejection(
      broadcastAndWait(createCosmosRpc([poor.url], cosmoshub), TX, FAST),
      'INSUFFICIENT_FUNDS',
      /^The node rejected the transaction: insufficient funds$/,
    );
  });

  it('reports a transaction that failed in its block, with the cleaned raw log in details only', async () => {
    const outOfGas = await node({
      tx: includedAfter(1, txResult('tx-cometbft-0.38.json', { code: 11, codespace: 'sdk', log: 'out of gas in location: WriteFlat; gasWanted: 100000, gasUsed: 100853: out of gas\u0007' })),
    });
    let error: StrataError | undefined;
    await broadcastAndWait(createCosmosRpc([outOfGas.url], cosmoshub), TX, FAST).catch((e: StrataError) => (error = e));
    expect(error?.code).toBe('TX_FAILED');
    expect(error?.message).toBe('The transaction failed on chain (the fee was charged): out of gas');
    expect(error?.details).toBe(
      `codespace=sdk code=11 hash=${HASH} out of gas in location: WriteFlat; gasWanted: 100000, gasUsed: 100853: out of gas `,
    );

    const wasm = await node({ tx: includedAfter(0, txResult('tx-cometbft-0.38.json', { code: 5, codespace: 'wasm', log: 'Error parsing into type' })) });
    await expectStrataRejection(
      broadcastAndWait(createCosmosRpc([wasm.url], cosmoshub), TX, FAST),
      'TX_FAILED',
      /^The transaction failed on chain \(the fee was charged\): error 5 in module "wasm"$/,
    );
  });

  it('gives up after the timeout and says the transaction may still land', async () => {
    const slow = await node({ tx: () => null });
    const started = Date.now();
    await expectStrataRejection(
      broadcastAndWait(createCosmosRpc([slow.url], cosmoshub), TX, { pollIntervalMs: 50, timeoutMs: 300 }),
      'TX_FAILED',
      /^The transaction was not seen in a block within 1 s; it may still be included\. Check its hash before sending again\.$/,
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(slow.calls.filter((c) => c === 'tx').length).toBeGreaterThanOrEqual(4);
  });

  it('treats "already in the mempool" as accepted', async () => {
    const cached = await node({
      broadcastTxSync: () => ({ code: 19, codespace: 'sdk', log: 'tx already in mempool' }),
      tx: includedAfter(0, txResult('tx-cometbft-0.38.json')),
    });
    expect((await broadcastAndWait(createCosmosRpc([cached.url], cosmoshub), TX, FAST)).hash).toBe(HASH);
  });

  it('after a broadcast that timed out on one endpoint, a rejection by the next is not final if the hash lands', async () => {
    const included = txResult('tx-cometbft-0.38.json');
    const lost = await node({ hangOn: ['broadcast_tx_sync'], tx: includedAfter(0, included) });
    const next = await node({
      broadcastTxSync: () => ({ code: 32, codespace: 'sdk', log: 'account sequence mismatch, expected 8, got 7: incorrect account sequence' }),
      tx: includedAfter(1, included),
    });
    const rpc = createCosmosRpc([lost.url, next.url], cosmoshub, { timeoutMs: 300 });
    const result = await broadcastAndWait(rpc, TX, FAST);
    expect(result.hash).toBe(HASH);
    expect(next.calls).toEqual(['status', 'broadcast_tx_sync', 'tx', 'tx']);
  });

  it('says the transaction may still land when every endpoint dropped the broadcast', async () => {
    const lost = await node({ hangOn: ['broadcast_tx_sync'] });
    let error: StrataError | undefined;
    await broadcastAndWait(createCosmosRpc([lost.url], cosmoshub, { timeoutMs: 200 }), TX, FAST).catch((e: StrataError) => (error = e));
    expect(error?.code).toBe('RPC_UNAVAILABLE');
    expect(error?.message).toBe(
      'No RPC endpoint confirmed the broadcast; the transaction may still be included. Check its hash before sending again.',
    );
    expect(error?.details).toBe(`hash=${HASH} ${new URL(lost.url).host}: no answer within 200 ms`);
  });

  it('fails over from a node without a tx index to one that has it, and says why when none has', async () => {
    const noIndex = await node({ txIndex: false });
    const withIndex = await node({ tx: includedAfter(0, txResult('tx-cometbft-0.38.json')) });
    const rpc = createCosmosRpc([noIndex.url, withIndex.url], cosmoshub);
    expect((await broadcastAndWait(rpc, TX, FAST)).height).toBe(23_456_789);
    expect(noIndex.calls).toEqual(['status', 'broadcast_tx_sync', 'tx']);

    let error: StrataError | undefined;
    await broadcastAndWait(createCosmosRpc([noIndex.url], cosmoshub), TX, { pollIntervalMs: 50, timeoutMs: 200 }).catch(
      (e: StrataError) => (error = e),
    );
    expect(error?.code).toBe('TX_FAILED');
    expect(error?.details).toBe(`hash=${HASH} ${new URL(noIndex.url).host}: cannot look up transactions (Internal error)`);
  });
});
