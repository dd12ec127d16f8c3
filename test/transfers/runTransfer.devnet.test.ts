/**
 * The executor on the real devnet, signing through a real vault (Hardhat test mnemonic): a two-step transfer to the
 * end with exact balances, a reverting step (needs-attention, funds named, later steps never run), and a bridge
 * delivery held by the paused LayerZero relayer (delayed, then delivered).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { StrataError } from '../../shared/errors';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DevnetSnapshot } from '../../electron/services/devnet/startDevnet';
import { DEVNET_LZ_EIDS } from '../../electron/services/devnet/layerzero/layerZeroSpec';
import { createChainClients } from '../../electron/services/chains/chainClients';
import { evmCallTransport } from '../../electron/services/transfers/evmCallTransport';
import { resumeTransfers, runTransfer, startTransfer } from '../../electron/services/transfers/runTransfer';
import type { CallTransport, StepRunner } from '../../electron/services/transfers/stepRunner';
import { TransferJournal } from '../../electron/services/transfers/transferJournal';
import type { Transfer } from '../../shared/domain/transferRecord';
import { ETH, receiptOf, startEvmFixture, type EvmFixture } from '../evm/support';
import { asset, OFT_ABI, oftSendRunner, routeOf, routeStep, tokenSendRunner, UNISWAP_ABI, uniswapSwapRunner, wrapRunner } from './testSteps';

let fx: EvmFixture;
let snapshot: DevnetSnapshot;
let dataDir: string;

beforeAll(async () => {
  fx = await startEvmFixture(2);
});
afterAll(async () => {
  await fx?.close();
});
beforeEach(async () => {
  snapshot = await fx.devnet.snapshot();
  dataDir = await mkdtemp(join(tmpdir(), 'strata-transfers-'));
});
afterEach(async () => {
  await fx.devnet.revert(snapshot);
  await rm(dataDir, { recursive: true, force: true });
});

const recipient = () => fx.devnet.accounts[10] as string;
const wethA = () => asset('eip155:31337', fx.devnet.contracts.weth, 'WETH');
const wethB = () => asset('eip155:31338', fx.devnet.contracts.weth, 'WETH');
const ethA = () => asset('eip155:31337', 'native', 'ETH');

function transports() {
  // Fresh clients (and nonce state) per call: the devnet is reverted between tests.
  const clients = createChainClients();
  return { a: evmCallTransport(fx.targetA, fx.signer(0), clients), b: evmCallTransport(fx.targetB, fx.signer(0), clients) };
}

async function wethOf(address: string, alias: 'devnet-a' | 'devnet-b') {
  return fx.tokenBalanceOf(fx.devnet.contracts.weth, address, alias);
}

describe('runTransfer on the devnet', () => {
  it('runs wrap (devnet-a) then a WETH transfer (devnet-b) to completed, with exact balance changes and one transaction each', async () => {
    const me = fx.addresses[0] as string;
    const amount = 3n * ETH / 4n;
    const before = {
      eth: await fx.balanceOf(me),
      wethA: await wethOf(me, 'devnet-a'),
      wethB: await wethOf(me, 'devnet-b'),
      recipientB: await wethOf(recipient(), 'devnet-b'),
      nonceA: await fx.nonceOf(me),
      nonceB: await fx.nonceOf(me, 'devnet-b'),
    };
    const t = transports();
    const journal = await TransferJournal.open(dataDir);
    const route = routeOf('route-a', [routeStep('swap', 'uniswap-v2', ethA(), wethA(), amount), routeStep('swap', 'uniswap-v2', wethB(), wethB(), amount)]);
    const seen: string[] = [];
    const runners: StepRunner[] = [wrapRunner(t.a, fx.devnet.contracts.weth), tokenSendRunner(t.b, fx.devnet.contracts.weth, recipient())];
    const started = performance.now();
    const done = await startTransfer(route, {
      journal,
      runnerFor: (_step, index) => runners[index] as StepRunner,
      onProgress: (tr) => seen.push(`${tr.status}:${tr.steps.map((s) => s.state).join(',')}`),
      pollMs: 50,
    });
    const ms = performance.now() - started;

    expect(done.status).toBe('completed');
    expect(done.steps.map((s) => [s.state, s.amountIn, s.amountOut, s.delayed, s.failure])).toEqual([
      ['confirmed', amount.toString(), amount.toString(), false, null],
      ['confirmed', amount.toString(), null, false, null],
    ]);
    // Every transition, in order, each one a journal write.
    expect(seen).toEqual([
      'running:pending,pending',
      'running:signed,pending',
      'running:submitted,pending',
      'running:confirmed,pending',
      'running:confirmed,signed',
      'running:confirmed,submitted',
      'running:confirmed,confirmed',
      'completed:confirmed,confirmed',
    ]);
    const [wrap, send] = done.steps.map((s) => s.calls) as [Transfer['steps'][0]['calls'], Transfer['steps'][0]['calls']];
    expect(wrap.map((c) => [c.label, c.chain, c.nonce, c.state])).toEqual([['deposit', 'eip155:31337', before.nonceA.toString(), 'confirmed']]);
    expect(send.map((c) => [c.label, c.chain, c.nonce, c.state])).toEqual([['transfer', 'eip155:31338', before.nonceB.toString(), 'confirmed']]);
    const wrapReceipt = await receiptOf(fx.devnet, wrap[0]!.hash, 'devnet-a');
    expect(wrapReceipt.status).toBe(1n);
    expect(wrap[0]!.blockNumber).toBe(wrapReceipt.blockNumber.toString());

    expect(await fx.balanceOf(me)).toBe(before.eth - amount - wrapReceipt.gasUsed * wrapReceipt.effectiveGasPrice);
    expect(await wethOf(me, 'devnet-a')).toBe(before.wethA + amount);
    expect(await wethOf(me, 'devnet-b')).toBe(before.wethB - amount);
    expect(await wethOf(recipient(), 'devnet-b')).toBe(before.recipientB + amount);
    expect(await fx.nonceOf(me)).toBe(before.nonceA + 1n);
    expect(await fx.nonceOf(me, 'devnet-b')).toBe(before.nonceB + 1n);
    // The journal on disk is what memory says.
    const reopened = await TransferJournal.open(dataDir);
    expect(reopened.list()).toEqual([done]);
    console.log(`two-step transfer completed in ${ms.toFixed(0)} ms`);
  });

  it('a reverting step: needs-attention, the funds named (chain, asset, address, amount), the next step never runs', async () => {
    const me = fx.addresses[0] as string;
    const wethOnB = await wethOf(me, 'devnet-b');
    // Wrapping more than account 0 holds as WETH on devnet-b: the transfer on devnet-b must revert.
    const amount = wethOnB + ETH;
    const t = transports();
    const journal = await TransferJournal.open(dataDir);
    const route = routeOf('route-c', [
      routeStep('swap', 'uniswap-v2', ethA(), wethA(), amount),
      routeStep('swap', 'uniswap-v2', wethB(), wethB(), amount),
      routeStep('swap', 'uniswap-v2', wethB(), wethB(), amount),
    ]);
    const runners: StepRunner[] = [
      wrapRunner(t.a, fx.devnet.contracts.weth),
      // A fixed gas limit: without it the gas estimate refuses, and nothing would reach the chain.
      tokenSendRunner(t.b, fx.devnet.contracts.weth, recipient(), { gasLimit: 100_000n }),
      tokenSendRunner(t.b, fx.devnet.contracts.weth, recipient()),
    ];
    const nonceB = await fx.nonceOf(me, 'devnet-b');
    const done = await startTransfer(route, { journal, runnerFor: (_s, i) => runners[i] as StepRunner, pollMs: 50 });

    expect(done.status).toBe('needs-attention');
    expect(done.steps.map((s) => s.state)).toEqual(['confirmed', 'failed', 'pending']);
    const failed = done.steps[1]!;
    expect(failed.failure).toEqual({
      reason: 'reverted',
      message: 'The transaction reverted on chain (the fee was still paid)',
      fundsAt: { chain: 'eip155:31338', asset: wethB(), address: me, amount: amount.toString() },
      action: 'retry',
      summary: `${(amount / ETH).toString()} WETH is still at ${me} on eip155:31338; nothing of this step moved`,
    });
    expect(failed.calls.map((c) => [c.state, c.nonce])).toEqual([['failed', nonceB.toString()]]);
    expect((await receiptOf(fx.devnet, failed.calls[0]!.hash, 'devnet-b')).status).toBe(0n);
    // Step 3 never ran: exactly one transaction (the reverted one) left account 0 on devnet-b.
    expect(done.steps[2]!.calls).toEqual([]);
    expect(await fx.nonceOf(me, 'devnet-b')).toBe(nonceB + 1n);
    expect(await wethOf(me, 'devnet-b')).toBe(wethOnB);
    // A finished transfer is left alone by a second run, and its steps cannot change any more.
    expect(await runTransfer(done.id, { journal, runnerFor: (_s, i) => runners[i] as StepRunner })).toEqual(done);
    await expect(journal.updateStep(done.id, 2, 'signed')).rejects.toMatchObject({ code: 'INTERNAL' });
    expect(journal.get(done.id)).toEqual(done);
  });

  it('a step the node refuses before anything is mined: failed, nothing moved', async () => {
    const me = fx.addresses[0] as string;
    const t = transports();
    const journal = await TransferJournal.open(dataDir);
    const tooMuch = (await wethOf(me, 'devnet-b')) + 1n;
    const route = routeOf('route-refused', [routeStep('bridge', 'layerzero-oft', wethB(), wethB(), tooMuch)]);
    const nonceB = await fx.nonceOf(me, 'devnet-b');
    const done = await startTransfer(route, { journal, runnerFor: () => tokenSendRunner(t.b, fx.devnet.contracts.weth, recipient()), pollMs: 50 });
    expect(done.status).toBe('failed');
    expect(done.steps[0]!.state).toBe('failed');
    expect(done.steps[0]!.calls).toEqual([]);
    expect(done.steps[0]!.failure?.reason).toBe('refused');
    expect(done.steps[0]!.failure?.message).toMatch(/^This transaction would fail on chain/);
    expect(done.steps[0]!.failure?.fundsAt).toEqual({ chain: 'eip155:31338', asset: wethB(), address: me, amount: tooMuch.toString() });
    expect(await fx.nonceOf(me, 'devnet-b')).toBe(nonceB);
  });

  it('a two-call step (approve, then swap through Uniswap V2): signed -> submitted -> signed -> submitted -> confirmed, output from the logs', async () => {
    const me = fx.addresses[0] as string;
    const { weth, usdc, uniswapV2Router02: router } = fx.devnet.contracts as Record<string, string>;
    const amount = ETH;
    const read = (to: string, data: string) => fx.devnet.request<string>('devnet-a', 'eth_call', [{ to, data }, 'latest']);
    const quoted = (UNISWAP_ABI.decodeFunctionResult('getAmountsOut', await read(router!, UNISWAP_ABI.encodeFunctionData('getAmountsOut', [amount, [weth, usdc]])))[0] as bigint[])[1]!;
    const [nonceA, wethBefore, usdcBefore] = [await fx.nonceOf(me), await wethOf(me, 'devnet-a'), await fx.tokenBalanceOf(usdc!, me)];
    const journal = await TransferJournal.open(dataDir);
    const usdcA = asset('eip155:31337', usdc!, 'USDC', 6);
    const route = routeOf('route-swap', [routeStep('swap', 'uniswap-v2', wethA(), usdcA, amount)]);
    const runner = uniswapSwapRunner(transports().a, router!, [weth!, usdc!], (quoted * 99n) / 100n, read);
    const seen: string[] = [];
    const done = await startTransfer(route, { journal, runnerFor: () => runner, pollMs: 50, onProgress: (t) => seen.push(t.steps[0]!.state) });

    expect(done.status).toBe('completed');
    expect(seen).toEqual(['pending', 'signed', 'submitted', 'signed', 'submitted', 'confirmed', 'confirmed']);
    expect(done.steps[0]!.calls.map((c) => [c.label, c.nonce, c.state])).toEqual([
      ['approve', nonceA.toString(), 'confirmed'],
      ['swap', (nonceA + 1n).toString(), 'confirmed'],
    ]);
    // The recorded output is exactly what arrived, and exactly the pool's quote (nothing else traded in between).
    const usdcAfter = await fx.tokenBalanceOf(usdc!, me);
    expect(done.steps[0]!.amountOut).toBe((usdcAfter - usdcBefore).toString());
    expect(usdcAfter - usdcBefore).toBe(quoted);
    expect(await wethOf(me, 'devnet-a')).toBe(wethBefore - amount);
    expect(await fx.nonceOf(me)).toBe(nonceA + 2n);
  });

  it('a swap with an impossible minimum reverts after its approval: needs-attention, the WETH named on devnet-a, the next step never runs', async () => {
    const me = fx.addresses[0] as string;
    const { weth, usdc, uniswapV2Router02: router } = fx.devnet.contracts as Record<string, string>;
    const amount = ETH;
    const read = (to: string, data: string) => fx.devnet.request<string>('devnet-a', 'eth_call', [{ to, data }, 'latest']);
    const quoted = (UNISWAP_ABI.decodeFunctionResult('getAmountsOut', await read(router!, UNISWAP_ABI.encodeFunctionData('getAmountsOut', [amount, [weth, usdc]])))[0] as bigint[])[1]!;
    const [nonceA, nonceB, wethBefore, usdcBefore] = [await fx.nonceOf(me), await fx.nonceOf(me, 'devnet-b'), await wethOf(me, 'devnet-a'), await fx.tokenBalanceOf(usdc!, me)];
    const journal = await TransferJournal.open(dataDir);
    const usdcA = asset('eip155:31337', usdc!, 'USDC', 6);
    const route = routeOf('route-swap-fail', [routeStep('swap', 'uniswap-v2', wethA(), usdcA, amount), routeStep('swap', 'uniswap-v2', wethB(), wethB(), amount)]);
    const runners: StepRunner[] = [
      uniswapSwapRunner(transports().a, router!, [weth!, usdc!], quoted + 1n, read, { swapGasLimit: 300_000n }),
      tokenSendRunner(transports().b, weth!, recipient()),
    ];
    const done = await startTransfer(route, { journal, runnerFor: (_s, i) => runners[i] as StepRunner, pollMs: 50 });

    expect(done.status).toBe('needs-attention');
    expect(done.steps.map((s) => s.state)).toEqual(['failed', 'pending']);
    expect(done.steps[0]!.calls.map((c) => [c.label, c.state])).toEqual([['approve', 'confirmed'], ['swap', 'failed']]);
    expect((await receiptOf(fx.devnet, done.steps[0]!.calls[1]!.hash, 'devnet-a')).status).toBe(0n);
    expect(done.steps[0]!.failure).toEqual({
      reason: 'reverted',
      message: 'The transaction reverted on chain (the fee was still paid)',
      fundsAt: { chain: 'eip155:31337', asset: wethA(), address: me, amount: amount.toString() },
      action: 'retry',
      summary: `1 WETH is still at ${me} on eip155:31337; nothing of this step moved`,
    });
    expect(await wethOf(me, 'devnet-a')).toBe(wethBefore);
    expect(await fx.tokenBalanceOf(usdc!, me)).toBe(usdcBefore);
    expect(await fx.nonceOf(me)).toBe(nonceA + 2n);
    expect(await fx.nonceOf(me, 'devnet-b')).toBe(nonceB);
  });

  it('a broadcast whose answer was lost stays signed; the resume sends the SAME bytes ("already known"), is delayed without a block, then confirms', async () => {
    const me = fx.addresses[0] as string;
    const amount = ETH / 10n;
    const [nonceA, wethBefore] = [await fx.nonceOf(me), await wethOf(me, 'devnet-a')];
    const base = evmCallTransport(fx.targetA, fx.signer(0), createChainClients());
    const sent: string[] = [];
    const journal = await TransferJournal.open(dataDir);
    const route = routeOf('route-lost', [routeStep('swap', 'uniswap-v2', ethA(), wethA(), amount)]);
    await fx.devnet.request('devnet-a', 'evm_setAutomine', [false]);
    try {
      // The node takes the transaction, but its answer never arrives.
      const lossy: CallTransport = {
        ...base,
        async broadcast(signed) {
          sent.push(signed.raw);
          await base.broadcast(signed);
          throw new StrataError('RPC_UNAVAILABLE', 'The answer was lost');
        },
      };
      await expect(startTransfer(route, { journal, id: 'lost', runnerFor: () => wrapRunner(lossy, fx.devnet.contracts.weth), pollMs: 50 })).rejects.toMatchObject({ code: 'RPC_UNAVAILABLE' });
      const held = journal.get('lost')!;
      expect([held.status, held.steps[0]!.state, held.steps[0]!.calls.map((c) => c.state)]).toEqual(['running', 'signed', ['signed']]);
      const call = held.steps[0]!.calls[0]!;

      const counting: CallTransport = {
        ...base,
        async broadcast(signed) {
          sent.push(signed.raw);
          await base.broadcast(signed);
        },
      };
      const states: string[] = [];
      let mined = false;
      const resumed = await resumeTransfers({
        journal,
        runnerFor: () => wrapRunner(counting, fx.devnet.contracts.weth),
        pollMs: 50,
        delayFactor: 1,
        onProgress: (t) => {
          states.push(`${t.steps[0]!.state}${t.steps[0]!.delayed ? '+delayed' : ''}`);
          // No block until the step is reported delayed (its route eta is 1 s, the factor 1).
          if (t.steps[0]!.delayed && !mined) {
            mined = true;
            void fx.devnet.request('devnet-a', 'evm_mine', []);
          }
        },
      });
      expect(resumed.map((r) => [r.id, r.transfer?.status, r.error])).toEqual([['lost', 'completed', null]]);
      expect(states).toEqual(['submitted', 'submitted+delayed', 'confirmed+delayed', 'confirmed+delayed']);
      // Sent twice, byte for byte the same transaction: one hash, one nonce, mined once.
      expect(sent).toEqual([call.raw, call.raw]);
      expect(resumed[0]!.transfer!.steps[0]!.calls.map((c) => [c.hash, c.nonce, c.state])).toEqual([[call.hash, nonceA.toString(), 'confirmed']]);
      expect((await receiptOf(fx.devnet, call.hash, 'devnet-a')).status).toBe(1n);
      expect(await fx.nonceOf(me)).toBe(nonceA + 1n);
      expect(await wethOf(me, 'devnet-a')).toBe(wethBefore + amount);
    } finally {
      await fx.devnet.request('devnet-a', 'evm_setAutomine', [true]);
    }
  });

  it('a bridge delivery held by the paused LayerZero relayer: delivering + delayed, then delivered once the tokens arrive', async () => {
    const me = fx.addresses[0] as string;
    const sbt = fx.devnet.contracts.sbt as string;
    const amount = 5n * ETH;
    const sbtB = async () => BigInt(OFT_ABI.decodeFunctionResult('balanceOf', await fx.devnet.request<string>('devnet-b', 'eth_call', [{ to: sbt, data: OFT_ABI.encodeFunctionData('balanceOf', [me]) }, 'latest']))[0] as bigint);
    const sbtA = async () => BigInt(OFT_ABI.decodeFunctionResult('balanceOf', await fx.devnet.request<string>('devnet-a', 'eth_call', [{ to: sbt, data: OFT_ABI.encodeFunctionData('balanceOf', [me]) }, 'latest']))[0] as bigint);
    const [startA, startB] = [await sbtA(), await sbtB()];
    await fx.devnet.relayer.pause();
    const t = transports();
    const runner = oftSendRunner(
      t.a,
      sbt,
      DEVNET_LZ_EIDS['devnet-b'],
      me,
      (data) => fx.devnet.request<string>('devnet-a', 'eth_call', [{ to: sbt, data }, 'latest']),
      async () => (await sbtB()) >= startB + amount,
    );
    const journal = await TransferJournal.open(dataDir);
    const sbtAsset = (chain: string) => asset(chain, sbt, 'SBT');
    const route = routeOf('route-d', [routeStep('bridge', 'layerzero-oft', sbtAsset('eip155:31337'), sbtAsset('eip155:31338'), amount, 1)]);
    const history: Array<{ state: string; delayed: boolean; at: number }> = [];
    const started = performance.now();
    let resumedAt = 0;
    const run = startTransfer(route, {
      journal,
      runnerFor: () => runner,
      pollMs: 100,
      delayFactor: 1,
      onProgress: (tr) => {
        const step = tr.steps[0]!;
        history.push({ state: step.state, delayed: step.delayed, at: performance.now() - started });
        // Held until the step is reported delayed; then the relayer delivers.
        if (step.delayed && resumedAt === 0) {
          resumedAt = performance.now() - started;
          fx.devnet.relayer.resume();
        }
      },
    });
    const done = await run;

    expect(done.status).toBe('completed');
    expect(done.steps[0]!.state).toBe('delivered');
    expect(history.map((h) => `${h.state}${h.delayed ? '+delayed' : ''}`)).toEqual([
      'pending',
      'signed',
      'submitted',
      'confirmed',
      'delivering',
      'delivering+delayed',
      'delivered+delayed',
      'delivered+delayed',
    ]);
    const delayedAt = history.find((h) => h.delayed)!.at;
    // Delayed only after the expected 1 s × factor 1 had passed since the step started.
    expect(delayedAt).toBeGreaterThan(1000);
    expect(await sbtA()).toBe(startA - amount);
    expect(await sbtB()).toBe(startB + amount);
    expect(fx.devnet.relayer.pending).toEqual([]);
    console.log(`OFT delivery: delayed at ${delayedAt.toFixed(0)} ms (relayer paused), delivered at ${history.at(-1)!.at.toFixed(0)} ms`);
  });
});

