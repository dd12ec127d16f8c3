import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Contract, JsonRpcProvider, Wallet } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LZ_NATIVE_FEE_WEI } from '../../electron/services/devnet/layerzero/layerZeroSpec';
import { startDevnet, type Devnet } from '../../electron/services/devnet/startDevnet';
import { deriveDevnetTestKeys } from '../../electron/services/devnet/testAccounts';
import { UNISWAP_V2_ROUTER_ABI } from '../../electron/services/swap/uniswapV2/uniswapV2Abi';
import { formatAmount } from '../../shared/amounts';
import { routePath, type Route } from '../../shared/domain/route';
import { Transfer } from '../../shared/domain/transferRecord';
import type { SecureSessionView } from '../../shared/ipc/contract';
import { lossLevel } from '../../shared/routing/valueLostGuard';
import { CoinGeckoServer } from '../prices/coinGeckoServer';
import { createCoreHarness, type CoreHarness } from '../support/coreHarness';
import { devnetProviders, hostedDevnetStateDir, jsonCli } from '../support/devnetKit';

const HARDHAT = 'test test test test test test test test test test test junk';
const ACCOUNT_0 = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const PASSWORD = 'correct horse battery';
const A = 'eip155:31337';
const B = 'eip155:31338';
const started = performance.now();

let devnet: Devnet;
let prices: CoinGeckoServer;
let providers: Record<string, JsonRpcProvider>;
let usdc: string;

beforeAll(async () => {
  devnet = await startDevnet();
  usdc = devnet.contracts.usdc as string;
  prices = new CoinGeckoServer();
  prices.prices = { ethereum: '3000', 'usd-coin': '1', weth: '3000' };
  await prices.start();
  providers = devnetProviders(devnet);
}, 60_000);
afterAll(async () => {
  for (const p of Object.values(providers ?? {})) p.destroy();
  await devnet?.stop();
  await prices?.stop();
  console.log(`cross-chain wallet tests took ${(performance.now() - started).toFixed(0)} ms in all`);
});

async function walletHarness(dataDir?: string, withDevnet = true): Promise<CoreHarness> {
  const h = await createCoreHarness({
    dataDir,
    devnet: withDevnet ? { chains: devnet.chains.map((c) => ({ id: c.id, rpc: c.rpc })), contracts: devnet.contracts } : undefined,
    priceApiUrl: prices.baseUrl,
  });
  if (!dataDir) {
    const session = await h.value<SecureSessionView>('secure.begin', { purpose: 'import-mnemonic' });
    await h.secure(session.sessionId, 'secure.submitMnemonic', { mnemonic: HARDHAT, passphrase: '' });
    await h.value('vault.create', { sessionId: session.sessionId, password: PASSWORD });
  } else {
    await h.value('vault.unlock', { password: PASSWORD });
  }
  return h;
}

const accountOf = async (h: CoreHarness) => (await h.value<Array<{ id: string }>>('accounts.list'))[0]?.id as string;

const usdcOf = async (chain: string): Promise<bigint> => {
  const data = '0x70a08231' + ACCOUNT_0.slice(2).toLowerCase().padStart(64, '0');
  return BigInt(await (providers[chain] as JsonRpcProvider).call({ to: usdc, data }));
};

const ethToUsdc = (amount: string) => ({ from: { chain: 'devnet-a', asset: 'native', amount }, to: { chain: 'devnet-b', asset: 'USDC' } });
const SWAP_LZ_SWAP = 'uniswap-v2 layerzero-oft uniswap-v2';
const providersOf = (route: Route): string => route.steps.map((s) => s.provider).join(' ');
/** The swap -> LayerZero -> swap route, by its providers (swap -> Axelar ranks first for ETH -> USDC). */
const layerZeroRoute = (routes: Route[]): Route | undefined => routes.find((r) => providersOf(r) === SWAP_LZ_SWAP);

