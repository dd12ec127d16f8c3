import { describe, expect, it } from 'vitest';
import { createTransferNotifier, transferNotification, type TransferNotice } from '../../electron/services/transfers/transferNotification';
import type { AssetInfo } from '../../shared/domain/asset';
import type { RouteStep } from '../../shared/domain/route';
import { Transfer, type StepRecord } from '../../shared/domain/transferRecord';

const A = 'eip155:31337';
const B = 'eip155:31338';
const ADDRESS = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const NAMES: Record<string, string> = { [A]: 'Devnet A', [B]: 'Devnet B' };
const chainName = (id: string) => NAMES[id] ?? id;

const asset = (chain: string, ref: string, symbol: string, decimals: number): AssetInfo => ({ chain, ref, symbol, name: symbol, decimals, priceId: null });
const ETH_A = asset(A, 'native', 'ETH', 18);
const SBT_A = asset(A, '0xdf40d48583131F7443CB8808EEbA07c14083F46E', 'SBT', 18);
const SBT_B = asset(B, '0xdf40d48583131F7443CB8808EEbA07c14083F46E', 'SBT', 18);
const USDC_B = asset(B, '0x5632C04D71dE31E42B72A94cAabb45DE643617AF', 'USDC', 6);

function step(kind: 'swap' | 'bridge', provider: RouteStep['provider'], assetIn: AssetInfo, assetOut: AssetInfo, amountIn: string, amountOut: string, etaSeconds: number): RouteStep {
  return { kind, provider, fromChain: assetIn.chain, toChain: assetOut.chain, assetIn, assetOut, amountIn, amountOut, minAmountOut: amountOut, fees: [], etaSeconds, priceImpactBps: 0 };
}

const STEPS = [
  step('swap', 'uniswap-v2', ETH_A, SBT_A, '1000000000000000000', '9871580343000000000000', 12),
  step('bridge', 'layerzero-oft', SBT_A, SBT_B, '9871580343000000000000', '9871580343000000000000', 5),
  step('swap', 'uniswap-v2', SBT_B, USDC_B, '9871580343000000000000', '2912212426', 12),
];

function record(index: number, state: StepRecord['state'], patch: Partial<StepRecord> = {}): StepRecord {
  return { index, state, calls: [], amountIn: STEPS[index]!.amountIn, amountOut: null, startedAt: state === 'pending' ? null : 1_000, updatedAt: 2_000, expectedSeconds: STEPS[index]!.etaSeconds, delayed: false, failure: null, ...patch };
}

/** A schema-valid transfer of the swap → LayerZero → swap route, with the step records given. */
function transfer(status: Transfer['status'], steps: StepRecord[], id = 't1'): Transfer {
  return Transfer.parse({
    id,
    createdAt: 1_000,
    updatedAt: 2_000,
    route: {
      id: 'route-1',
      steps: STEPS,
      amountIn: '1000000000000000000',
      amountOut: '2912212426',
      minAmountOut: '2869053722',
      fees: [],
      totalFeesUsd: null,
      etaSeconds: 29,
      priceImpactBps: 0,
      warnings: [],
    },
    status,
    steps,
  });
}

const running = transfer('running', [record(0, 'confirmed'), record(1, 'delivering'), record(2, 'pending')]);
const delayed = transfer('running', [record(0, 'confirmed'), record(1, 'delivering', { delayed: true }), record(2, 'pending')]);
const completed = transfer('completed', [
  record(0, 'confirmed', { amountOut: '9871580343970612988504' }),
  record(1, 'delivered', { amountOut: '9871580343970612988504', delayed: true }),
  record(2, 'confirmed', { amountOut: '2912212426123' }),
]);
const failure = {
  reason: 'refused' as const,
  message: 'The price moved: this step would now give 9000 SBT, below the reviewed minimum of 9772.8 SBT; nothing was sent',
  fundsAt: { chain: A, asset: ETH_A, address: ADDRESS, amount: '1000000000000000000' },
  action: 'retry' as const,
  summary: `1 ETH is still at ${ADDRESS} on Devnet A: nothing of this step went through`,
};
const failed = transfer('failed', [record(0, 'failed', { failure }), record(1, 'pending'), record(2, 'pending')]);

