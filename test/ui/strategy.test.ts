/**
 * The Strategy page in Chromium against the real core: questionnaire → preset, the frontier computed in the Web
 * Worker (checked against the shared optimizer called here directly), picking a frontier point, saving, and a bad
 * CSV import. No devnet there: the wallet holds nothing, so "today" is empty. The market-history source runs with
 * the devnet (the wallet then holds ETH, USDC and WETH) and the local CoinGecko stand-in.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { StrategySettings } from '../../shared/domain/strategy';
import { dailyReturns, efficientFrontier, expectedReturns, optimize, parsePrices, riskModel } from '../../shared/optimizer';
import { FRONTIER_POINTS, STRATEGY_FREQUENCY } from '../../shared/strategy/computeStrategy';
import { DEMO_PRICES_CSV } from '../../shared/strategy/demoPrices';
import { defaultStrategy } from '../../shared/strategy/riskProfile';
import { CHROMIUM_MISSING, hasChromium, launchChromium, startUiHarness, type UiHarness } from './harness';
import { createVaultThroughCore, ok, reportFailure } from './flows';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startDevnet, type Devnet } from '../../electron/services/devnet/startDevnet';
import { computeStrategy } from '../../shared/strategy/computeStrategy';
import { CoinGeckoServer } from '../prices/coinGeckoServer';
import { historyFixture, shiftToToday, TABLE_7_DAYS } from '../prices/historyFixtures';

if (!hasChromium) {
  console.warn(CHROMIUM_MISSING);
  it.skip(CHROMIUM_MISSING, () => {});
}

const ANSWERS = { horizon: 'over-7y', drawdown: 'hold', goal: 'growth' } as const;

/** The same pipeline as the worker, spelled out here with the optimizer's own functions. */
function direct() {
  const returns = dailyReturns(parsePrices(DEMO_PRICES_CSV));
  const assets = returns.assets;
  const mu = expectedReturns(returns, { method: 'cagr', frequency: STRATEGY_FREQUENCY });
  const sigma = riskModel(returns, { method: 'sample', frequency: STRATEGY_FREQUENCY });
  // growth: delta 1, weights in [0, 0.6], no stablecoin minimum
  const constraints = { bounds: [0, 0.6] as [number, number] };
  const target = optimize({ assets, mu, sigma, objective: 'max-utility', riskAversion: 1, riskFreeRate: 0.02, constraints });
  const frontier = efficientFrontier({ assets, mu, sigma, constraints, points: FRONTIER_POINTS, riskFreeRate: 0.02 });
  return { assets, target, frontier };
}

async function shownWeights(app: Page, testId: string): Promise<Record<string, number>> {
  const rows = app.getByTestId(testId).locator('tr[data-asset]');
  const out: Record<string, number> = {};
  for (const row of await rows.all()) {
    out[(await row.getAttribute('data-asset')) as string] = Number(await row.locator('[data-weight]').getAttribute('data-weight'));
  }
  return out;
}

function expectWeights(shown: Record<string, number>, expected: Record<string, number>): void {
  for (const [asset, w] of Object.entries(expected)) {
    if (w < 0.0005) expect(shown[asset]).toBeUndefined();
    else expect(shown[asset]).toBeCloseTo(w, 6);
  }
}

