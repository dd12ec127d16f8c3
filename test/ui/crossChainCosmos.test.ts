/**
 * Swap & bridge from an EVM chain to a Cosmos chain, in Chromium against the real core: USDC on Ethereum -> ATOM on
 * Cosmos Hub is offered as Axelar to Osmosis, an Osmosis swap (axlUSDC -> OSMO -> ATOM), and IBC home, with its legs,
 * fees and times; it is reviewed, confirmed once, and followed leg by leg to completed.
 *
 * Stand-ins, since no public network is reachable here: a local EDR chain with Ethereum's chain id 1, where an
 * ERC-20 sits at Circle's USDC address and a minimal gateway (pull the approved tokens, emit the real `TokenSent`) at
 * Axelar's Ethereum gateway address, both placed with hardhat_setCode; Axelar's LCD and Axelarscan answered from
 * recorded bodies (test/bridges/fixtures/axelarCosmos); Osmosis and Cosmos Hub as the recorded-shape Cosmos nodes of
 * test/cosmos/support. The chain directory points at them through chains.setRpc (each checked by its chain id).
 */
import { join } from 'node:path';
import { Contract, ContractFactory, JsonRpcProvider, Wallet } from 'ethers';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEdrChain } from '../../electron/services/devnet/edrChain';
import { serveJsonRpc, type JsonRpcServer } from '../../electron/services/devnet/jsonRpcServer';
import { loadDevnetArtifacts } from '../../electron/services/devnet/solidity/compileContracts';
import { OSMOSIS_POOLS } from '../../electron/services/swap/osmosisPoolManager/osmosisPools';
import type { AccountView } from '../../shared/domain/account';
import type { Route } from '../../shared/domain/route';
import type { Transfer } from '../../shared/domain/transferRecord';
import { AxelarStandIn, searchBody, TRANSFER_FEES } from '../bridges/fixtures/axelarCosmos/axelarStandIn';
import { STAND_IN_RESERVES, startCosmosStandIns, type StandIns } from '../cosmos/support/cosmosStandIns';
import { CHROMIUM_MISSING, hasChromium, launchChromium, startUiHarness, type UiHarness } from './harness';
import { HARDHAT_ACCOUNT_0, confirmTransferInSecureWindow, createVaultThroughCore, eventually, ok, reportFailure } from './flows';
import { startPriceServer, type PriceServer } from './priceServer';
import { callsOf, lastAnswerOf } from '../support/uiIpcLog';

if (!hasChromium) {
  console.warn(CHROMIUM_MISSING);
  it.skip(CHROMIUM_MISSING, () => {});
}

const ETHEREUM = 'eip155:1';
const OSMOSIS = 'cosmos:osmosis-1';
const HUB = 'cosmos:cosmoshub-4';
const USDC = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const GATEWAY = '0x4F4495243837681061C4743b74B3eEdf548D56A5';
const AXLUSDC_ON_OSMOSIS = 'ibc/D189335C6E4A68B513C10AB227BF1C1D38C746766278BA3EEB4FB14124F1D858';
const ATOM_ON_OSMOSIS = 'ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2';
/** Hardhat's account #0 key (published): deploys the stand-in contracts. */
const HARDHAT_KEY_0 = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';
const PROVIDERS = 'axelar-gateway osmosis-poolmanager ibc-transfer';
const PRICES = { 'usd-coin': 1, axlusdc: 1, osmosis: 0.5, cosmos: 5, ethereum: 3000 } as const;
const AMOUNT = 100_000_000n;
const ROOT = join(__dirname, '..', '..');

/** Axelar's Ethereum -> osmosis fee as the recorded LCD answer states it, in uusdc. */
const AXELAR_FEE = BigInt((TRANSFER_FEES['Ethereum>osmosis'] as { fee: { amount: string } }).fee.amount);

/** A constant-product hop as the stand-in Osmosis (and Osmosis' own estimate) computes it. */
function hop(amount: bigint, pool: number, from: string, to: string): bigint {
  const reserves = STAND_IN_RESERVES[pool]!;
  const fee = BigInt(OSMOSIS_POOLS.find((p) => p.poolId === BigInt(pool))!.spreadFactorBps);
  const effective = (amount * (10_000n - fee)) / 10_000n;
  return (reserves[to]! * effective) / (reserves[from]! + effective);
}

/** Base units with grouped thousands, no trailing zeros (the UI's exact amounts). */
function exact(units: bigint, decimals: number): string {
  const text = units.toString().padStart(decimals + 1, '0');
  const whole = text.slice(0, text.length - decimals).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = text.slice(text.length - decimals).replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}

