import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { buildEvmTransfer } from '../../electron/services/evm/buildEvmTransfer';
import { createEvmRpc } from '../../electron/services/evm/createEvmRpc';
import { encodeTransfer } from '../../electron/services/evm/erc20Abi';
import { estimateEvmFees } from '../../electron/services/evm/estimateEvmFees';
import { estimateEvmGas } from '../../electron/services/evm/estimateEvmGas';
import { evmFeeTiers } from '../../electron/services/evm/evmFeeTiers';
import { sendEvmTransaction } from '../../electron/services/evm/sendEvmTransaction';
import { signEvmTransaction } from '../../electron/services/evm/signEvmTransaction';
import type { DevnetSnapshot } from '../../electron/services/devnet/startDevnet';
import { startEvmFixture, type EvmFixture } from './support';

const GWEI = 10n ** 9n;
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

interface RawHistory {
  baseFeePerGas: string[];
  gasUsedRatio: number[];
  reward: string[][];
}

/** The documented formula, written out independently of the code under test. */
function expectedTiers(history: RawHistory) {
  const next = BigInt(history.baseFeePerGas[history.baseFeePerGas.length - 1] as string);
  return [0, 1, 2].map((column) => {
    const tips = history.reward.filter((_, i) => (history.gasUsedRatio[i] as number) > 0).map((r) => BigInt(r[column] as string));
    tips.sort((a, b) => (a < b ? -1 : 1));
    const n = tips.length;
    const median = n === 0 ? 0n : n % 2 ? (tips[(n - 1) / 2] as bigint) : ((tips[n / 2 - 1] as bigint) + (tips[n / 2] as bigint)) / 2n;
    const tip = median > 10_000_000n ? median : 10_000_000n;
    return { maxPriorityFeePerGas: tip, maxFeePerGas: 2n * next + tip };
  });
}

/** Sends value transfers from accounts 1..tips.length, one tip each, all in one block. */
async function blockWithTips(tipsGwei: bigint[]): Promise<void> {
  const call = createEvmRpc(fx.targetA).request;
  await fx.devnet.request('devnet-a', 'evm_setAutomine', [false]);
  for (const [i, tip] of tipsGwei.entries()) {
    const from = fx.addresses[i + 1] as string;
    const nonce = BigInt(await fx.devnet.request<string>('devnet-a', 'eth_getTransactionCount', [from, 'pending']));
    const tx = buildEvmTransfer({
      chainId: 31337n,
      nonce,
      to: fx.addresses[0] as string,
      asset: { kind: 'native' },
      amount: 1n,
      gasLimit: 21_000n,
      fee: { maxPriorityFeePerGas: tip * GWEI, maxFeePerGas: 10n * GWEI + tip * GWEI },
    });
    await sendEvmTransaction(call, await signEvmTransaction(tx, fx.signer(i + 1), from));
  }
  await fx.devnet.request('devnet-a', 'evm_mine', []);
  await fx.devnet.request('devnet-a', 'evm_setAutomine', [true]);
}

describe('EIP-1559 fee tiers', () => {
  it('are the median of the 10th/50th/90th percentile tips over the last 10 blocks, plus twice the next base fee', async () => {
    // Six blocks of five transactions each (tips k..5k gwei), two empty blocks (excluded from the medians), and two
    // of the deploy steps' blocks (1 gwei) left in the window.
    for (let k = 1n; k <= 6n; k++) await blockWithTips([k, 2n * k, 3n * k, 4n * k, 5n * k]);
    await fx.devnet.mine(2, 'devnet-a');
    const fees = await estimateEvmFees(createEvmRpc(fx.targetA).request);
    const raw = await fx.devnet.request<RawHistory>('devnet-a', 'eth_feeHistory', ['0xa', 'latest', [10, 50, 90]]);
    expect(fees.history.baseFeePerGas).toEqual(raw.baseFeePerGas.map(BigInt));
    const [slow, normal, fast] = expectedTiers(raw);
    expect(fees.tiers).toEqual({ slow, normal, fast });
    expect(fees.nextBaseFeePerGas).toBe(BigInt(raw.baseFeePerGas[10] as string));
    expect(fees.tiers.slow.maxFeePerGas).toBeLessThanOrEqual(fees.tiers.normal.maxFeePerGas);
    expect(fees.tiers.normal.maxFeePerGas).toBeLessThanOrEqual(fees.tiers.fast.maxFeePerGas);
    // By hand: EDR reports every percentile of a block as its highest tip (geth would not), so the blocks with
    // transactions give 1, 1 (deploy steps), 5, 10, 15, 20, 25, 30 gwei in every column: median (10 + 15) / 2.
    expect(fees.tiers.normal.maxPriorityFeePerGas).toBe(12_500_000_000n);
  });

  it('offer the 0.01 gwei floor on a chain whose recent blocks are empty', async () => {
    await fx.devnet.mine(10, 'devnet-a');
    const fees = await estimateEvmFees(createEvmRpc(fx.targetA).request);
    const next = fees.history.baseFeePerGas[fees.history.baseFeePerGas.length - 1] as bigint;
    for (const tier of ['slow', 'normal', 'fast'] as const) {
      expect(fees.tiers[tier]).toEqual({ maxPriorityFeePerGas: 10_000_000n, maxFeePerGas: 2n * next + 10_000_000n });
    }
  });
});