describe.skipIf(!hasChromium)('strategy page in Chromium', () => {
  let browser: Browser;
  let h: UiHarness | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail' && h) await reportFailure(h, `failed-strategy-${context.task.name.slice(0, 30).replace(/\W+/g, '-')}`);
    await h?.close();
    h = undefined;
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function openStrategy(): Promise<Page> {
    h = await startUiHarness(browser, { setup: (core) => createVaultThroughCore(core) });
    const app = h.app;
    await app.getByRole('heading', { name: 'Portfolio', level: 1 }).waitFor();
    await app.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Strategy', exact: true }).click();
    await app.getByRole('heading', { name: 'Strategy', level: 1 }).waitFor();
    return app;
  }

  it('questionnaire → growth; frontier and target match the optimizer; a picked point becomes the target; save persists', async () => {
    const app = await openStrategy();
    expect(ok(await h!.core.call('strategy.get', {}))).toBeNull();
    await app.getByRole('radio', { name: 'Over 7 years' }).check();
    await app.getByRole('radio', { name: 'Hold', exact: true }).check();
    await app.getByRole('radio', { name: 'Growth', exact: true }).check();
    await app.getByRole('button', { name: 'See my profile' }).click();
    await expect.poll(() => app.getByTestId('risk-result').textContent()).toContain('Growth (score 7/9)');
    await expect.poll(() => app.getByTestId('compute-status').textContent(), { timeout: 10_000 }).toMatch(/^Computed in [0-9.]+ ms$/);
    expect(await app.getByRole('button', { name: 'Growth', exact: true }).getAttribute('aria-pressed')).toBe('true');

    const { target, frontier } = direct();
    expect(await app.locator('.frontier__point').count()).toBe(FRONTIER_POINTS);
    expect(FRONTIER_POINTS).toBeGreaterThanOrEqual(50);
    await app.mouse.move(0, 0);
    await app.getByRole('heading', { name: 'Target', exact: true, level: 3 }).waitFor();
    expect(Number(await app.getByTestId('panel-return').getAttribute('data-value'))).toBeCloseTo(target.expectedReturn, 6);
    expect(Number(await app.getByTestId('panel-volatility').getAttribute('data-value'))).toBeCloseTo(target.volatility, 6);
    expectWeights(await shownWeights(app, 'alloc-target'), target.weights);
    await h!.screenshot(app, 'strategy-growth');

    const pick = 12;
    await app.locator(`.frontier__point[data-index="${pick}"]`).click();
    const point = frontier.points[pick]!;
    await expect.poll(() => app.locator('.frontier__point.is-picked').getAttribute('data-index')).toBe(String(pick));
    expectWeights(await shownWeights(app, 'alloc-target'), point.weights);
    await app.mouse.move(0, 0);
    await app.getByTestId('frontier-panel').getByRole('heading', { name: 'Target (picked point)' }).waitFor();
    expect(Number(await app.getByTestId('panel-return').getAttribute('data-value'))).toBeCloseTo(point.expectedReturn, 6);
    expect(Number(await app.getByTestId('panel-volatility').getAttribute('data-value'))).toBeCloseTo(point.volatility, 6);
    await h!.screenshot(app, 'strategy-picked');

    // keyboard: focus the chart, arrow right twice from the picked point, Enter picks
    await app.getByTestId('frontier').focus();
    await app.keyboard.press('ArrowRight');
    await app.keyboard.press('ArrowRight');
    await app.getByTestId('frontier-panel').getByRole('heading', { name: `Frontier point ${pick + 3} of ${FRONTIER_POINTS}` }).waitFor();
    await app.keyboard.press('Enter');
    await expect.poll(() => app.locator('.frontier__point.is-picked').getAttribute('data-index')).toBe(String(pick + 2));
    expectWeights(await shownWeights(app, 'alloc-target'), frontier.points[pick + 2]!.weights);

    await app.getByRole('button', { name: 'Save strategy' }).click();
    await app.getByText('Strategy saved.').waitFor();
    const saved = ok<StrategySettings>(await h!.core.call('strategy.get', {}));
    expect(saved).toEqual(defaultStrategy('growth', ANSWERS));
    expect(h!.problems).toEqual([]);
  });

  it('an invalid CSV import shows PRICES_INVALID in words', async () => {
    const app = await openStrategy();
    await expect.poll(() => app.getByTestId('compute-status').textContent(), { timeout: 10_000 }).toMatch(/^Computed in/);
    await app.getByLabel('Import CSV').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('date,BTC\n2021-01-01,abc\n2021-01-02,12\n') });
    const error = app.getByTestId('strategy-error');
    await error.waitFor();
    expect(await error.getAttribute('data-code')).toBe('PRICES_INVALID');
    expect(await app.getByTestId('compute-status').textContent()).toMatch(/^Failed in [0-9.]+ ms$/);
    expect(await error.textContent()).toMatch(/^The price file cannot be used: /);
    expect(await app.locator('.frontier__point').count()).toBe(0);
    await h!.screenshot(app, 'strategy-invalid-csv');
  });
});

