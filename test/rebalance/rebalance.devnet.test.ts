import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Contract, HDNodeWallet, JsonRpcProvider, Network, Wallet } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevnet, type Devnet } from '../../electron/services/devnet/startDevnet';
import { deriveDevnetTestKeys } from '../../electron/services/devnet/testAccounts';
import { GAS_RESERVE_FACTOR } from '../../electron/services/rebalance/planRebalance';
import { RebalanceRecords } from '../../electron/services/rebalance/rebalanceRecords';
import { formatAmount } from '../../shared/amounts';
import { routePath, type Route } from '../../shared/domain/route';
import type { Transfer } from '../../shared/domain/transferRecord';
import type { SecureSessionView } from '../../shared/ipc/contract';
import type { DriftReport, RebalanceExecution, RebalancePlan } from '../../shared/rebalance/rebalanceSchemas';
import { CoinGeckoServer } from '../prices/coinGeckoServer';
import { createCoreHarness, type CoreHarness } from '../support/coreHarness';
import { hostedDevnetStateDir, jsonCli } from '../support/devnetKit';

// Fresh wallets (BIP-39 test vectors), funded by the test: small amounts that the devnet's pools absorb.
const CORE_PHRASE = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';
const CLI_PHRASE = 'legal winner thank year wave sausage worth useful legal winner thank yellow';
const GAS_PHRASE = 'scheme spot photo card baby mountain device kick cradle pact join borrow';
const REVIEW_PHRASE = 'cat swing flag economy stadium alone churn speed unique patch report train';
const PASSWORD = 'correct horse battery';
const A = 'eip155:31337';
const E18 = 10n ** 18n;
const ERC20 = ['function transfer(address to, uint256 amount) returns (bool)', 'function balanceOf(address) view returns (uint256)'];
const HALF = { ethereum: 0.5, 'usd-coin': 0.5 };

let devnet: Devnet;
let prices: CoinGeckoServer;
let provider: JsonRpcProvider;
let usdc: Contract;

const addressOf = (phrase: string) => HDNodeWallet.fromPhrase(phrase, undefined, "m/44'/60'/0'/0/0").address;

/** 2 ETH and 1000 USDC on devnet-a from the devnet's first account: $6000 + $1000 at the test's prices. */
async function fund(address: string): Promise<void> {
  const funder = new Wallet((deriveDevnetTestKeys().accounts[0] as { privateKey: string }).privateKey, provider);
  await (await funder.sendTransaction({ to: address, value: 2n * E18 })).wait();
  await (await (usdc.connect(funder) as Contract).getFunction('transfer')(address, 1000n * 10n ** 6n)).wait();
}

const usdcOf = async (address: string): Promise<bigint> => usdc.getFunction('balanceOf')(address) as Promise<bigint>;

/** ETH's share of the two at $3000 / $1, in percent. */
async function ethSharePct(address: string): Promise<number> {
  const eth = Number(await provider.getBalance(address)) / 1e18 * 3000;
  const dollars = Number(await usdcOf(address)) / 1e6;
  return (eth / (eth + dollars)) * 100;
}

/** The gas a transfer's transactions paid, wei. */
async function gasPaid(transfer: Transfer | undefined): Promise<bigint> {
  let paid = 0n;
  for (const call of transfer?.steps.flatMap((s) => s.calls) ?? []) {
    const receipt = await provider.getTransactionReceipt(call.hash);
    paid += (receipt?.gasUsed ?? 0n) * (receipt?.gasPrice ?? 0n);
  }
  return paid;
}

/** A core on the devnet and the price stand-in; with a phrase, a new vault of it (else `dataDir`'s, unlocked). */
async function walletCore(options: { phrase: string } | { dataDir: string }): Promise<CoreHarness> {
  const devnetInfo = { chains: devnet.chains.map((c) => ({ id: c.id, rpc: c.rpc })), contracts: devnet.contracts };
  if ('dataDir' in options) {
    const h = await createCoreHarness({ dataDir: options.dataDir, devnet: devnetInfo, priceApiUrl: prices.baseUrl });
    await h.value('vault.unlock', { password: PASSWORD });
    return h;
  }
  const h = await createCoreHarness({ devnet: devnetInfo, priceApiUrl: prices.baseUrl });
  const session = await h.value<SecureSessionView>('secure.begin', { purpose: 'import-mnemonic' });
  await h.secure(session.sessionId, 'secure.submitMnemonic', { mnemonic: options.phrase, passphrase: '' });
  await h.value('vault.create', { sessionId: session.sessionId, password: PASSWORD });
  return h;
}