async function waitForStatus(h: CoreHarness, id: string, status: Transfer['status'], timeout = 20_000): Promise<Transfer> {
  await expect.poll(async () => (await h.value<Transfer>('transfers.get', { id })).status, { timeout, interval: 200 }).toBe(status);
  return h.value<Transfer>('transfers.get', { id });
}

/** Every call of the transfer is mined exactly at its journaled nonce, and the account's nonces moved by exactly that many. */
async function expectEachCallOnce(transfer: Transfer, nonceBefore: Record<string, number>) {
  for (const chain of [A, B]) {
    const calls = transfer.steps.flatMap((s) => s.calls).filter((c) => c.chain === chain);
    expect(calls.every((c) => c.state === 'confirmed')).toBe(true);
    for (const call of calls) {
      const tx = await (providers[chain] as JsonRpcProvider).getTransaction(call.hash);
      expect([tx?.from, tx?.nonce]).toEqual([ACCOUNT_0, Number(call.nonce)]);
    }
    expect(await (providers[chain] as JsonRpcProvider).getTransactionCount(ACCOUNT_0)).toBe((nonceBefore[chain] as number) + calls.length);
  }
}

describe('one-click cross-chain swaps through the IPC contract (devnet)', () => {
  it('finds swap -> LayerZero -> swap (after swap -> Axelar) and runs it to completed: exact ETH spent, USDC received as recorded', async () => {
    const h = await walletHarness();
    const accountId = await accountOf(h);
    const routes = await h.value<Route[]>('routes.find', { ...ethToUsdc('0.5'), slippagePercent: 1, sort: 'amount' });
    expect(routes.map(providersOf)).toEqual(['uniswap-v2 axelar-gateway', SWAP_LZ_SWAP]);
    const route = layerZeroRoute(routes) as Route;
    expect(route.steps.map((s) => [s.kind, s.provider, s.fromChain, s.toChain, s.assetIn.symbol, s.assetOut.symbol])).toEqual([
      ['swap', 'uniswap-v2', A, A, 'ETH', 'SBT'],
      ['bridge', 'layerzero-oft', A, B, 'SBT', 'SBT'],
      ['swap', 'uniswap-v2', B, B, 'SBT', 'USDC'],
    ]);
    expect(route.amountIn).toBe(String(5n * 10n ** 17n));
    // 1% per step: each step's minimum is its expected output less 1%, rounded down.
    expect(route.steps.map((s) => s.minAmountOut)).toEqual(route.steps.map((s) => String((BigInt(s.amountOut) * 9_900n) / 10_000n)));
    expect(route.totalFeesUsd).not.toBeNull();

    const ethBefore = await (providers[A] as JsonRpcProvider).getBalance(ACCOUNT_0);
    const usdcBefore = await usdcOf(B);
    const nonces = { [A]: await (providers[A] as JsonRpcProvider).getTransactionCount(ACCOUNT_0), [B]: await (providers[B] as JsonRpcProvider).getTransactionCount(ACCOUNT_0) };
    // The app renderer only asks: transfers.start opens a confirm-transfer session showing main's kept quote, and
    // nothing starts or is signed until the secure window confirms.
    const asked = await h.value<{ sessionId: string; purpose: string; state: string }>('transfers.start', { routeId: route.id, accountId });
    expect([asked.purpose, asked.state, h.openWindows.has(asked.sessionId)]).toEqual(['confirm-transfer', 'open', true]);
    expect(await h.secure(asked.sessionId, 'secure.view', {})).toEqual({
      ok: true,
      value: {
        purpose: 'confirm-transfer',
        transfer: {
          accountLabel: 'Account 1', steps: route.steps, amountIn: route.amountIn, minAmountOut: route.minAmountOut,
          priceImpactBps: route.priceImpactBps, totalFeesUsd: route.totalFeesUsd,
          valueLostUsd: route.valueLostUsd, valueLostBps: route.valueLostBps, acceptedLossBps: null, passwordRequired: false,
        },
      },
    });
    expect(await h.value('transfers.list')).toEqual([]);
    expect(await (providers[A] as JsonRpcProvider).getTransactionCount(ACCOUNT_0)).toBe(nonces[A]);
    expect(await h.secure(asked.sessionId, 'secure.confirm', {})).toEqual({ ok: true, value: { done: true } });
    const outcome = h.log.find((r) => r.name === 'confirmation.outcome')?.payload as { sessionId: string; ok: boolean; transfer: Transfer };
    expect([outcome.sessionId, outcome.ok]).toEqual([asked.sessionId, true]);
    const created = outcome.transfer;
    expect([created.status, created.accountId, created.route]).toEqual(['running', accountId, route]);
    // A quote starts once.
    const again = await h.call('transfers.start', { routeId: route.id, accountId });
    expect(again.ok ? 'ok' : again.error).toEqual({ code: 'QUOTE_EXPIRED', message: 'This quote has expired or was already started: find routes again' });

    const done = await waitForStatus(h, created.id, 'completed');
    expect(done.steps.map((s) => s.state)).toEqual(['confirmed', 'delivered', 'confirmed']);
    expect(done.steps.map((s) => s.calls.map((c) => c.label.split(' ')[0]))).toEqual([['swap'], ['send'], ['approve', 'swap']]);
    // Each step's input is the previous step's actual output, read from the receipts.
    expect(done.steps[1]?.amountIn).toBe(done.steps[0]?.amountOut);
    expect(done.steps[2]?.amountIn).toBe(done.steps[1]?.amountOut);

    let gas = 0n;
    let value = 0n;
    for (const call of done.steps.flatMap((s) => s.calls).filter((c) => c.chain === A)) {
      const receipt = await (providers[A] as JsonRpcProvider).getTransactionReceipt(call.hash);
      const tx = await (providers[A] as JsonRpcProvider).getTransaction(call.hash);
      gas += (receipt?.gasUsed ?? 0n) * (receipt?.gasPrice ?? 0n);
      value += tx?.value ?? 0n;
    }
    expect(value).toBe(5n * 10n ** 17n + LZ_NATIVE_FEE_WEI);
    expect(ethBefore - (await (providers[A] as JsonRpcProvider).getBalance(ACCOUNT_0))).toBe(5n * 10n ** 17n + gas + LZ_NATIVE_FEE_WEI);
    const received = (await usdcOf(B)) - usdcBefore;
    expect(received.toString()).toBe(done.steps[2]?.amountOut);
    expect(received >= BigInt(route.minAmountOut)).toBe(true);
    await expectEachCallOnce(done, nonces);

    const events = h.log.filter((r) => r.name === 'transfers.changed').map((r) => Transfer.parse(r.payload));
    expect(events.every((t) => t.id === created.id)).toBe(true);
    expect(events[0]?.status).toBe('running');
    expect(events[events.length - 1]).toEqual(done);
    expect(events.some((t) => t.steps[1]?.state === 'delivering')).toBe(true);
    expect((await h.value<Transfer[]>('transfers.list')).map((t) => t.id)).toEqual([created.id]);
  });

  it('two searches for one path keep two quotes; each starts only its own plan, once', async () => {
    const h = await walletHarness();
    const accountId = await accountOf(h);
    const swapOnA = (amount: string) => ({ from: { chain: 'devnet-a', asset: 'native', amount }, to: { chain: 'devnet-a', asset: 'USDC' }, slippagePercent: 1 });
    const [first] = await h.value<Route[]>('routes.find', swapOnA('0.1'));
    const [second] = await h.value<Route[]>('routes.find', swapOnA('0.2'));
    expect(routePath(first as Route)).toBe(routePath(second as Route));
    expect(first?.id).not.toBe(second?.id);
    const nonce = await (providers[A] as JsonRpcProvider).getTransactionCount(ACCOUNT_0);

    // The first quote runs its own amount and minimum, though a later search found the same path.
    const one = await h.confirmed<Transfer>('transfers.start', { routeId: first?.id, accountId });
    expect(one.route).toEqual(first);
    const oneDone = await waitForStatus(h, one.id, 'completed');
    const two = await h.confirmed<Transfer>('transfers.start', { routeId: second?.id, accountId });
    expect(two.route).toEqual(second);
    const twoDone = await waitForStatus(h, two.id, 'completed');
    const sent = async (t: Transfer) => (await (providers[A] as JsonRpcProvider).getTransaction(t.steps[0]?.calls[0]?.hash as string))?.value;
    expect([await sent(oneDone), await sent(twoDone)]).toEqual([10n ** 17n, 2n * 10n ** 17n]);
    expect(BigInt(oneDone.steps[0]?.amountOut as string) >= BigInt(first?.minAmountOut as string)).toBe(true);
    expect(BigInt(twoDone.steps[0]?.amountOut as string) >= BigInt(second?.minAmountOut as string)).toBe(true);
    expect(await (providers[A] as JsonRpcProvider).getTransactionCount(ACCOUNT_0)).toBe(nonce + 2);

    // Each quote starts once.
    for (const quote of [first, second]) {
      const again = await h.call('transfers.start', { routeId: quote?.id, accountId });
      expect(again.ok ? 'ok' : again.error.code).toBe('QUOTE_EXPIRED');
    }
    expect((await h.value<Transfer[]>('transfers.list')).map((t) => t.id).sort()).toEqual([one.id, two.id].sort());
  });

  it('refuses what it cannot do: INSUFFICIENT_FUNDS and an unknown quote id send nothing, NO_ROUTE without a path', async () => {
    const h = await walletHarness();
    const accountId = await accountOf(h);
    const nonce = await (providers[A] as JsonRpcProvider).getTransactionCount(ACCOUNT_0);
    const [tooMuch] = await h.value<Route[]>('routes.find', ethToUsdc('20000'));
    const refused = await h.call('transfers.start', { routeId: tooMuch?.id, accountId });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('INSUFFICIENT_FUNDS');
    expect(await (providers[A] as JsonRpcProvider).getTransactionCount(ACCOUNT_0)).toBe(nonce);
    expect(await h.value<Transfer[]>('transfers.list')).toEqual([]);

    // A quote id that no search gave is refused before anything is read or signed.
    const unknown = await h.call('transfers.start', { routeId: 'not-a-quote', accountId });
    expect(unknown.ok ? 'ok' : unknown.error.code).toBe('QUOTE_EXPIRED');
    // The `reviewed` patch is gone from the contract: the quote id alone names what runs.
    const patched = await h.call('transfers.start', { routeId: tooMuch?.id, accountId, reviewed: { amountIn: '1', minAmountOut: '1' } });
    expect(patched.ok ? 'ok' : patched.error.code).toBe('INVALID_INPUT');
    expect(await (providers[A] as JsonRpcProvider).getTransactionCount(ACCOUNT_0)).toBe(nonce);
    expect(await h.value<Transfer[]>('transfers.list')).toEqual([]);

    const none = await h.call('routes.find', { from: { chain: 'devnet-a', asset: 'native', amount: '1' }, to: { chain: 'devnet-a', asset: 'WETH' } });
    expect(none.ok ? 'ok' : none.error).toEqual({ code: 'NO_ROUTE', message: 'No route from ETH on Devnet A to WETH on Devnet A' });
    const bad = await h.call('routes.find', { ...ethToUsdc('1'), slippagePercent: 60 });
    expect(bad.ok ? 'ok' : bad.error.code).toBe('INVALID_INPUT');

    const offline = await walletHarness(undefined, false);
    const noDevnet = await offline.call('routes.find', { from: { chain: 'ethereum', asset: 'native', amount: '1' }, to: { chain: 'arbitrum', asset: 'native' } });
    expect(noDevnet.ok ? 'ok' : noDevnet.error).toEqual({ code: 'NO_ROUTE', message: 'No route from ETH on Ethereum to ETH on Arbitrum One' });
  });

  it('a price that moved below the reviewed minimum fails the first step before anything is signed', async () => {
    const h = await walletHarness();
    const accountId = await accountOf(h);
    const route = layerZeroRoute(await h.value<Route[]>('routes.find', { ...ethToUsdc('0.5'), slippagePercent: 0.5 }));
    // Another trader buys SBT with 20 ETH (a fifth of the pool's WETH) between the quote and the start.
    const trader = new Wallet((deriveDevnetTestKeys().accounts[3] as { privateKey: string }).privateKey, providers[A]);
    const router = new Contract(devnet.contracts.uniswapV2Router02 as string, UNISWAP_V2_ROUTER_ABI as never, trader);
    const deadline = Math.floor(Date.now() / 1000) + 600;
    await (await router.getFunction('swapExactETHForTokens')(0n, [devnet.contracts.weth, devnet.contracts.sbt], trader.address, deadline, { value: 20n * 10n ** 18n })).wait();

    const nonce = await (providers[A] as JsonRpcProvider).getTransactionCount(ACCOUNT_0);
    const created = await h.confirmed<Transfer>('transfers.start', { routeId: route?.id, accountId });
    const failed = await waitForStatus(h, created.id, 'failed');
    const step = failed.steps[0];
    expect([step?.state, step?.calls, step?.failure?.reason, step?.failure?.action]).toEqual(['failed', [], 'refused', 'retry']);
    const minimum = formatAmount(BigInt(route?.steps[0]?.minAmountOut ?? '0'), 18);
    expect(step?.failure?.message).toMatch(new RegExp(`^The price moved: this step would now give [0-9.]+ SBT, below the reviewed minimum of ${minimum.replace('.', '\\.')} SBT; nothing was sent$`));
    expect(step?.failure?.fundsAt).toEqual({ chain: A, asset: route?.steps[0]?.assetIn, address: ACCOUNT_0, amount: String(5n * 10n ** 17n) });
    expect(step?.failure?.summary).toBe(`0.5 ETH is still at ${ACCOUNT_0} on Devnet A: nothing of this step went through`);
    expect(failed.steps.slice(1).map((s) => s.state)).toEqual(['pending', 'pending']);
    expect(await (providers[A] as JsonRpcProvider).getTransactionCount(ACCOUNT_0)).toBe(nonce);
  });

  it('relayer paused: the bridge stays delivering and gets delayed; a new core on the same data dir resumes it once, every transaction once', async () => {
    const first = await walletHarness();
    const accountId = await accountOf(first);
    const route = layerZeroRoute(await first.value<Route[]>('routes.find', ethToUsdc('0.25')));
    const nonces = { [A]: await (providers[A] as JsonRpcProvider).getTransactionCount(ACCOUNT_0), [B]: await (providers[B] as JsonRpcProvider).getTransactionCount(ACCOUNT_0) };
    await devnet.relayer.pause();
    try {
      // The earlier test's trader left devnet-a's SBT pool off the market price: this route now loses about a third of
      // its value, which the guard refuses without the user's acceptance of that loss (test/wallet/valueLostGuard.devnet.test.ts).
      const acceptedLossBps = Math.max(route?.valueLostBps ?? 0, route?.priceImpactBps ?? 0);
      const created = await first.confirmed<Transfer>('transfers.start', { routeId: route?.id, accountId, acceptedLossBps });
      // LayerZero's devnet ETA is 5 s: delayed after 3 × 5 s in delivery.
      await expect.poll(async () => (await first.value<Transfer>('transfers.get', { id: created.id })).steps[1], { timeout: 25_000, interval: 250 }).toMatchObject({ state: 'delivering', delayed: true });
      const delayedEvent = first.log.filter((r) => r.name === 'transfers.changed').map((r) => Transfer.parse(r.payload)).find((t) => t.steps[1]?.delayed);
      expect(delayedEvent?.status).toBe('running');

      // The app dies: its vault locks (no new signing, no tracking) and it is never used again.
      await first.value('vault.lock');
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const second = await walletHarness(first.dataDir);
      expect((await second.value<Transfer>('transfers.get', { id: created.id })).steps.map((s) => s.state)).toEqual(['confirmed', 'delivering', 'pending']);
      devnet.relayer.resume();
      const done = await waitForStatus(second, created.id, 'completed');
      expect(done.steps.map((s) => [s.state, s.delayed])).toEqual([['confirmed', false], ['delivered', true], ['confirmed', false]]);
      await expectEachCallOnce(done, nonces);
      expect(second.log.filter((r) => r.name === 'transfers.changed').map((r) => Transfer.parse(r.payload).status).pop()).toBe('completed');
    } finally {
      devnet.relayer.resume();
    }
  }, 45_000);
});

