import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ActivityEntry } from '../../shared/domain/send';
import { ActivityJournal, type AdapterFor } from '../../electron/services/activity/activityJournal';
import { sendWithJournal, type JournaledSender } from '../../electron/services/activity/sendWithJournal';
import type { DevnetSnapshot } from '../../electron/services/devnet/startDevnet';
import { createEvmAdapter, type EvmChainAdapter } from '../../electron/services/evm/createEvmAdapter';
import { DROPPED_GRACE_MS } from '../../electron/services/evm/getEvmTransactionStatus';
import { expectStrataRejection } from '../unit/expectStrataError';
import { ETH, receiptOf, startEvmFixture, type EvmFixture } from '../evm/support';

let fx: EvmFixture;
let snapshot: DevnetSnapshot;
let dataDir: string;

beforeAll(async () => {
  fx = await startEvmFixture(3);
});
afterAll(async () => {
  await fx?.close();
});
beforeEach(async () => {
  snapshot = await fx.devnet.snapshot();
  dataDir = join(fx.dir, `data-${Date.now()}-${Math.random().toString(16).slice(2)}`);
});
afterEach(async () => {
  await fx.devnet.request('devnet-a', 'evm_setAutomine', [true]);
  await fx.devnet.revert(snapshot);
});

const recipient = () => fx.devnet.accounts[10] as string;

function prepare(adapter: EvmChainAdapter, from = 1, amount = ETH) {
  return adapter.prepareTransfer(fx.targetA, { from: fx.addresses[from] as string, publicKey: null, to: recipient(), asset: fx.assets.eth, amount, tier: 'normal' });
}

