import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssetInfo } from '../../shared/domain/asset';
import { createEvmAdapter } from '../../electron/services/evm/createEvmAdapter';
import { MULTICALL3_ADDRESS } from '../../electron/services/evm/multicall3Abi';
import { expectStrataRejection } from '../unit/expectStrataError';
import { ETH, startEvmFixture, USDC_UNIT, type EvmFixture } from './support';

let fx: EvmFixture;

beforeAll(async () => {
  fx = await startEvmFixture(6);
});

afterAll(async () => {
  await fx?.close();
});

/** What the devnet's genesis and deploy steps give accounts 0..5: 10,000 ETH each, 1M USDC to 0..4, 100 WETH to 0. */
function expectedGrid(): bigint[][] {
  return fx.addresses.map((_, i) => [10_000n * ETH, i < 5 ? 1_000_000n * USDC_UNIT : 0n, i === 0 ? 100n * ETH : 0n]);
}

function counted() {
  const methods: string[] = [];
  const adapter = createEvmAdapter({ rpc: { onRequest: (e) => methods.push(e.method) } });
  return { adapter, methods };
}

describe('EVM balances through Multicall3', () => {
  it('reads every address × (native, USDC, WETH) in ONE eth_call per chain, exact amounts', async () => {
    const proxyA = await fx.devnet.rpcProxy('devnet-a');
    const proxyB = await fx.devnet.rpcProxy('devnet-b');
    const { adapter, methods } = counted();
    const targetA = { chain: fx.chainA, endpoints: [proxyA.url] };
    const targetB = { chain: fx.chainB, endpoints: [proxyB.url] };
    const assetsA = [fx.assets.eth, fx.assets.usdc, fx.assets.weth];
    const assetsB = [fx.assets.ethB, fx.assets.usdcB];

    const [a, b] = await Promise.all([adapter.getBalances(targetA, fx.addresses, assetsA), adapter.getBalances(targetB, fx.addresses, assetsB)]);
    expect(a).toEqual(expectedGrid());
    expect(b).toEqual(expectedGrid().map((row) => row.slice(0, 2)));
    // First use of each endpoint: its chain id is checked in the same batch as the one eth_call: 1 round trip per chain.
    expect(proxyA.forwarded).toBe(1);
    expect(proxyB.forwarded).toBe(1);
    expect(methods.sort()).toEqual(['eth_call', 'eth_call', 'eth_chainId', 'eth_chainId']);

    // A refresh is exactly one round trip per chain.
    await Promise.all([adapter.getBalances(targetA, fx.addresses, assetsA), adapter.getBalances(targetB, fx.addresses, assetsB)]);
    expect(proxyA.forwarded).toBe(2);
    expect(proxyB.forwarded).toBe(2);

    // And the values are the chain's: cross-check every cell with direct reads.
    for (const [i, address] of fx.addresses.entries()) {
      expect(a[i]).toEqual([await fx.balanceOf(address), await fx.tokenBalanceOf(fx.devnet.contracts.usdc, address), await fx.tokenBalanceOf(fx.devnet.contracts.weth, address)]);
    }
  });

  it('reports a failed sub-call as that balance\'s error, not a crash', async () => {
    const { adapter, methods } = counted();
    const notAToken: AssetInfo = { ...fx.assets.usdc, ref: fx.addresses[5] as string, symbol: 'EOA' };
    const noBalanceOf: AssetInfo = { ...fx.assets.usdc, ref: MULTICALL3_ADDRESS, symbol: 'MC3' };
    const reads = await adapter.readBalances(fx.targetA, fx.addresses.slice(0, 2), [fx.assets.eth, notAToken, fx.assets.usdc, noBalanceOf]);
    expect(methods).toEqual(['eth_chainId', 'eth_call']);
    expect(reads).toEqual(
      [0, 1].map(() => [
        { ok: true, amount: 10_000n * ETH },
        { ok: false, error: 'No contract answered: there is no ERC-20 at this address on this chain' },
        { ok: true, amount: 1_000_000n * USDC_UNIT },
        { ok: false, error: 'balanceOf reverted: not an ERC-20 contract, or a contract that refuses this read' },
      ]),
    );
    // The common interface has no per-cell errors: it names the asset that could not be read.
    await expectStrataRejection(adapter.getBalances(fx.targetA, fx.addresses.slice(0, 1), [fx.assets.eth, noBalanceOf]), 'UNKNOWN_ASSET', /MC3 balance on Devnet A: balanceOf reverted/);
  });

  it('splits more sub-calls than maxCallsPerBatch into several eth_calls pinned to one block', async () => {
    const methods: string[] = [];
    const adapter = createEvmAdapter({ rpc: { onRequest: (e) => methods.push(e.method) }, balances: { maxCallsPerBatch: 4 } });
    const grid = await adapter.getBalances(fx.targetA, fx.addresses, [fx.assets.eth, fx.assets.usdc, fx.assets.weth]);
    expect(grid).toEqual(expectedGrid());
    // 6 × 3 = 18 sub-calls -> 5 batches, plus the block number they are pinned to.
    expect(methods.filter((m) => m === 'eth_call')).toHaveLength(5);
    expect(methods.filter((m) => m === 'eth_blockNumber')).toHaveLength(1);
  });

  it('reads pair by pair on a chain without Multicall3', async () => {
    const methods: string[] = [];
    // An address without code stands for a chain where Multicall3 was never deployed.
    const adapter = createEvmAdapter({ rpc: { onRequest: (e) => methods.push(e.method) }, balances: { multicall: fx.addresses[5] as string } });
    const grid = await adapter.getBalances(fx.targetA, fx.addresses, [fx.assets.eth, fx.assets.usdc, fx.assets.weth]);
    expect(grid).toEqual(expectedGrid());
    expect(methods.filter((m) => m === 'eth_getBalance')).toHaveLength(6);
    expect(methods.filter((m) => m === 'eth_call')).toHaveLength(1 + 12);
  });

  it('rejects bad addresses and assets of another chain before any request', async () => {
    const { adapter, methods } = counted();
    const wrongChecksum = (fx.addresses[1] as string).replace('0x70997970C', '0x70997970c');
    await expectStrataRejection(adapter.getBalances(fx.targetA, [wrongChecksum], [fx.assets.eth]), 'INVALID_ADDRESS');
    await expectStrataRejection(adapter.getBalances(fx.targetA, ['0x1234'], [fx.assets.eth]), 'INVALID_ADDRESS');
    await expectStrataRejection(adapter.getBalances(fx.targetA, fx.addresses, [fx.assets.usdcB]), 'UNKNOWN_ASSET');
    await expectStrataRejection(adapter.getBalances(fx.targetA, fx.addresses, [{ ...fx.assets.usdc, ref: 'uatom' }]), 'UNKNOWN_ASSET');
    expect(methods).toEqual([]);
    // All-lowercase addresses carry no checksum and are accepted.
    expect(await adapter.getBalances(fx.targetA, [(fx.addresses[1] as string).toLowerCase()], [fx.assets.eth])).toEqual([[10_000n * ETH]]);
  });
});
