import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DevnetSnapshot } from '../../electron/services/devnet/startDevnet';
import { buildEvmTransfer } from '../../electron/services/evm/buildEvmTransfer';
import { createEvmAdapter } from '../../electron/services/evm/createEvmAdapter';
import { createEvmRpc } from '../../electron/services/evm/createEvmRpc';
import { DROPPED_GRACE_MS } from '../../electron/services/evm/getEvmTransactionStatus';
import { sendEvmTransaction } from '../../electron/services/evm/sendEvmTransaction';
import { signEvmTransaction } from '../../electron/services/evm/signEvmTransaction';
import { expectStrataRejection } from '../unit/expectStrataError';
import { ETH, receiptOf, startEvmFixture, type EvmFixture } from './support';

let fx: EvmFixture;
let snapshot: DevnetSnapshot;

beforeAll(async () => {
  fx = await startEvmFixture(6);
});
afterAll(async () => {
  await fx?.close();
});
beforeEach(async () => {
  snapshot = await fx.devnet.snapshot();
});
afterEach(async () => {
  await fx.devnet.request('devnet-a', 'evm_setAutomine', [true]);
  await fx.devnet.revert(snapshot);
});

/** A signed transfer from vault account `index` that is NOT broadcast. */
async function signedTransfer(index: number, nonce: bigint, options: { token?: boolean; amount?: bigint; gasLimit?: bigint } = {}) {
  const from = fx.addresses[index] as string;
  const tx = buildEvmTransfer({
    chainId: 31337n,
    nonce,
    to: fx.devnet.accounts[10] as string,
    asset: options.token ? { kind: 'erc20', address: fx.devnet.contracts.usdc } : { kind: 'native' },
    amount: options.amount ?? ETH / 100n,
    gasLimit: options.gasLimit ?? 21_000n,
    fee: { maxFeePerGas: 10n ** 10n, maxPriorityFeePerGas: 10n ** 9n },
  });
  return signEvmTransaction(tx, fx.signer(index), from);
}

describe('getTransactionStatus', () => {
  it('confirmed: block number and fee paid = gasUsed × effectiveGasPrice', async () => {
    const adapter = createEvmAdapter();
    const from = fx.addresses[1] as string;
    const prepared = await adapter.prepareTransfer(fx.targetA, { from, publicKey: null, to: fx.devnet.accounts[10] as string, asset: fx.assets.eth, amount: ETH, tier: 'normal' });
    const sent = await adapter.sendTransfer(fx.targetA, prepared, fx.signer(1));
    const receipt = await receiptOf(fx.devnet, sent.hash);
    expect(await adapter.getTransactionStatus(fx.targetA, sent.hash, sent.nonce, from)).toEqual({
      status: 'confirmed',
      blockNumber: receipt.blockNumber,
      feePaid: receipt.gasUsed * receipt.effectiveGasPrice,
      error: null,
    });
  });

  it('failed: a transaction mined with status 0 (a token transfer that reverts), fee still paid', async () => {
    const adapter = createEvmAdapter();
    const from = fx.addresses[5] as string; // holds no USDC: transfer() reverts
    const signed = await signedTransfer(5, await fx.nonceOf(from), { token: true, amount: 1n, gasLimit: 100_000n });
    await sendEvmTransaction(createEvmRpc(fx.targetA).request, signed);
    const receipt = await receiptOf(fx.devnet, signed.hash as string);
    expect(receipt.status).toBe(0n);
    expect(await adapter.getTransactionStatus(fx.targetA, signed.hash as string, BigInt(signed.nonce), from)).toEqual({
      status: 'failed',
      blockNumber: receipt.blockNumber,
      feePaid: receipt.gasUsed * receipt.effectiveGasPrice,
      error: 'The transaction reverted on chain (the fee was still paid)',
    });
  });

  it('pending while the node holds it unmined, then confirmed once mined', async () => {
    const adapter = createEvmAdapter();
    const from = fx.addresses[2] as string;
    await fx.devnet.request('devnet-a', 'evm_setAutomine', [false]);
    const signed = await signedTransfer(2, await fx.nonceOf(from));
    await sendEvmTransaction(createEvmRpc(fx.targetA).request, signed);
    const hash = signed.hash as string;
    expect(await adapter.getTransactionStatus(fx.targetA, hash, BigInt(signed.nonce), from)).toEqual({ status: 'pending', blockNumber: null, feePaid: null, error: null });
    await fx.devnet.request('devnet-a', 'evm_mine', []);
    expect((await adapter.getTransactionStatus(fx.targetA, hash, BigInt(signed.nonce), from)).status).toBe('confirmed');
  });

  it('dropped: unknown, and another transaction took its nonce', async () => {
    const adapter = createEvmAdapter();
    const from = fx.addresses[3] as string;
    const nonce = await fx.nonceOf(from);
    const replaced = await signedTransfer(3, nonce, { amount: 1n });
    const replacement = await signedTransfer(3, nonce, { amount: 2n });
    await sendEvmTransaction(createEvmRpc(fx.targetA).request, replacement);
    expect(await adapter.getTransactionStatus(fx.targetA, replaced.hash as string, nonce, from)).toEqual({
      status: 'dropped',
      blockNumber: null,
      feePaid: null,
      error: `Another transaction used nonce ${nonce}: this one was replaced or dropped`,
    });
  });

  it('unknown with its nonce unused: pending for the grace period, then dropped', async () => {
    let clock = 1_700_000_000_000;
    const adapter = createEvmAdapter({ now: () => clock });
    const from = fx.addresses[4] as string;
    const nonce = await fx.nonceOf(from);
    const never = await signedTransfer(4, nonce);
    const hash = never.hash as string;
    // Without sentAt, the grace counts from the first look.
    expect((await adapter.getTransactionStatus(fx.targetA, hash, nonce, from)).status).toBe('pending');
    clock += DROPPED_GRACE_MS;
    expect((await adapter.getTransactionStatus(fx.targetA, hash, nonce, from)).status).toBe('pending');
    clock += 1;
    expect(await adapter.getTransactionStatus(fx.targetA, hash, nonce, from)).toMatchObject({ status: 'dropped', error: 'The network no longer knows this transaction; it was never mined' });
    // With sentAt (the journal's createdAt), it counts from the send.
    expect((await adapter.getTransactionStatus(fx.targetA, hash, nonce, from, { sentAt: clock - DROPPED_GRACE_MS })).status).toBe('pending');
    expect((await adapter.getTransactionStatus(fx.targetA, hash, nonce, from, { sentAt: clock - DROPPED_GRACE_MS - 1 })).status).toBe('dropped');
    // A transaction evicted from the pool counts the same way.
    await fx.devnet.request('devnet-a', 'evm_setAutomine', [false]);
    await sendEvmTransaction(createEvmRpc(fx.targetA).request, never);
    expect((await adapter.getTransactionStatus(fx.targetA, hash, nonce, from, { sentAt: 0 })).status).toBe('pending');
    await fx.devnet.request('devnet-a', 'hardhat_dropTransaction', [hash]);
    expect((await adapter.getTransactionStatus(fx.targetA, hash, nonce, from, { sentAt: 0 })).status).toBe('dropped');
  });

  it('rejects a malformed hash', async () => {
    await expectStrataRejection(createEvmAdapter().getTransactionStatus(fx.targetA, '0x1234', 0n, fx.addresses[0] as string), 'INVALID_INPUT');
  });
});
