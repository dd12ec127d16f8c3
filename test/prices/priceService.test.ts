import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCoinGeckoClient, PriceFetchError } from '../../electron/services/prices/coinGeckoClient';
import { PriceService } from '../../electron/services/prices/priceService';
import { expectStrataRejection } from '../unit/expectStrataError';
import { CoinGeckoServer } from './coinGeckoServer';

const T0 = 1_700_000_000_000;
let server: CoinGeckoServer;
let dataDir: string;
let clock: number;

beforeEach(async () => {
  server = new CoinGeckoServer();
  await server.start();
  dataDir = await mkdtemp(join(tmpdir(), 'strata-prices-'));
  clock = T0;
});

afterEach(async () => {
  await server.stop();
  await rm(dataDir, { recursive: true, force: true });
});

function open(options: { timeoutMs?: number } = {}): Promise<PriceService> {
  return PriceService.open(dataDir, { baseUrl: server.baseUrl, now: () => clock, timeoutMs: options.timeoutMs ?? 2_000 });
}

const FRESH = {
  ethereum: { usd: '3120.55', fetchedAt: T0, stale: false },
  'usd-coin': { usd: '0.9998', fetchedAt: T0, stale: false },
};
const STALE = {
  ethereum: { usd: '3120.55', fetchedAt: T0, stale: true },
  'usd-coin': { usd: '0.9998', fetchedAt: T0, stale: true },
};