describe('transferNotification', () => {
  it('says what arrived, where, on the transition to completed', () => {
    expect(transferNotification(delayed, completed, chainName)).toEqual({ title: 'Transfer complete', body: '2912212.426123 USDC arrived on Devnet B.' });
    // after a restart nothing was seen before: a completion still notifies
    expect(transferNotification(null, completed, chainName)).toEqual({ title: 'Transfer complete', body: '2912212.426123 USDC arrived on Devnet B.' });
    // without a namer, the chain id
    expect(transferNotification(running, completed)?.body).toBe('2912212.426123 USDC arrived on eip155:31338.');
    // the same completed record again (a later write) is not news
    expect(transferNotification(completed, completed, chainName)).toBeNull();
    // the last step could not measure its output: the route's quote, said to be one, never stated as received
    const unmeasured = transfer('completed', [...completed.steps.slice(0, 2), record(2, 'confirmed', { amountOut: null })]);
    expect(transferNotification(running, unmeasured, chainName)).toEqual({ title: 'Transfer complete', body: 'About 2912.212426 USDC (quoted) arrived on Devnet B.' });
  });

  it('says where the funds are on the transition to failed or needs-attention', () => {
    expect(transferNotification(running, failed, chainName)).toEqual({
      title: 'Transfer failed',
      body: `1 ETH is still at ${ADDRESS} on Devnet A: nothing of this step went through. Open Strata to see what to do.`,
    });
    const attention = transfer('needs-attention', [record(0, 'confirmed'), record(1, 'failed', { failure: { ...failure, reason: 'delivery', action: 'contact-support', summary: 'The SBT left Devnet A and has not arrived on Devnet B' } }), record(2, 'pending')]);
    expect(transferNotification(running, attention, chainName)).toEqual({
      title: 'Transfer needs your attention',
      body: 'The SBT left Devnet A and has not arrived on Devnet B. Open Strata to see what to do.',
    });
    expect(transferNotification(failed, failed, chainName)).toBeNull();
  });

  it('says a step is delayed the first time only, and never for running changes without a delay', () => {
    const notice: TransferNotice = {
      title: 'Transfer delayed',
      body: 'The bridge to Devnet B is taking longer than expected (step 2 of 3). Strata keeps watching and goes on by itself.',
    };
    expect(transferNotification(running, delayed, chainName)).toEqual(notice);
    expect(transferNotification(null, delayed, chainName)).toEqual(notice);
    expect(transferNotification(delayed, delayed, chainName)).toBeNull();
    expect(transferNotification(null, running, chainName)).toBeNull();
    const firstSwap = transfer('running', [record(0, 'signed'), record(1, 'pending'), record(2, 'pending')]);
    expect(transferNotification(null, firstSwap, chainName)).toBeNull();
    const swapDelayed = transfer('running', [record(0, 'submitted', { delayed: true }), record(1, 'pending'), record(2, 'pending')]);
    expect(transferNotification(firstSwap, swapDelayed, chainName)?.body).toBe('The swap on Devnet A is taking longer than expected (step 1 of 3). Strata keeps watching and goes on by itself.');
    // a delayed step that has since finished (seen first after a restart) is not news
    const delayedThenDelivered = transfer('running', [record(0, 'confirmed'), record(1, 'delivered', { delayed: true }), record(2, 'signed')]);
    expect(transferNotification(null, delayedThenDelivered, chainName)).toBeNull();
  });
});

describe('createTransferNotifier', () => {
  it('remembers each transfer so every notice is shown once, per transfer', () => {
    const shown: Array<[TransferNotice, string]> = [];
    const notify = createTransferNotifier((notice, t) => shown.push([notice, t.id]), chainName);
    const other = transfer('running', [record(0, 'confirmed'), record(1, 'delivering', { delayed: true }), record(2, 'pending')], 't2');
    for (const t of [running, delayed, delayed, other, completed, completed, other]) notify(t);
    expect(shown.map(([notice, id]) => `${id}: ${notice.title}`)).toEqual(['t1: Transfer delayed', 't2: Transfer delayed', 't1: Transfer complete']);
    expect(shown[2]?.[0].body).toBe('2912212.426123 USDC arrived on Devnet B.');
  });
});
