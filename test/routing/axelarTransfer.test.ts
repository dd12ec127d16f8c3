/**
 * One-click transfers over Axelar through the core (routes.find -> transfers.start, signed by the vault, executed by
 * runTransfer with the route step runners) on the real devnet: the swap -> Axelar route for ETH -> USDC and the
 * direct Axelar route for USDC -> USDC, with the relayer paused and resumed.
 */
import { JsonRpcProvider } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AXELAR_USDC_TRANSFER_FEE } from '../../electron/services/devnet/axelar/axelarSpec';
import { startDevnet, type Devnet } from '../../electron/services/devnet/startDevnet';
import type { Route } from '../../shared/domain/route';
import { Transfer } from '../../shared/domain/transferRecord';
import type { SecureSessionView } from '../../shared/ipc/contract';
import { CoinGeckoServer } from '../prices/coinGeckoServer';
import { createCoreHarness, type CoreHarness } from '../support/coreHarness';
import { devnetProviders } from '../support/devnetKit';

const HARDHAT = 'test test test test test test test test test test test junk';
const ACCOUNT_0 = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const A = 'eip155:31337';
const B = 'eip155:31338';
const USDC = 10n ** 6n;

let devnet: Devnet;
let prices: CoinGeckoServer;
let providers: Record<string, JsonRpcProvider>;
let h: CoreHarness;
let accountId: string;

const provider = (chain: string) => providers[chain] as JsonRpcProvider;
const providersOf = (route: Route | undefined) => route?.steps.map((s) => s.provider).join(' ');

async function usdcOf(chain: string): Promise<bigint> {
  const data = '0x70a08231' + ACCOUNT_0.slice(2).toLowerCase().padStart(64, '0');
  return BigInt(await provider(chain).call({ to: devnet.contracts.usdc, data }));
}

async function waitForStatus(id: string, status: Transfer['status']): Promise<Transfer> {
  await expect.poll(async () => (await h.value<Transfer>('transfers.get', { id })).status, { timeout: 20_000, interval: 100 }).toBe(status);
  return h.value<Transfer>('transfers.get', { id });
}

/** Every call was mined once, from account 0 at its journaled nonce, and the nonces moved by exactly that many. */
async function expectEachCallOnce(transfer: Transfer, nonces: Record<string, number>): Promise<void> {
  for (const chain of [A, B]) {
    const calls = transfer.steps.flatMap((s) => s.calls).filter((c) => c.chain === chain);
    for (const call of calls) {
      const tx = await provider(chain).getTransaction(call.hash);
      expect([call.state, tx?.from, tx?.nonce]).toEqual(['confirmed', ACCOUNT_0, Number(call.nonce)]);
    }
    expect(await provider(chain).getTransactionCount(ACCOUNT_0)).toBe((nonces[chain] as number) + calls.length);
  }
}

async function noncesNow(): Promise<Record<string, number>> {
  return { [A]: await provider(A).getTransactionCount(ACCOUNT_0), [B]: await provider(B).getTransactionCount(ACCOUNT_0) };
}

beforeAll(async () => {
  devnet = await startDevnet();
  prices = new CoinGeckoServer();
  prices.prices = { ethereum: '3000', 'usd-coin': '1', weth: '3000' };
  await prices.start();
  providers = devnetProviders(devnet);
  h = await createCoreHarness({ devnet: { chains: devnet.chains.map((c) => ({ id: c.id, rpc: c.rpc })), contracts: devnet.contracts }, priceApiUrl: prices.baseUrl });
  const session = await h.value<SecureSessionView>('secure.begin', { purpose: 'import-mnemonic' });
  await h.secure(session.sessionId, 'secure.submitMnemonic', { mnemonic: HARDHAT, passphrase: '' });
  await h.value('vault.create', { sessionId: session.sessionId, password: 'axelar transfers' });
  accountId = (await h.value<Array<{ id: string }>>('accounts.list'))[0]?.id as string;
}, 60_000);

afterAll(async () => {
  devnet?.relayer.resume();
  for (const p of Object.values(providers ?? {})) p.destroy();
  await devnet?.stop();
  await prices?.stop();
});