describe.skipIf(!hasChromium)('swap & bridge from EVM to Cosmos in Chromium', () => {
  let browser: Browser;
  let prices: PriceServer;
  let standIns: StandIns;
  let axelar: AxelarStandIn;
  let ethereum: JsonRpcServer;
  let provider: JsonRpcProvider;
  let h: UiHarness | undefined;

  beforeAll(async () => {
    axelar = new AxelarStandIn();
    [browser, prices, standIns] = await Promise.all([launchChromium(), startPriceServer({ ...PRICES }), startCosmosStandIns(), axelar.start()]);
    const chain = await createEdrChain({ chainId: 1, fundedAddresses: [HARDHAT_ACCOUNT_0], ownedPrivateKeys: [] });
    ethereum = await serveJsonRpc((request) => chain.handle(request), 0);
    provider = new JsonRpcProvider(ethereum.url, 1, { staticNetwork: true, cacheTimeout: -1 });
    const deployer = new Wallet(HARDHAT_KEY_0, provider);
    const [devnetContracts, testContracts] = await Promise.all([
      loadDevnetArtifacts(),
      loadDevnetArtifacts({ sourceDir: join(__dirname, '..', 'support', 'contracts'), cacheDir: join(ROOT, 'node_modules', '.cache', 'strata-test-contracts') }),
    ]);
    // Deployed anywhere, then their runtime code (immutables included) placed at the mainnet addresses.
    const place = async (artifact: { abi: readonly unknown[]; bytecode: string }, at: string, ...args: unknown[]) => {
      const deployed = await (await new ContractFactory(artifact.abi as never, artifact.bytecode, deployer).deploy(...args)).waitForDeployment();
      await chain.request('hardhat_setCode', [at, await provider.getCode(await deployed.getAddress())]);
    };
    await place(devnetContracts.artifacts.contracts.DevnetToken!, USDC, 'USD Coin', 'USDC', 6);
    await place(testContracts.artifacts.contracts.StandInAxelarGateway!, GATEWAY, USDC);
    await (await new Contract(USDC, ['function mint(address,uint256)'], deployer).getFunction('mint')(HARDHAT_ACCOUNT_0, 1_000n * 1_000_000n)).wait();
  }, 60_000);
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail' && h) await reportFailure(h, `failed-evm-cosmos-${context.task.name.slice(0, 40).replace(/\W+/g, '-')}`);
    await h?.close();
    h = undefined;
  });
  afterAll(async () => {
    provider?.destroy();
    await Promise.all([browser?.close(), prices?.close(), standIns?.close(), axelar?.stop(), ethereum?.close()]);
  });

  const calls = (method: string) => callsOf(h!.ipcLog, method);
  const lastAnswer = <T,>(method: string): T => lastAnswerOf<T>(h!.ipcLog, method);

  const usdcOf = async (owner: string): Promise<bigint> => (await new Contract(USDC, ['function balanceOf(address) view returns (uint256)'], provider).getFunction('balanceOf')(owner)) as bigint;

  it('USDC on Ethereum -> ATOM on Cosmos Hub: Axelar to Osmosis, swap, IBC; reviewed, confirmed once, each leg followed to completed', async () => {
    let osmoAddress = '';
    let hubAddress = '';
    h = await startUiHarness(browser, {
      coreOptions: { priceApiUrl: prices.url, axelarApiUrls: { lcd: axelar.baseUrl, axelarscan: axelar.baseUrl } },
      setup: async (core) => {
        await createVaultThroughCore(core);
        ok(await core.callSecure(ok<{ sessionId: string }>(await core.call('chains.setRpc', { chain: ETHEREUM, endpoints: [ethereum.url] })).sessionId, 'secure.confirm', {}));
        ok(await core.callSecure(ok<{ sessionId: string }>(await core.call('chains.setRpc', { chain: OSMOSIS, endpoints: [standIns.chains.osmosis.url] })).sessionId, 'secure.confirm', {}));
        ok(await core.callSecure(ok<{ sessionId: string }>(await core.call('chains.setRpc', { chain: HUB, endpoints: [standIns.chains.cosmoshub.url] })).sessionId, 'secure.confirm', {}));
        const [account] = ok<AccountView[]>(await core.call('accounts.list', {}));
        osmoAddress = account!.addresses.find((a) => a.chain === OSMOSIS)!.address;
        hubAddress = account!.addresses.find((a) => a.chain === HUB)!.address;
      },
    });
    standIns.sequences.set(osmoAddress, 0n);
    const { app, core } = h;
    await app.getByRole('heading', { name: 'Portfolio', level: 1 }).waitFor();
    await app.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Swap & bridge', exact: true }).click();
    const form = app.getByRole('form', { name: 'Swap and bridge' });
    await form.getByLabel('From network').selectOption(ETHEREUM);
    await form.getByLabel('From asset').selectOption(USDC);
    await form.getByLabel('To network').selectOption(HUB);
    await form.getByLabel('To asset').selectOption('native');
    await form.getByLabel('Amount', { exact: true }).fill('100');

    const card = app.locator(`li.route-card[data-providers="${PROVIDERS}"]`);
    await eventually(async () => (await card.count()) === 1 && calls('routes.find').at(-1)?.answer.ok === true, true, 20_000);
    expect(calls('routes.find').at(-1)?.payload).toEqual({ from: { chain: ETHEREUM, asset: USDC, amount: '100' }, to: { chain: HUB, asset: 'native' }, slippagePercent: 0.5, sort: 'amount' });
    const cardId = await card.getAttribute('data-route-id');
    const route = lastAnswer<Route[]>('routes.find').find((r) => r.id === cardId)!;
    // The environment's own quote, checked against the stand-ins' numbers: Axelar keeps its fee, then pool 678
    // (axlUSDC -> OSMO) and pool 1 (OSMO -> ATOM); IBC carries it all.
    const axlUsdc = AMOUNT - AXELAR_FEE;
    const atom = hop(hop(axlUsdc, 678, AXLUSDC_ON_OSMOSIS, 'uosmo'), 1, 'uosmo', ATOM_ON_OSMOSIS);
    expect(route.steps.map((s) => [s.kind, s.provider, s.fromChain, s.toChain, s.assetIn.symbol, s.assetOut.symbol, s.amountIn, s.amountOut])).toEqual([
      ['bridge', 'axelar-gateway', ETHEREUM, OSMOSIS, 'USDC', 'axlUSDC', AMOUNT.toString(), axlUsdc.toString()],
      ['swap', 'osmosis-poolmanager', OSMOSIS, OSMOSIS, 'axlUSDC', 'ATOM', axlUsdc.toString(), atom.toString()],
      ['bridge', 'ibc-transfer', OSMOSIS, HUB, 'ATOM', 'ATOM', atom.toString(), atom.toString()],
    ]);
    expect(route.fees.find((f) => f.kind === 'bridge')).toMatchObject({ chain: ETHEREUM, amount: AXELAR_FEE.toString(), usd: '20.50' });
    // Every fee priced, the Ethereum gas included (ETH's price from the price server).
    expect(route.fees.filter((f) => f.usd === null)).toEqual([]);
    expect(route.totalFeesUsd).not.toBeNull();
    expect(route.steps[0]!.etaSeconds).toBe(40 * 60 + 5 * 60);

    // The card: legs, amounts (6 decimals), every fee of every step, the time.
    expect(await card.locator('[data-route="amount-out"]').textContent()).toBe(`${exact(atom, 6)} ATOM`);
    expect(await card.locator('.route-card__title').textContent()).toBe('Axelar → Osmosis → IBC');
    expect(await card.locator('.leg__title').allTextContents()).toEqual([
      'Bridge USDC to Osmosis via Axelar',
      'Swap axlUSDC → ATOM on Osmosis via Osmosis',
      'Bridge ATOM to Cosmos Hub via IBC',
    ]);
    expect(await card.locator('.leg__fees li').count()).toBe(route.steps.reduce((n, s) => n + s.fees.length, 0));
    await app.evaluate('window.scrollTo(0, 0)');
    await h.screenshot(app, 'swap-evm-to-cosmos-routes');

    await card.getByRole('button', { name: /^Review route / }).click();
    const review = app.getByRole('region', { name: 'Review cross-chain transfer' });
    await review.waitFor();
    expect(await review.locator('[data-review="amount-in"]').textContent()).toBe('100 USDC');
    expect(await review.locator('[data-review="min-out"] .review__strong').textContent()).toBe(`${exact(BigInt(route.minAmountOut), 6)} ATOM`);
    // Addresses in full: the EVM sender, and the bech32 recipient with its prefix kept whole.
    const to = review.locator(`code.address[title="${hubAddress}"]`);
    expect(await to.locator('.address__chunk').first().textContent()).toBe('cosmos1');
    expect((await to.locator('.address__chunk').allTextContents()).join('')).toBe(hubAddress);
    expect(await review.locator(`code.address[title="${HARDHAT_ACCOUNT_0}"]`).count()).toBe(1);
    const [axelarStep, swapStep, ibcStep] = route.steps as [Route['steps'][number], Route['steps'][number], Route['steps'][number]];
    expect(await review.locator('.signing-plan__list li').allTextContents()).toEqual([
      `On Ethereum: send 100 USDC to Osmosis through Axelar (after an exact approval, if the bridge needs one); at least ${exact(BigInt(axelarStep.minAmountOut), 6)} axlUSDC arrives.`,
      `On Osmosis: swap the axlUSDC received (≈ ${exact(axlUsdc, 6)} axlUSDC) for at least ${exact(BigInt(swapStep.minAmountOut), 6)} ATOM on Osmosis.`,
      `On Osmosis: send the ATOM received (≈ ${exact(atom, 6)} ATOM) to Cosmos Hub through IBC; at least ${exact(BigInt(ibcStep.minAmountOut), 6)} ATOM arrives.`,
    ]);
    await h.screenshot(app, 'swap-evm-to-cosmos-review');

    await review.getByRole('button', { name: 'Confirm and start' }).click();
    const started = await confirmTransferInSecureWindow<Transfer>(h, { amount: `${exact(BigInt(route.amountIn), 6)} USDC`, minOut: `${exact(BigInt(route.minAmountOut), 6)} ATOM` });
    const progress = app.locator('section.transfer-progress');
    await progress.waitFor();
    const states = () => progress.locator('[data-step-state]').evaluateAll((items) => items.map((li) => li.getAttribute('data-step-state')));
    // Axelar has not indexed the send yet: the first leg is in flight, the others wait.
    await eventually(states, ['delivering', 'pending', 'pending'], 20_000);
    const sent = ok<Transfer>(await core.call('transfers.get', { id: started.id })).steps[0]!.calls.map((c) => [c.label, c.chain, c.from, c.state]);
    expect(sent).toEqual([
      ['approve USDC', ETHEREUM, HARDHAT_ACCOUNT_0, 'confirmed'],
      ['send USDC to osmosis over Axelar', ETHEREUM, HARDHAT_ACCOUNT_0, 'confirmed'],
    ]);
    expect(await usdcOf(GATEWAY)).toBe(AMOUNT);
    await h.screenshot(app, 'swap-evm-to-cosmos-progress-axelar');

    // Axelarscan now reports the transfer received on Osmosis (a recorded body, for this transaction).
    const sendHash = ok<Transfer>(await core.call('transfers.get', { id: started.id })).steps[0]!.calls[1]!.hash;
    const recorded = JSON.stringify(searchBody('arb-osmo-received')).replaceAll(/0x4e5289f82fd6fc5c248f21d12e116c13378dc9071d0f9f54bdd7953803650451/gi, sendHash).replaceAll('"arbitrum"', '"Ethereum"');
    axelar.transfers[sendHash] = JSON.parse(recorded);
    await eventually(() => progress.getAttribute('data-status'), 'completed', 30_000);
    expect(await states()).toEqual(['delivered', 'confirmed', 'delivered']);
    expect(standIns.accepted).toEqual(['/osmosis.poolmanager.v1beta1.MsgSwapExactAmountIn', '/ibc.applications.transfer.v1.MsgTransfer']);
    const done = ok<Transfer>(await core.call('transfers.get', { id: started.id }));
    // What Axelar delivers is read from the send's TokenSent (the amount less Axelar's fee); each step spends what the last delivered.
    expect(done.steps.map((s) => [s.amountIn, s.amountOut])).toEqual([
      [AMOUNT.toString(), axlUsdc.toString()],
      [axlUsdc.toString(), atom.toString()],
      [atom.toString(), atom.toString()],
    ]);
    expect(done.steps.slice(1).map((s) => s.calls.map((c) => [c.label, c.chain, c.from]))).toEqual([[['swap', OSMOSIS, osmoAddress]], [['ibc transfer', OSMOSIS, osmoAddress]]]);
    // Cosmos transactions under their CometBFT hash (upper-case hex, no 0x), EVM ones as 0x hex.
    const shownHashes = await progress.locator('.progress-step__calls code').evaluateAll((items) => items.map((c) => c.getAttribute('title')));
    expect(shownHashes).toEqual(done.steps.flatMap((s) => s.calls.map((c) => (c.chain === ETHEREUM ? c.hash : c.hash.slice(2).toUpperCase()))));
    await app.evaluate('window.scrollTo(0, 0)');
    // test-results/screenshots/swap-evm-to-cosmos.png: the one in docs/screenshots is a copy of it.
    await h.screenshot(app, 'swap-evm-to-cosmos');
    expect(h.problems).toEqual([]);
  }, 120_000);
});