/** A new vault of `phrase`, its first address funded (fund). */
async function fundedCore(phrase: string): Promise<CoreHarness> {
  await fund(addressOf(phrase));
  return walletCore({ phrase });
}

beforeAll(async () => {
  devnet = await startDevnet();
  prices = new CoinGeckoServer();
  prices.prices = { ethereum: '3000', 'usd-coin': '1', weth: '3000' };
  await prices.start();
  provider = new JsonRpcProvider(devnet.chains[0].rpc, Network.from(31337), { staticNetwork: true, cacheTimeout: -1 });
  usdc = new Contract(devnet.contracts.usdc as string, ERC20, provider);
}, 60_000);
afterAll(async () => {
  provider?.destroy();
  await devnet?.stop();
  await prices?.stop();
});

describe('rebalancing through the core on the devnet', () => {
  let h: CoreHarness;
  const owner = addressOf(CORE_PHRASE);

  beforeAll(async () => {
    await fund(owner);
    h = await walletCore({ phrase: CORE_PHRASE });
  }, 30_000);

  it('without a saved target: NO_TARGET; a bad target is refused', async () => {
    const none = await h.call('rebalance.plan', {});
    expect(none.ok ? 'ok' : none.error).toEqual({ code: 'NO_TARGET', message: 'No target allocation is saved: pick a point on the Strategy page and save the strategy' });
    const bad = await h.call('rebalance.saveTarget', { weights: { ethereum: -1 } });
    expect(bad.ok ? 'ok' : bad.error.code).toBe('INVALID_INPUT');
    expect(await h.value('rebalance.getTarget')).toBeNull();
  });

  it('plans exactly one swap of $2500 of ETH into USDC, with the route and fees the router gives for it', async () => {
    const saved = await h.value<{ weights: Record<string, number> }>('rebalance.saveTarget', { weights: HALF });
    expect(saved.weights).toEqual(HALF);
    const plan = await h.value<RebalancePlan>('rebalance.plan', {});
    expect(plan.drift.assets.map((a) => [a.key, a.currentUsd, a.targetUsd, a.driftPct, a.outOfBand])).toEqual([
      ['ethereum', '6000.00', '3500.00', 35.71, true],
      ['usd-coin', '1000.00', '3500.00', -35.71, true],
    ]);
    expect(plan.trades.map((t) => [t.index, t.sell.chain, t.sell.symbol, t.buy.chain, t.buy.symbol, t.amountIn, t.usd])).toEqual([[0, A, 'ETH', A, 'USDC', '833333333333333333', '2500.00']]);
    expect(plan.skipped).toEqual([]);
    const trade = plan.trades[0] as RebalancePlan['trades'][number];
    expect(trade.route.steps.map((s) => [s.kind, s.provider, s.assetIn.symbol, s.assetOut.symbol])).toEqual([['swap', 'uniswap-v2', 'ETH', 'USDC']]);
    // The same query through routes.find gives the same best route (no block in between: same reserves, same gas price).
    const [fresh] = await h.value<Route[]>('routes.find', { from: { chain: A, asset: 'native', amount: '0.833333333333333333' }, to: { chain: A, asset: 'USDC' }, slippagePercent: 0.5 });
    expect([routePath(trade.route), trade.route.amountOut, trade.route.totalFeesUsd]).toEqual([routePath(fresh as Route), fresh?.amountOut, fresh?.totalFeesUsd]);
    // Two quotes of one path: two ids.
    expect(fresh?.id).not.toBe(trade.route.id);
    expect(trade.feesUsd).toBe(trade.route.totalFeesUsd);
    // 0.3% swap fee on $2500 is $7.50, plus gas.
    expect(Number(trade.feesUsd)).toBeGreaterThan(7.5);
    expect(Number(trade.feesUsd)).toBeLessThan(10);
    // The plan's cost is the value lost: $2500 sold + the gas - the USDC received at least (fees, impact, slippage).
    const gasWei = BigInt(trade.route.fees.find((f) => f.kind === 'gas')?.amount ?? '0');
    const lostMicroUsd = 2_500_000_000n + (gasWei * 3000n * 10n ** 6n) / E18 - BigInt(trade.route.minAmountOut);
    const cents = (lostMicroUsd + 5_000n) / 10_000n;
    expect([trade.valueLostUsd, plan.totalCostUsd]).toEqual([`${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`, trade.valueLostUsd]);
    expect(Number(plan.totalCostUsd)).toBeGreaterThan(20);
    expect(Number(plan.totalCostUsd)).toBeLessThan(25);
  });

  it('executes the plan: the balances on chain move inside the band; executing again does nothing twice', async () => {
    const plan = await h.value<RebalancePlan>('rebalance.plan', {});
    const ethBefore = await provider.getBalance(owner);
    const usdcBefore = await usdcOf(owner);
    // From the app, execute only asks: nothing is signed and the plan stays ready until the secure window confirms.
    const nonceBefore = await provider.getTransactionCount(owner);
    const asked = await h.value<SecureSessionView>('rebalance.execute', { planId: plan.id });
    expect([asked.purpose, asked.state, h.openWindows.has(asked.sessionId)]).toEqual(['confirm-rebalance', 'open', true]);
    const shown = await h.secure(asked.sessionId, 'secure.view', {});
    expect(shown.ok ? shown.value : shown.error).toEqual({
      purpose: 'confirm-rebalance',
      rebalance: {
        planId: plan.id,
        trades: plan.trades.map((t) => ({ accountLabel: expect.any(String), steps: t.route.steps, amountIn: t.amountIn, minAmountOut: t.route.minAmountOut, priceImpactBps: t.route.priceImpactBps, usd: t.usd, feesUsd: t.feesUsd })),
        alreadyStarted: 0,
        totalCostUsd: plan.totalCostUsd,
        passwordRequired: false,
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect([await provider.getTransactionCount(owner), (await h.value<RebalanceExecution>('rebalance.status', { planId: plan.id })).status, await h.value<Transfer[]>('transfers.list')]).toEqual([nonceBefore, 'ready', []]);
    // The app window cannot confirm: secure.confirm is no app method.
    const forged = await h.call('secure.confirm', {});
    expect(forged.ok).toBe(false);
    expect((await h.value<SecureSessionView>('secure.cancel', { sessionId: asked.sessionId })).state).toBe('cancelled');
    expect([await provider.getTransactionCount(owner), (await h.value<RebalanceExecution>('rebalance.status', { planId: plan.id })).status]).toEqual([nonceBefore, 'ready']);

    const started = await h.confirmed<RebalanceExecution>('rebalance.execute', { planId: plan.id });
    expect(started.status).toBe('running');
    const lastChange = () => h.log.filter((r) => r.direction === 'event' && r.name === 'rebalance.changed').map((r) => r.payload as RebalanceExecution).pop();
    await expect.poll(() => lastChange()?.status, { timeout: 30_000, interval: 250 }).toBe('completed');
    const done = await h.value<RebalanceExecution>('rebalance.status', { planId: plan.id });
    const transfer = await h.value<Transfer>('transfers.get', { id: done.trades[0]?.transferId });
    expect([transfer.status, transfer.route.amountIn, done.trades.map((t) => t.status)]).toEqual(['completed', plan.trades[0]?.amountIn, ['completed']]);

    // Exactly the trade's ETH (plus gas) left, exactly the journal's USDC arrived.
    const gas = await gasPaid(transfer);
    expect(ethBefore - (await provider.getBalance(owner))).toBe(833_333_333_333_333_333n + gas);
    expect(((await usdcOf(owner)) - usdcBefore).toString()).toBe(transfer.steps[0]?.amountOut);
    const share = await ethSharePct(owner);
    expect(Math.abs(share - 50)).toBeLessThan(1);
    await h.value('portfolio.refresh');
    expect((await h.value<DriftReport>('rebalance.drift', {})).outOfBand).toEqual([]);

    // Progress went out as events, ending with the completed plan.
    expect(lastChange()).toEqual(done);
    expect(h.log.some((r) => r.name === 'transfers.changed' && (r.payload as Transfer).id === transfer.id)).toBe(true);

    // Again: the same answer, no new transfer, no new transaction.
    const nonce = await provider.getTransactionCount(owner);
    expect(await h.value<RebalanceExecution>('rebalance.execute', { planId: plan.id })).toEqual(done);
    expect((await h.value<Transfer[]>('transfers.list')).map((t) => t.id)).toEqual([transfer.id]);
    expect(await provider.getTransactionCount(owner)).toBe(nonce);
    // And a new plan has nothing to do.
    const after = await h.value<RebalancePlan>('rebalance.plan', {});
    expect([after.trades, after.skipped, after.drift.outOfBand, after.totalCostUsd]).toEqual([[], [], [], '0.00']);
    const unknown = await h.call('rebalance.execute', { planId: 'f'.repeat(32) });
    expect(unknown.ok ? 'ok' : unknown.error).toEqual({ code: 'PLAN_NOT_FOUND', message: 'No such rebalancing plan: make a plan first' });
  }, 60_000);
});

describe('a crash between marking a trade started and recording its transfer', () => {
  const PHRASE = 'zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo wrong';
  const owner = addressOf(PHRASE);

  it('a restarted core finds the transfer in the journal and does not start the trade again', async () => {
    await fund(owner);
    const first = await walletCore({ phrase: PHRASE });
    const plan = await first.value<RebalancePlan>('rebalance.plan', { target: HALF });
    const trade = plan.trades[0] as RebalancePlan['trades'][number];
    await first.core.dispose();

    // What the executor does before it asks for the transfer (a fresh quote, the trade claimed on that quote's id),
    // then the transfer it asked for; then the crash.
    const second = await walletCore({ dataDir: first.dataDir });
    const [route] = await second.value<Route[]>('routes.find', { from: { chain: A, asset: 'native', amount: formatAmount(BigInt(trade.amountIn), 18) }, to: { chain: A, asset: 'USDC' }, slippagePercent: plan.slippagePercent });
    expect(routePath(route as Route)).toBe(routePath(trade.route));
    const records = await RebalanceRecords.open(first.dataDir);
    await records.updateTrade(plan.id, 0, { routeId: route?.id as string, startedAt: Date.now() - 1 });
    const accountId = (await second.value<Array<{ id: string }>>('accounts.list'))[0]?.id;
    const transfer = await second.confirmed<Transfer>('transfers.start', { routeId: route?.id, accountId });
    await expect.poll(async () => (await second.value<Transfer>('transfers.get', { id: transfer.id })).status, { timeout: 20_000, interval: 200 }).toBe('completed');
    const nonce = await provider.getTransactionCount(owner);

    expect((await second.value<RebalanceExecution>('rebalance.status', { planId: plan.id })).status).toBe('paused');
    await second.confirmed<RebalanceExecution>('rebalance.execute', { planId: plan.id });
    await expect.poll(async () => (await second.value<RebalanceExecution>('rebalance.status', { planId: plan.id })).status, { timeout: 10_000, interval: 100 }).toBe('completed');
    expect((await second.value<RebalanceExecution>('rebalance.status', { planId: plan.id })).trades).toEqual([{ index: 0, transferId: transfer.id, status: 'completed' }]);
    expect((await second.value<Transfer[]>('transfers.list')).map((t) => t.id)).toEqual([transfer.id]);
    expect(await provider.getTransactionCount(owner)).toBe(nonce);
  }, 30_000);
});

describe('a trade that cannot run stops the plan with a clear state', () => {
  const PHRASE = 'letter advice cage absurd amount doctor acoustic avoid letter advice cage above';
  const owner = addressOf(PHRASE);

  it('an asset without a route is skipped with the reason; a trade short of funds fails the plan and sends nothing, for good', async () => {
    await fund(owner);
    const h = await walletCore({ phrase: PHRASE });
    // WETH is not held and no venue turns ETH into WETH here: that purchase is skipped, USDC is still bought.
    const plan = await h.value<RebalancePlan>('rebalance.plan', { target: { ethereum: 0.2, 'usd-coin': 0.4, weth: 0.4 } });
    expect(plan.trades.map((t) => [t.sell.symbol, t.buy.symbol, t.usd])).toEqual([['ETH', 'USDC', '1800.00']]);
    expect(plan.skipped).toEqual([
      {
        sell: plan.trades[0]?.sell,
        buy: expect.objectContaining({ symbol: 'WETH', chain: A }),
        key: 'weth',
        usd: '2800.00',
        reason: 'NO_ROUTE',
        message: 'No route sells ETH for WETH here: No route from ETH on Devnet A to WETH on Devnet A',
      },
    ]);

    // The ETH leaves the account before the plan runs.
    const key = HDNodeWallet.fromPhrase(PHRASE, undefined, "m/44'/60'/0'/0/0").connect(provider);
    await (await key.sendTransaction({ to: devnet.accounts[5], value: (19n * E18) / 10n })).wait();
    const nonce = await provider.getTransactionCount(owner);
    const started = await h.confirmed<RebalanceExecution>('rebalance.execute', { planId: plan.id });
    expect(started.status).toBe('running');
    await expect.poll(async () => (await h.value<RebalanceExecution>('rebalance.status', { planId: plan.id })).status, { timeout: 10_000, interval: 100 }).toBe('failed');
    const failed = await h.value<RebalanceExecution>('rebalance.status', { planId: plan.id });
    expect([failed.trades, failed.message]).toEqual([
      [{ index: 0, transferId: null, status: 'failed' }],
      expect.stringMatching(/^Trade 1 did not start: This route needs 0\.60[0-9]+ ETH on Devnet A \(fees included\) and the account has 0\.[0-9]+ ETH$/),
    ]);
    expect(await h.value<Transfer[]>('transfers.list')).toEqual([]);
    expect(await h.value<RebalanceExecution>('rebalance.execute', { planId: plan.id })).toEqual(failed);
    expect(await provider.getTransactionCount(owner)).toBe(nonce);
  }, 30_000);
});

describe('selling all of the native coin keeps its gas', () => {
  const owner = addressOf(GAS_PHRASE);

  it('a target without ETH sells all but twice the trade gas; the trade starts and completes', async () => {
    const h = await fundedCore(GAS_PHRASE);
    const plan = await h.value<RebalancePlan>('rebalance.plan', { target: { ethereum: 0, 'usd-coin': 1 } });
    const trade = plan.trades[0] as RebalancePlan['trades'][number];
    const gas = trade.route.fees.filter((f) => f.chain === A && f.asset.ref === 'native' && (f.kind === 'gas' || f.kind === 'messaging')).reduce((sum, f) => sum + BigInt(f.amount), 0n);
    expect(gas > 0n).toBe(true);
    expect([plan.trades.length, trade.sell.symbol, trade.buy.symbol, trade.amountIn, plan.skipped]).toEqual([1, 'ETH', 'USDC', (2n * E18 - GAS_RESERVE_FACTOR * gas).toString(), []]);

    const ethBefore = await provider.getBalance(owner);
    await h.confirmed<RebalanceExecution>('rebalance.execute', { planId: plan.id });
    await expect.poll(async () => (await h.value<RebalanceExecution>('rebalance.status', { planId: plan.id })).status, { timeout: 20_000, interval: 100 }).toBe('completed');
    const [transfer] = await h.value<Transfer[]>('transfers.list');
    const paid = await gasPaid(transfer);
    const left = await provider.getBalance(owner);
    expect([transfer?.status, ethBefore - left]).toEqual(['completed', BigInt(trade.amountIn) + paid]);
    // What is left is the reserve less the gas paid: enough for the next trade.
    expect(left).toBe(GAS_RESERVE_FACTOR * gas - paid);
  }, 30_000);
});

describe('executing runs only what the user reviewed', () => {
  const owner = addressOf(REVIEW_PHRASE);
  type RecordsFile = { version: 1; plans: Array<{ plan: RebalancePlan }> };

  it('refuses a replaced or expired plan, and a trade whose fresh quote guarantees less, costs more or takes another path; nothing is sent', async () => {
    const h = await fundedCore(REVIEW_PHRASE);
    const file = join(h.dataDir, 'rebalances.json');
    /** Changes a kept plan as if the market or the rules had moved since it was made. */
    const edit = async (planId: string, change: (plan: RebalancePlan) => void) => {
      const records = JSON.parse(await readFile(file, 'utf8')) as RecordsFile;
      change((records.plans.find((p) => p.plan.id === planId) as { plan: RebalancePlan }).plan);
      await writeFile(file, JSON.stringify(records));
    };
    const nonce = await provider.getTransactionCount(owner);
    const failure = async (planId: string) => {
      await h.confirmed<RebalanceExecution>('rebalance.execute', { planId });
      await expect.poll(async () => (await h.value<RebalanceExecution>('rebalance.status', { planId })).status, { timeout: 10_000, interval: 100 }).toBe('failed');
      const failed = await h.value<RebalanceExecution>('rebalance.status', { planId });
      return [failed.trades, failed.code, failed.message];
    };

    const first = await h.value<RebalancePlan>('rebalance.plan', { target: HALF });
    const second = await h.value<RebalancePlan>('rebalance.plan', { target: HALF });
    const replaced = await h.call('rebalance.execute', { planId: first.id });
    expect(replaced.ok ? 'ok' : replaced.error).toEqual({ code: 'PLAN_EXPIRED', message: 'A newer plan replaces this one: run the newest plan' });
    await edit(second.id, (plan) => {
      plan.createdAt -= 10 * 60_000 + 1;
    });
    const expired = await h.call('rebalance.execute', { planId: second.id });
    expect(expired.ok ? 'ok' : expired.error).toEqual({ code: 'PLAN_EXPIRED', message: 'This plan is more than 10 minutes old: prices and balances have moved, make a new plan' });
    expect((await h.value<RebalanceExecution>('rebalance.status', { planId: second.id })).status).toBe('ready');

    // The reviewed minimum out is more than the pool now gives (as after a price move).
    const worse = await h.value<RebalancePlan>('rebalance.plan', { target: HALF });
    const reviewed = worse.trades[0] as RebalancePlan['trades'][number];
    const raised = (BigInt(reviewed.route.minAmountOut) * 101n) / 100n;
    await edit(worse.id, (plan) => {
      (plan.trades[0] as RebalancePlan['trades'][number]).route.minAmountOut = raised.toString();
    });
    const [fresh] = await h.value<Route[]>('routes.find', { from: { chain: A, asset: 'native', amount: formatAmount(BigInt(reviewed.amountIn), 18) }, to: { chain: A, asset: 'USDC' }, slippagePercent: worse.slippagePercent });
    expect(await failure(worse.id)).toEqual([
      [{ index: 0, transferId: null, status: 'failed' }],
      'QUOTE_CHANGED',
      `Trade 1 did not start: The route now guarantees ${formatAmount(BigInt(fresh?.minAmountOut ?? '0'), 6)} USDC, less than the ${formatAmount(raised, 6)} USDC planned: make a new plan`,
    ]);

    // The cost limit (value lost) is judged again on the fresh quote.
    const dear = await h.value<RebalancePlan>('rebalance.plan', { target: HALF });
    await edit(dear.id, (plan) => {
      plan.rules.maxFeePercent = 0.01;
    });
    const [dearTrades, dearCode, dearMessage] = await failure(dear.id);
    expect([dearTrades, dearCode]).toEqual([[{ index: 0, transferId: null, status: 'failed' }], 'QUOTE_CHANGED']);
    expect(dearMessage).toMatch(/^Trade 1 did not start: It would lose \$[0-9]+\.[0-9]{2} \(fees, price impact and slippage\), more than 0\.01% of the \$2500\.00 trade now: make a new plan$/);

    // A path that is no longer offered is not replaced by another one.
    const gone = await h.value<RebalancePlan>('rebalance.plan', { target: HALF });
    await edit(gone.id, (plan) => {
      // Route ids are quote ids: the path is the steps' (routePath), so the planned step's output names a retired token.
      const step = (plan.trades[0] as RebalancePlan['trades'][number]).route.steps[0] as Route['steps'][number];
      step.assetOut = { ...step.assetOut, ref: '0x000000000000000000000000000000000000dEaD' };
    });
    expect(await failure(gone.id)).toEqual([[{ index: 0, transferId: null, status: 'failed' }], 'NO_ROUTE', 'Trade 1 did not start: The planned route is no longer offered: make a new plan']);

    expect(await h.value<Transfer[]>('transfers.list')).toEqual([]);
    expect(await provider.getTransactionCount(owner)).toBe(nonce);
  }, 30_000);
});

describe('strata rebalance on the devnet', () => {
  let env: Record<string, string>;
  let vaultDir: string;
  const owner = addressOf(CLI_PHRASE);

  const cli = jsonCli(() => env);

  beforeAll(async () => {
    await fund(owner);
    const stateDir = await hostedDevnetStateDir(devnet, 'strata-rebalance-devnet-');
    vaultDir = join(await mkdtemp(join(tmpdir(), 'strata-cli-rebalance-')), 'vault');
    env = { STRATA_DEVNET_DIR: stateDir, STRATA_PASSWORD: PASSWORD, STRATA_PRICE_API_URL: prices.baseUrl };
    expect((await cli(['vault', 'init', '--dir', vaultDir], CLI_PHRASE)).code).toBe(0);
  }, 30_000);

  it('--plan needs a saved target (NO_TARGET), prints the plan; --execute --yes runs it; again it starts nothing', async () => {
    const none = await cli(['rebalance', '--dir', vaultDir, '--plan']);
    expect([none.code, none.json.error]).toEqual([1, { code: 'NO_TARGET', message: 'No target allocation is saved: pick a point on the Strategy page and save the strategy' }]);
    const usage = await cli(['rebalance', '--dir', vaultDir]);
    expect([usage.code, (usage.json.error as { code: string }).code]).toEqual([2, 'INVALID_INPUT']);

    const planned = await cli(['rebalance', '--dir', vaultDir, '--plan', '--target', 'ethereum=0.5,usd-coin=0.5', '--save-target']);
    expect(planned.code).toBe(0);
    const plan = planned.json.plan as RebalancePlan;
    expect(plan.trades.map((t) => [t.sell.symbol, t.buy.symbol, t.amountIn, t.usd, t.route.steps.map((s) => s.provider)])).toEqual([['ETH', 'USDC', '833333333333333333', '2500.00', ['uniswap-v2']]]);
    expect(plan.totalCostUsd).toBe(plan.trades[0]?.valueLostUsd);

    const refused = await cli(['rebalance', '--dir', vaultDir, '--execute']);
    expect([refused.code, (refused.json.error as { code: string }).code]).toEqual([2, 'INVALID_INPUT']);
    expect(await provider.getTransactionCount(owner)).toBe(0);

    const ran = await cli(['rebalance', '--dir', vaultDir, '--execute', '--yes']);
    expect(ran.code).toBe(0);
    const execution = ran.json as unknown as RebalanceExecution;
    expect([execution.status, execution.trades.map((t) => [t.index, t.status])]).toEqual(['completed', [[0, 'completed']]]);
    const transferId = execution.trades[0]?.transferId as string;
    const listed = await cli(['transfers', '--dir', vaultDir]);
    expect((listed.json.transfers as Transfer[]).map((t) => [t.id, t.status])).toEqual([[transferId, 'completed']]);
    expect(Math.abs((await ethSharePct(owner)) - 50)).toBeLessThan(1);

    const nonce = await provider.getTransactionCount(owner);
    const same = await cli(['rebalance', '--dir', vaultDir, '--execute', '--yes', '--plan-id', execution.planId]);
    expect(same.json).toEqual(ran.json);
    const fresh = await cli(['rebalance', '--dir', vaultDir, '--execute', '--yes']);
    expect([fresh.code, (fresh.json as unknown as RebalanceExecution).trades]).toEqual([0, []]);
    expect(await provider.getTransactionCount(owner)).toBe(nonce);
  }, 60_000);
});