describe('activity journal against the devnet', () => {
  it('records the transfer as pending BEFORE the broadcast, then settles it on recheck after restarts', async () => {
    const adapter = createEvmAdapter();
    const adapterFor: AdapterFor = (chain) => (chain === fx.chainA.id ? { adapter, target: fx.targetA } : null);
    await fx.devnet.request('devnet-a', 'evm_setAutomine', [false]);
    const journal = await ActivityJournal.open(dataDir);
    const atBroadcast: Array<{ onDisk: ActivityEntry[]; knownToChain: unknown }> = [];
    // Watches the moment between recording and broadcasting, as a crash there would see it.
    const watched: JournaledSender = {
      sendTransfer: (target, prepared, signer, options) =>
        adapter.sendTransfer(target, prepared, signer, {
          beforeBroadcast: async (tx) => {
            await options?.beforeBroadcast?.(tx);
            const onDisk = (JSON.parse(await readFile(join(dataDir, 'activity.json'), 'utf8')) as { entries: ActivityEntry[] }).entries;
            atBroadcast.push({ onDisk, knownToChain: await fx.devnet.request('devnet-a', 'eth_getTransactionByHash', [tx.hash]) });
          },
        }),
    };
    const prepared = await prepare(adapter);
    const entry = await sendWithJournal({ journal, adapter: watched, target: fx.targetA, prepared, signer: fx.signer(1), accountId: fx.accountIds[1] as string, id: 'send-1' });
    expect(entry).toMatchObject({ id: 'send-1', status: 'pending', chain: 'eip155:31337', from: fx.addresses[1], to: recipient(), amount: ETH.toString(), fee: prepared.fees.normal.toString(), nonce: '0', blockNumber: null });
    expect(atBroadcast).toEqual([{ onDisk: [entry], knownToChain: null }]);

    // Restart: the transaction sits in the mempool, unmined.
    const afterRestart = await ActivityJournal.open(dataDir);
    expect(afterRestart.list()).toEqual([entry]);
    const stillPending = await afterRestart.recheck(adapterFor);
    expect(stillPending).toEqual({ checked: 1, changed: [], errors: [] });

    await fx.devnet.request('devnet-a', 'evm_mine', []);
    const receipt = await receiptOf(fx.devnet, entry.hash);
    const changes: ActivityEntry[] = [];
    const secondRestart = await ActivityJournal.open(dataDir, { onChange: (e) => changes.push(e) });
    const settled = await secondRestart.recheck(adapterFor);
    const confirmed = { status: 'confirmed', blockNumber: receipt.blockNumber.toString(), fee: (receipt.gasUsed * receipt.effectiveGasPrice).toString(), error: null };
    expect(settled.changed).toEqual([expect.objectContaining({ id: 'send-1', ...confirmed })]);
    expect(changes).toEqual(settled.changed);
    expect((await ActivityJournal.open(dataDir)).list()).toEqual([expect.objectContaining(confirmed)]);
    // Nothing pending is left to check.
    expect(await secondRestart.recheck(adapterFor)).toEqual({ checked: 0, changed: [], errors: [] });
  });

  it('marks an entry failed when the node refuses the broadcast (nothing spent, nonce unchanged)', async () => {
    const adapter = createEvmAdapter();
    const journal = await ActivityJournal.open(dataDir);
    const prepared = await prepare(adapter, 2);
    await fx.devnet.setBalance(fx.addresses[2] as string, 1000n, 'devnet-a');
    const nonce = await fx.nonceOf(fx.addresses[2] as string);
    await expectStrataRejection(
      sendWithJournal({ journal, adapter, target: fx.targetA, prepared, signer: fx.signer(2), accountId: fx.accountIds[2] as string, id: 'refused' }),
      'INSUFFICIENT_FUNDS',
    );
    expect(journal.list()).toEqual([expect.objectContaining({ id: 'refused', status: 'failed', fee: '0', error: expect.stringMatching(/^The node refused the transaction: Sender doesn't have enough funds/) })]);
    expect(await fx.nonceOf(fx.addresses[2] as string)).toBe(nonce);
  });

  it('keeps an entry pending when the broadcast could not reach a node, and drops it after the grace period', async () => {
    let clock = 1_700_000_000_000;
    const adapter = createEvmAdapter({ now: () => clock });
    const journal = await ActivityJournal.open(dataDir, { now: () => clock });
    const flaky = await fx.devnet.rpcProxy('devnet-a');
    // The only endpoint goes down between signing and broadcasting.
    const losing: JournaledSender = {
      sendTransfer: (target, prepared, signer, options) =>
        adapter.sendTransfer(target, prepared, signer, {
          beforeBroadcast: async (tx) => {
            await options?.beforeBroadcast?.(tx);
            await flaky.takeDown('refuse');
          },
        }),
    };
    const prepared = await prepare(adapter);
    const nonce = await fx.nonceOf(fx.addresses[1] as string);
    await expectStrataRejection(
      sendWithJournal({ journal, adapter: losing, target: { chain: fx.chainA, endpoints: [flaky.url] }, prepared, signer: fx.signer(1), accountId: 'acc', id: 'lost', now: () => clock }),
      'RPC_UNAVAILABLE',
    );
    expect(await fx.nonceOf(fx.addresses[1] as string)).toBe(nonce);
    expect(journal.get('lost')).toMatchObject({ status: 'pending', createdAt: clock });
    const adapterFor: AdapterFor = () => ({ adapter, target: fx.targetA });
    clock += DROPPED_GRACE_MS;
    expect((await journal.recheck(adapterFor)).changed).toEqual([]);
    clock += 1;
    const { changed } = await journal.recheck(adapterFor);
    expect(changed).toEqual([expect.objectContaining({ id: 'lost', status: 'dropped', fee: '0', updatedAt: clock })]);
  });

  it('leaves entries of unknown or unreachable chains pending and says why', async () => {
    const journal = await ActivityJournal.open(dataDir);
    const down = await fx.devnet.rpcProxy('devnet-a', { down: 'refuse' });
    const base = { kind: 'transfer' as const, accountId: 'acc', from: fx.addresses[0] as string, to: recipient(), asset: fx.assets.eth, amount: '1', fee: '1', nonce: '0', status: 'pending' as const, createdAt: 1, updatedAt: 1, blockNumber: null, error: null };
    await journal.record({ ...base, id: 'x', chain: 'eip155:1', hash: `0x${'1'.repeat(64)}` });
    await journal.record({ ...base, id: 'y', chain: 'eip155:31337', hash: `0x${'2'.repeat(64)}` });
    const adapter = createEvmAdapter();
    const result = await journal.recheck((chain) => (chain === 'eip155:31337' ? { adapter, target: { chain: fx.chainA, endpoints: [down.url] } } : null));
    expect(result.checked).toBe(0);
    expect(result.errors.sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      { id: 'x', code: 'UNKNOWN_CHAIN', message: 'Chain eip155:1 is not configured' },
      { id: 'y', code: 'RPC_UNAVAILABLE', message: expect.stringContaining('No RPC endpoint of Devnet A answered') },
    ]);
    expect(journal.list().map((e) => e.status)).toEqual(['pending', 'pending']);
  });
});