describe('evmFeeTiers', () => {
  it('takes each tier from its own percentile column (geth-style history with distinct percentiles)', () => {
    // Four blocks as a geth node reports them; the third is empty (its zero tips are ignored).
    const history = {
      baseFeePerGas: [30n, 32n, 31n, 29n, 40n].map((g) => g * GWEI),
      gasUsedRatio: [0.6, 0.4, 0, 0.9],
      reward: [
        [1n * GWEI, 2n * GWEI, 5n * GWEI],
        [GWEI / 2n, 3n * GWEI, 4n * GWEI],
        [0n, 0n, 0n],
        [2n * GWEI, 2n * GWEI, 9n * GWEI],
      ],
    };
    // slow: median(1, 0.5, 2) = 1 gwei; normal: median(2, 3, 2) = 2 gwei; fast: median(5, 4, 9) = 5 gwei; next base 40.
    expect(evmFeeTiers(history)).toEqual({
      nextBaseFeePerGas: 40n * GWEI,
      tiers: {
        slow: { maxPriorityFeePerGas: 1n * GWEI, maxFeePerGas: 81n * GWEI },
        normal: { maxPriorityFeePerGas: 2n * GWEI, maxFeePerGas: 82n * GWEI },
        fast: { maxPriorityFeePerGas: 5n * GWEI, maxFeePerGas: 85n * GWEI },
      },
    });
    // An even count takes the mean of the middle two, rounded down; tips below the floor are raised to 0.01 gwei.
    const even = evmFeeTiers({ baseFeePerGas: [1n, 1n, 7n], gasUsedRatio: [0.1, 0.1], reward: [[0n, 3n * GWEI, 3n], [1n, 4n * GWEI, 4n]] });
    expect(even.tiers.slow).toEqual({ maxPriorityFeePerGas: 10_000_000n, maxFeePerGas: 14n + 10_000_000n });
    expect(even.tiers.normal.maxPriorityFeePerGas).toBe(3_500_000_000n);
  });
});

describe('gas limits', () => {
  it('are 21,000 for a value transfer to an account without code, with no estimate', async () => {
    const methods: string[] = [];
    const call = createEvmRpc(fx.targetA, { onRequest: (e) => methods.push(e.method) }).request;
    expect(await estimateEvmGas(call, { from: fx.addresses[0] as string, to: fx.addresses[1] as string, value: 5n })).toBe(21_000n);
    expect(methods).toEqual(['eth_chainId', 'eth_getCode']);
  });

  it('are eth_estimateGas + 20% (rounded up) for a token transfer and for value sent to a contract', async () => {
    const call = createEvmRpc(fx.targetA).request;
    const from = fx.addresses[0] as string;
    const data = encodeTransfer(fx.addresses[5] as string, 1_000_000n);
    const token = { from, to: fx.devnet.contracts.usdc, value: '0x0', data };
    const raw = BigInt(await fx.devnet.request<string>('devnet-a', 'eth_estimateGas', [token]));
    expect(raw).toBeGreaterThan(30_000n);
    expect(await estimateEvmGas(call, { from, to: fx.devnet.contracts.usdc, value: 0n, data })).toBe((raw * 120n + 99n) / 100n);
    // WETH's receive() wraps the value: more than 21,000.
    const wrap = BigInt(await fx.devnet.request<string>('devnet-a', 'eth_estimateGas', [{ from, to: fx.devnet.contracts.weth, value: '0x1' }]));
    expect(wrap).toBeGreaterThan(21_000n);
    expect(await estimateEvmGas(call, { from, to: fx.devnet.contracts.weth, value: 1n })).toBe((wrap * 120n + 99n) / 100n);
  });

  it('turn a transfer the token refuses into TX_FAILED with the reason', async () => {
    const call = createEvmRpc(fx.targetA).request;
    const from = fx.addresses[5] as string; // holds no USDC
    const data = encodeTransfer(fx.addresses[0] as string, 1n);
    await expect(estimateEvmGas(call, { from, to: fx.devnet.contracts.usdc, value: 0n, data })).rejects.toMatchObject({ code: 'TX_FAILED', message: /would fail on chain: execution reverted/ });
  });
});