describe('transfers over Axelar through the core (devnet)', () => {
  it('ETH devnet-a -> USDC devnet-b: the best route is swap -> Axelar; it completes with exactly the recorded USDC, each call once', async () => {
    const routes = await h.value<Route[]>('routes.find', { from: { chain: 'devnet-a', asset: 'native', amount: '0.5' }, to: { chain: 'devnet-b', asset: 'USDC' }, slippagePercent: 1 });
    const route = routes[0] as Route;
    expect(routes.map(providersOf)).toEqual(['uniswap-v2 axelar-gateway', 'uniswap-v2 layerzero-oft uniswap-v2']);
    const ethBefore = await provider(A).getBalance(ACCOUNT_0);
    const usdcBefore = await usdcOf(B);
    const nonces = await noncesNow();

    const created = await h.confirmed<Transfer>('transfers.start', { routeId: route.id, accountId });
    const done = await waitForStatus(created.id, 'completed');
    expect(done.steps.map((s) => s.state)).toEqual(['confirmed', 'delivered']);
    expect(done.steps.map((s) => s.calls.map((c) => c.label))).toEqual([['swap ETH for USDC'], ['approve USDC', 'send USDC over Axelar']]);
    // The bridge step sends what the swap actually gave, and the destination gets that less Axelar's fee.
    expect(done.steps[1]?.amountIn).toBe(done.steps[0]?.amountOut);
    expect(done.steps[1]?.amountOut).toBe((BigInt(done.steps[0]?.amountOut ?? 0) - AXELAR_USDC_TRANSFER_FEE).toString());
    const received = (await usdcOf(B)) - usdcBefore;
    expect(received.toString()).toBe(done.steps[1]?.amountOut);
    expect(received >= BigInt(route.minAmountOut)).toBe(true);

    // Axelar's send carries no native value: only the 0.5 ETH swapped and gas leave the account.
    let gas = 0n;
    for (const call of done.steps.flatMap((s) => s.calls)) {
      const receipt = await provider(A).getTransactionReceipt(call.hash);
      gas += (receipt?.gasUsed ?? 0n) * (receipt?.gasPrice ?? 0n);
    }
    expect(ethBefore - (await provider(A).getBalance(ACCOUNT_0))).toBe(5n * 10n ** 17n + gas);
    await expectEachCallOnce(done, nonces);
    const events = h.log.filter((r) => r.name === 'transfers.changed').map((r) => Transfer.parse(r.payload)).filter((t) => t.id === created.id);
    expect(events.some((t) => t.steps[1]?.state === 'delivering')).toBe(true);
  });

  it('USDC devnet-a -> USDC devnet-b directly over Axelar: delivering while the relayer is paused, delivered once it resumes', async () => {
    const routes = await h.value<Route[]>('routes.find', { from: { chain: 'devnet-a', asset: 'USDC', amount: '100' }, to: { chain: 'devnet-b', asset: 'USDC' } });
    const route = routes[0] as Route;
    expect([providersOf(route), route.amountOut]).toEqual(['axelar-gateway', (99n * USDC).toString()]);
    const [usdcA, usdcB] = [await usdcOf(A), await usdcOf(B)];
    const nonces = await noncesNow();
    await devnet.relayer.pause();
    let id: string;
    try {
      id = (await h.confirmed<Transfer>('transfers.start', { routeId: route.id, accountId })).id;
      await expect.poll(async () => (await h.value<Transfer>('transfers.get', { id })).steps[0]?.state, { timeout: 10_000, interval: 100 }).toBe('delivering');
      expect(await usdcOf(A)).toBe(usdcA - 100n * USDC);
      expect(await usdcOf(B)).toBe(usdcB);
    } finally {
      devnet.relayer.resume();
    }
    const done = await waitForStatus(id, 'completed');
    expect(done.steps.map((s) => [s.state, s.amountIn, s.amountOut])).toEqual([['delivered', (100n * USDC).toString(), (99n * USDC).toString()]]);
    expect(await usdcOf(B)).toBe(usdcB + 99n * USDC);
    await expectEachCallOnce(done, nonces);
  });
});