describe.skipIf(!hasChromium)('strategy page: market history from CoinGecko', () => {
  let browser: Browser;
  let devnet: Devnet;
  let server: CoinGeckoServer;
  let h: UiHarness | undefined;

  beforeAll(async () => {
    [browser, devnet] = await Promise.all([launchChromium(), startDevnet()]);
    server = new CoinGeckoServer();
    server.prices = { ethereum: '3000', 'usd-coin': '1', weth: '3000' };
    // Recorded answers moved to end today (the core reads the real clock); weth is answered with osmosis's
    // recording, which starts three days later: its first cells are blank.
    server.histories = {
      ethereum: shiftToToday(await historyFixture('ethereum')),
      'usd-coin': shiftToToday(await historyFixture('usd-coin')),
      weth: shiftToToday(await historyFixture('osmosis')),
    };
    await server.start();
  });
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail' && h) await reportFailure(h, 'failed-strategy-history');
    await h?.close();
    h = undefined;
  });
  afterAll(async () => {
    await Promise.all([browser?.close(), devnet?.stop(), server?.stop()]);
  });

  it('loads the held coins (by price id, across chains) with progress, shows the fetch date, optimizes over it, and marks a stale copy', async () => {
    h = await startUiHarness(browser, {
      coreOptions: {
        devnet: {
          chains: [devnet.chain('devnet-a'), devnet.chain('devnet-b')].map((c) => ({ id: c.id, rpc: c.rpc })),
          contracts: { usdc: devnet.contracts.usdc, weth: devnet.contracts.weth },
        },
        priceApiUrl: server.baseUrl,
      },
      setup: async (core) => {
        await createVaultThroughCore(core);
        ok(await core.call('portfolio.refresh', {}));
      },
    });
    const app = h.app;
    await app.getByRole('heading', { name: 'Portfolio', level: 1 }).waitFor();
    await app.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Strategy', exact: true }).click();
    await expect.poll(() => app.getByTestId('compute-status').textContent(), { timeout: 10_000 }).toMatch(/^Computed in/);

    await app.getByRole('radio', { name: 'Market history (CoinGecko)' }).check();
    const status = app.getByTestId('history-status');
    await expect.poll(() => status.getAttribute('data-phase'), { timeout: 10_000 }).toBe('done');
    const dayMs = 86_400_000;
    const today = Math.floor(Date.now() / dayMs) * dayMs;
    const dates = TABLE_7_DAYS.dates.map((_, t) => new Date(today - (7 - t) * dayMs).toISOString().slice(0, 10));
    expect(await status.textContent()).toBe(`Daily closes from CoinGecko of ETH, USDC, WETH: ${dates[0]} to ${dates[7]}. Fetched ${dates[7]}.`);
    expect(await status.getAttribute('data-stale')).toBe('false');
    // one call for the three coins (ETH and USDC are held on both chains), progress after each
    const calls = h.ipcLog.filter((e) => e.kind === 'call' && e.method === 'prices.history');
    expect(calls.map((e) => (e.kind === 'call' ? e.payload : null))).toEqual([{ ids: ['ethereum', 'usd-coin', 'weth'], days: 365 }]);
    expect(h.ipcLog.filter((e) => e.kind === 'event' && e.event === 'prices.historyProgress').map((e) => (e.kind === 'event' ? e.payload : null))).toEqual([
      { done: 1, total: 3, id: 'ethereum' },
      { done: 2, total: 3, id: 'usd-coin' },
      { done: 3, total: 3, id: 'weth' },
    ]);
    expect(server.requests.filter((r) => r.pathname.endsWith('/market_chart')).map((r) => r.searchParams.get('days'))).toEqual(['365', '365', '365']);

    // the page optimizes over exactly this table: ETH = ethereum, USDC = usd-coin, WETH = the osmosis recording
    const column = (i: number) => TABLE_7_DAYS.prices.map((row) => row[i] ?? null);
    const [eth, osmo, usdc] = [column(0), column(1), column(2)];
    const csv = ['date,ETH,USDC,WETH', ...dates.map((d, t) => [d, eth[t], usdc[t], osmo[t]].map((v) => (v === null ? '' : String(v))).join(','))].join('\n');
    const expected = computeStrategy({ csv, settings: defaultStrategy('balanced'), holdings: {} });
    await expect.poll(() => app.getByTestId('compute-status').textContent(), { timeout: 10_000 }).toMatch(/^Computed in/);
    await app.mouse.move(0, 0);
    await app.getByRole('heading', { name: 'Target', exact: true, level: 3 }).waitFor();
    expect(Number(await app.getByTestId('panel-return').getAttribute('data-value'))).toBeCloseTo(expected.target.expectedReturn, 6);
    expectWeights(await shownWeights(app, 'alloc-target'), expected.target.weights);
    await h.screenshot(app, 'strategy-market-history');

    // Yesterday's copy and CoinGecko down: the same table, marked stale with yesterday's date
    for (const id of ['ethereum', 'usd-coin', 'weth']) {
      const path = join(h.dataDir, 'price-history', `${id}.json`);
      const file = JSON.parse(await readFile(path, 'utf8')) as { fetchedAt: number };
      file.fetchedAt -= dayMs;
      await writeFile(path, JSON.stringify(file));
    }
    server.mode = { kind: 'status', status: 503 };
    const before = server.requests.length;
    await app.getByRole('radio', { name: 'Demo data (2021)' }).check();
    await app.getByRole('radio', { name: 'Market history (CoinGecko)' }).check();
    await expect.poll(() => status.getAttribute('data-stale'), { timeout: 10_000 }).toBe('true');
    const yesterday = new Date(today - dayMs).toISOString().slice(0, 10);
    expect(await app.getByTestId('history-stale').textContent()).toBe(`Last fetched ${yesterday}: CoinGecko could not be asked today, so this is the last copy.`);
    expect(server.requests.length).toBeGreaterThan(before);
    server.mode = { kind: 'ok' };
    expect(h.problems).toEqual([]);
  });
});
