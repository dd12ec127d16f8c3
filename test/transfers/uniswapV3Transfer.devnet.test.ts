/**
 * Same-chain Uniswap V3 swaps through the whole pipeline on the devnet: findRoutes over the devnet's deployment rows
 * with its V3 pools, the route step runner (fresh quote, calls built against the reviewed minimum), the executor
 * with vault signing, and the output read back from the receipt; balances checked over JSON-RPC.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devnetRoutingEnvironment } from '../../electron/services/routing/devnetRouting';
import { findRoutes, type RoutingEnvironment } from '../../electron/services/routing/findRoutes';
import { evmCallTransport } from '../../electron/services/transfers/evmCallTransport';
import { journaledStepAdapter, routeStepRunner } from '../../electron/services/transfers/routeStepRunners';
import { startTransfer } from '../../electron/services/transfers/runTransfer';
import { TransferJournal } from '../../electron/services/transfers/transferJournal';
import { ETH, startEvmFixture, USDC_UNIT, type EvmFixture } from '../evm/support';

const A = 'eip155:31337';

let fx: EvmFixture;
let env: RoutingEnvironment;
let dataDir: string;
let journal: TransferJournal;

beforeAll(async () => {
  fx = await startEvmFixture(2);
  env = devnetRoutingEnvironment({ chains: fx.devnet.chains, contracts: fx.devnet.contracts, usdPrices: { ethereum: '3000', 'usd-coin': '1' }, evmVenues: ['uniswap-v3'] });
  dataDir = await mkdtemp(join(tmpdir(), 'strata-v3-transfer-'));
  journal = await TransferJournal.open(dataDir);
});
afterAll(async () => {
  await fx?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const options = (id: string) => ({
  journal,
  id,
  runnerFor: (step: Parameters<typeof routeStepRunner>[0]) =>
    routeStepRunner(step, journaledStepAdapter(step, env), { env, transportFor: () => evmCallTransport(fx.targetA, fx.signer(1)) }),
  pollMs: 50,
});

describe('Uniswap V3 same-chain swaps through the executor', () => {
  it('ETH -> USDC: one router call with the ETH as value; the USDC received is the quote and the step\'s recorded output', async () => {
    const me = fx.addresses[1] as string;
    const usdc = fx.devnet.contracts.usdc as string;
    const [found] = await findRoutes(env, { from: { chain: A, asset: 'native', amount: ETH }, to: { chain: A, asset: usdc }, slippageBps: 50 });
    expect(found?.route.steps.map((s) => [s.provider, s.amountOut])).toEqual([['uniswap-v3', '2988543170']]);
    const [eth0, usdc0] = [await fx.balanceOf(me), await fx.tokenBalanceOf(usdc, me)];
    const done = await startTransfer(found!.route, options('v3-eth-usdc'));
    expect(done.status).toBe('completed');
    const step = done.steps[0]!;
    expect([step.calls.map((c) => c.label), step.amountOut]).toEqual([['swap ETH for USDC'], '2988543170']);
    expect(await fx.tokenBalanceOf(usdc, me)).toBe(usdc0 + 2_988_543_170n);
    const receipt = await fx.devnet.request<{ gasUsed: string; effectiveGasPrice: string }>('devnet-a', 'eth_getTransactionReceipt', [step.calls[0]?.hash]);
    expect(await fx.balanceOf(me)).toBe(eth0 - ETH - BigInt(receipt.gasUsed) * BigInt(receipt.effectiveGasPrice));
  });

  it('USDC -> native ETH: an exact approval, then the swap; the ETH out is read from WETH\'s Withdrawal and lands in the account', async () => {
    const me = fx.addresses[1] as string;
    const usdc = fx.devnet.contracts.usdc as string;
    const amount = 1_000n * USDC_UNIT;
    const [found] = await findRoutes(env, { from: { chain: A, asset: usdc, amount }, to: { chain: A, asset: 'native' }, slippageBps: 50 });
    expect(found?.route.steps.map((s) => s.provider)).toEqual(['uniswap-v3']);
    const quoted = BigInt(found!.route.amountOut);
    const [eth0, usdc0] = [await fx.balanceOf(me), await fx.tokenBalanceOf(usdc, me)];
    const done = await startTransfer(found!.route, options('v3-usdc-eth'));
    expect(done.status).toBe('completed');
    const step = done.steps[0]!;
    expect(step.calls.map((c) => c.label)).toEqual(['approve USDC', 'swap USDC for ETH']);
    // Nothing moved the pools in between: the chain paid exactly the quote.
    expect(step.amountOut).toBe(quoted.toString());
    expect(await fx.tokenBalanceOf(usdc, me)).toBe(usdc0 - amount);
    let gas = 0n;
    for (const call of step.calls) {
      const receipt = await fx.devnet.request<{ gasUsed: string; effectiveGasPrice: string }>('devnet-a', 'eth_getTransactionReceipt', [call.hash]);
      gas += BigInt(receipt.gasUsed) * BigInt(receipt.effectiveGasPrice);
    }
    expect(await fx.balanceOf(me)).toBe(eth0 + quoted - gas);
  });
});