describe('strata route / swap / transfers on the devnet', () => {
  let env: Record<string, string>;
  let vaultDir: string;

  const cli = jsonCli(() => env);

  beforeAll(async () => {
    const stateDir = await hostedDevnetStateDir(devnet, 'strata-cli-devnet-');
    vaultDir = join(await mkdtemp(join(tmpdir(), 'strata-cli-swap-')), 'vault');
    env = { STRATA_DEVNET_DIR: stateDir, STRATA_PASSWORD: PASSWORD, STRATA_PRICE_API_URL: prices.baseUrl };
    expect((await cli(['vault', 'init', '--dir', vaultDir], HARDHAT)).code).toBe(0);
  });

  it('route prints the routes as JSON, best first', async () => {
    const out = await cli(['route', '--from', 'devnet-a:native', '--to', 'eip155:31338:USDC', '--amount', '0.1', '--slippage', '2']);
    expect(out.code).toBe(0);
    const routes = out.json.routes as Route[];
    expect(routes.map(providersOf)).toEqual(['uniswap-v2 axelar-gateway', SWAP_LZ_SWAP]);
    expect(BigInt(routes[0]?.amountOut ?? 0) > BigInt(routes[1]?.amountOut ?? 0)).toBe(true);
    const route = routes[1] as Route;
    expect(Object.keys(route).sort()).toEqual(['amountIn', 'amountOut', 'etaSeconds', 'fees', 'id', 'lossLevel', 'minAmountOut', 'priceImpactBps', 'steps', 'totalFeesUsd', 'valueLostBps', 'valueLostUsd', 'warnings']);
    // Without prices the value lost is unknown and the guard judges the price impact alone.
    expect([route.valueLostUsd, route.valueLostBps, route.lossLevel]).toEqual([null, null, lossLevel(route.priceImpactBps)]);
    expect(route.amountIn).toBe(String(10n ** 17n));
    expect(route.steps.map((s) => s.minAmountOut)).toEqual(route.steps.map((s) => String((BigInt(s.amountOut) * 9_800n) / 10_000n)));
    // The CLI asks no price server.
    expect(route.totalFeesUsd).toBeNull();
    const bad = await cli(['route', '--from', 'devnet-a', '--to', 'devnet-b:USDC', '--amount', '1']);
    expect([bad.code, (bad.json.error as { code: string }).code]).toEqual([2, 'INVALID_INPUT']);
  });

  it('swap runs the best route (swap -> Axelar) to completed and transfers lists it', async () => {
    const before = await usdcOf(B);
    const out = await cli(['swap', '--dir', vaultDir, '--from', 'devnet-a:native', '--to', 'devnet-b:USDC', '--amount', '0.1', '--yes']);
    expect(out.code).toBe(0);
    expect(out.json.status).toBe('completed');
    const steps = out.json.steps as Transfer['steps'];
    expect(steps.map((s) => [s.state, s.calls.map((c) => c.label)])).toEqual([
      ['confirmed', ['swap ETH for USDC']],
      ['delivered', ['approve USDC', 'send USDC over Axelar']],
    ]);
    expect(((await usdcOf(B)) - before).toString()).toBe(steps[1]?.amountOut);
    const listed = await cli(['transfers', '--dir', vaultDir]);
    expect((listed.json.transfers as Transfer[]).map((t) => [t.id, t.status])).toEqual([[out.json.transferId, 'completed']]);
  }, 30_000);
});