describe('price service', () => {
  it('fetches with one simple/price request, as decimal strings, and persists them', async () => {
    const prices = await open();
    expect(await prices.getPrices(['ethereum', 'usd-coin'])).toEqual(FRESH);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.pathname).toBe('/api/v3/simple/price');
    expect(Object.fromEntries(server.requests[0]?.searchParams ?? [])).toEqual({ ids: 'ethereum,usd-coin', vs_currencies: 'usd' });
    expect(JSON.parse(await readFile(join(dataDir, 'prices.json'), 'utf8'))).toEqual({
      version: 1,
      prices: { ethereum: { usd: '3120.55', fetchedAt: T0 }, 'usd-coin': { usd: '0.9998', fetchedAt: T0 } },
    });
    expect((await stat(join(dataDir, 'prices.json'))).mode & 0o777).toBe(0o600);
    expect(prices.lastError).toBeNull();
  });

  it('answers from the cache while prices are young, and refetches only the old ones', async () => {
    const prices = await open();
    await prices.getPrices(['ethereum', 'usd-coin']);
    clock = T0 + 60_000;
    expect(await prices.getPrices(['usd-coin', 'ethereum', 'ethereum'])).toEqual(FRESH);
    expect(server.requests).toHaveLength(1);

    server.prices.ethereum = '3200';
    clock = T0 + 60_001;
    expect(await prices.getPrices(['ethereum'], { maxAgeMs: 120_000 })).toEqual({ ethereum: FRESH.ethereum });
    expect(server.requests).toHaveLength(1);
    expect(await prices.getPrices(['ethereum', 'weth'], { maxAgeMs: 60_000 })).toEqual({
      ethereum: { usd: '3200', fetchedAt: T0 + 60_001, stale: false },
      weth: { usd: '3118.4', fetchedAt: T0 + 60_001, stale: false },
    });
    expect(server.requests).toHaveLength(2);
    expect(server.idsOf(1)).toEqual(['ethereum', 'weth']);
  });

  it('leaves out ids the price service does not know', async () => {
    const prices = await open();
    expect(await prices.getPrices(['ethereum', 'no-such-coin'])).toEqual({ ethereum: FRESH.ethereum });
    expect(await prices.getPrices([])).toEqual({});
    expect(server.requests).toHaveLength(1);
  });

  it('serves the last known values, marked stale, when the service cannot be reached', async () => {
    const prices = await open();
    await prices.getPrices(['ethereum', 'usd-coin']);
    await server.stop();
    clock = T0 + 120_000;
    expect(await prices.getPrices(['ethereum', 'usd-coin', 'weth'])).toEqual(STALE);
    expect(prices.lastError).toEqual({ code: 'PRICE_UNAVAILABLE', message: 'The price service cannot be reached' });
  });

  it('treats HTTP 429 as stale and backs off: Retry-After when given, else a minute, doubling', async () => {
    const prices = await open();
    await prices.getPrices(['ethereum', 'usd-coin']);
    server.mode = { kind: 'status', status: 429, headers: { 'retry-after': '120' } };
    clock = T0 + 61_000;
    expect(await prices.getPrices(['ethereum', 'usd-coin'])).toEqual(STALE);
    expect(server.requests).toHaveLength(2);
    expect(prices.lastError?.message).toBe('The price service is rate-limiting us');
    clock = T0 + 61_000 + 119_999;
    expect(await prices.getPrices(['ethereum', 'usd-coin'])).toEqual(STALE);
    expect(server.requests).toHaveLength(2); // held back: no request
    clock = T0 + 61_000 + 120_000;
    server.mode = { kind: 'status', status: 429 };
    expect(await prices.getPrices(['ethereum'])).toEqual({ ethereum: STALE.ethereum });
    expect(server.requests).toHaveLength(3);
    // second 429 in a row without Retry-After: two minutes
    const second = clock;
    clock = second + 119_999;
    await prices.getPrices(['ethereum']);
    expect(server.requests).toHaveLength(3);
    server.mode = { kind: 'ok' };
    clock = second + 120_000;
    expect(await prices.getPrices(['ethereum'])).toEqual({ ethereum: { usd: '3120.55', fetchedAt: clock, stale: false } });
    expect(server.requests).toHaveLength(4);
    expect(prices.lastError).toBeNull();
  });

  it('treats HTTP 5xx as stale', async () => {
    const prices = await open();
    await prices.getPrices(['ethereum', 'usd-coin']);
    server.mode = { kind: 'status', status: 503, body: '<html>Service Unavailable</html>' };
    clock = T0 + 61_000;
    expect(await prices.getPrices(['ethereum', 'usd-coin'])).toEqual(STALE);
    expect(prices.lastError).toEqual({ code: 'PRICE_UNAVAILABLE', message: 'The price service answered HTTP 503' });
    // no back-off for a server error: the next call asks again
    server.mode = { kind: 'ok' };
    expect(await prices.getPrices(['ethereum'])).toEqual({ ethereum: { usd: '3120.55', fetchedAt: clock, stale: false } });
  });

  it('treats a malformed answer as stale and keeps the cache intact', async () => {
    const prices = await open();
    await prices.getPrices(['ethereum', 'usd-coin']);
    const onDisk = await readFile(join(dataDir, 'prices.json'), 'utf8');
    clock = T0 + 61_000;
    for (const body of ['<html>oops</html>', '{"ethereum":{"usd":"3120.55"}}', '{"ethereum":{"usd":-1}}', '[1,2]', 'null', '{"ethereum":5}', '']) {
      server.mode = { kind: 'body', body };
      expect(await prices.getPrices(['ethereum', 'usd-coin']), body).toEqual(STALE);
      expect(prices.lastError).toEqual({ code: 'PRICE_UNAVAILABLE', message: 'The price service sent an unexpected answer' });
    }
    expect(await readFile(join(dataDir, 'prices.json'), 'utf8')).toBe(onDisk);
  });

  it('gives up after the timeout and serves stale values', async () => {
    const prices = await open({ timeoutMs: 150 });
    await prices.getPrices(['ethereum']);
    server.mode = { kind: 'hang' };
    clock = T0 + 61_000;
    const started = Date.now();
    expect(await prices.getPrices(['ethereum'])).toEqual({ ethereum: STALE.ethereum });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(prices.lastError).toEqual({ code: 'PRICE_UNAVAILABLE', message: 'The price service did not answer in time' });
  });

  it('keeps prices across instances through prices.json', async () => {
    await (await open()).getPrices(['ethereum', 'usd-coin']);
    clock = T0 + 30_000;
    const again = await open();
    expect(await again.getPrices(['ethereum', 'usd-coin'])).toEqual(FRESH);
    expect(server.requests).toHaveLength(1);
    await server.stop();
    clock = T0 + 3_600_000;
    expect(await (await open()).getPrices(['ethereum', 'usd-coin'])).toEqual(STALE);
  });

  it('starts empty from a corrupt or foreign cache file, and replaces it', async () => {
    for (const text of ['{not json', JSON.stringify({ version: 2, prices: {} }), JSON.stringify({ version: 1, prices: { ethereum: { usd: 3120.55, fetchedAt: T0 } } })]) {
      await writeFile(join(dataDir, 'prices.json'), text);
      await server.stop();
      expect(await (await open()).getPrices(['ethereum'])).toEqual({});
      await server.start();
      expect(await (await open()).getPrices(['ethereum'])).toEqual({ ethereum: FRESH.ethereum });
      expect(JSON.parse(await readFile(join(dataDir, 'prices.json'), 'utf8')).version).toBe(1);
    }
  });

  it('sends one request for concurrent callers', async () => {
    const prices = await open();
    const [a, b] = await Promise.all([prices.getPrices(['ethereum']), prices.getPrices(['ethereum'])]);
    expect(a).toEqual({ ethereum: FRESH.ethereum });
    expect(b).toEqual(a);
    expect(server.requests).toHaveLength(1);
  });

  it('batches at most 250 ids per request and keeps the batches that succeeded', async () => {
    const ids = Array.from({ length: 300 }, (_, i) => `coin-${i}`);
    server.prices = Object.fromEntries(ids.map((id, i) => [id, `${i}.5`]));
    const prices = await open();
    const all = await prices.getPrices(ids);
    expect(server.requests.map((r) => r.searchParams.get('ids')?.split(',').length)).toEqual([250, 50]);
    expect(Object.keys(all)).toHaveLength(300);
    expect(all['coin-299']).toEqual({ usd: '299.5', fetchedAt: T0, stale: false });

    const more = Array.from({ length: 300 }, (_, i) => `more-${i}`);
    server.prices = Object.fromEntries(more.map((id) => [id, '1']));
    const client = createCoinGeckoClient({ baseUrl: server.baseUrl });
    let calls = 0;
    const failSecond = createCoinGeckoClient({
      baseUrl: server.baseUrl,
      fetch: (input, init) => (++calls === 2 ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init)),
    });
    await expect(client.fetchUsdPrices(more.slice(0, 2))).resolves.toEqual({ 'more-0': '1', 'more-1': '1' });
    const error = await failSecond.fetchUsdPrices(more).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PriceFetchError);
    expect(Object.keys((error as PriceFetchError).partial)).toHaveLength(250);
  });

  it('keeps up to 12 significant digits of the number received', async () => {
    server.prices = { shiba: '0.000012345678901234', tiny: '1.5e-7', big: '64012.123456789' };
    const prices = await open();
    expect(await prices.getPrices(['shiba', 'tiny', 'big'])).toEqual({
      shiba: { usd: '0.0000123456789012', fetchedAt: T0, stale: false },
      tiny: { usd: '0.00000015', fetchedAt: T0, stale: false },
      big: { usd: '64012.1234568', fetchedAt: T0, stale: false },
    });
  });

  it('refuses ids that are not CoinGecko ids, without a request', async () => {
    const prices = await open();
    await expectStrataRejection(prices.getPrices(['ethereum', 'Bad Id']), 'INVALID_INPUT');
    await expectStrataRejection(prices.getPrices(['__proto__']), 'INVALID_INPUT');
    await expectStrataRejection(prices.getPrices(['ethereum'], { maxAgeMs: -1 }), 'INVALID_INPUT');
    expect(server.requests).toHaveLength(0);
    // the queue still works after a refusal
    expect(await prices.getPrices(['ethereum'])).toEqual({ ethereum: FRESH.ethereum });
  });
});
