import { mkdtemp, readdir, readFile, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dailyCloses } from '../../electron/services/prices/priceHistoryCloses';
import { PriceHistoryService, type HistoryProgress } from '../../electron/services/prices/priceHistoryService';
import { PriceService } from '../../electron/services/prices/priceService';
import { RateLimitBackoff } from '../../electron/services/prices/rateLimitBackoff';
import { expectStrataRejection } from '../unit/expectStrataError';
import { CoinGeckoServer } from './coinGeckoServer';
import { HISTORY_NOW, historyFixture, TABLE_7_DAYS } from './historyFixtures';

const DAY = 86_400_000;
let server: CoinGeckoServer;
let dataDir: string;
let clock: number;

beforeEach(async () => {
  server = new CoinGeckoServer();
  server.histories = { ethereum: await historyFixture('ethereum'), 'usd-coin': await historyFixture('usd-coin'), osmosis: await historyFixture('osmosis') };
  await server.start();
  dataDir = await mkdtemp(join(tmpdir(), 'strata-history-'));
  clock = HISTORY_NOW;
});

afterEach(async () => {
  await server.stop();
  await rm(dataDir, { recursive: true, force: true });
});

function service(options: { timeoutMs?: number } = {}): PriceHistoryService {
  return new PriceHistoryService(dataDir, { baseUrl: server.baseUrl, now: () => clock, timeoutMs: options.timeoutMs ?? 2_000 });
}

const FRESH = { fetchedAt: HISTORY_NOW, stale: false };
const cacheFile = (id: string) => join(dataDir, 'price-history', `${id}.json`);

describe('daily closes from market_chart prices', () => {
  const H = 3_600_000;
  const D1 = Date.UTC(2021, 6, 1);
  it('keeps the 00:00 UTC snapshot of each day, dated by its UTC day, and drops the intraday "now" point', () => {
    expect(dailyCloses([[D1 - DAY, 10], [D1, 11], [D1 + 13 * H + 1, 12]])).toEqual([['2021-06-30', 10], ['2021-07-01', 11]]);
    // "now" alone on its day (before CoinGecko publishes today's snapshot) is no close either
    expect(dailyCloses([[D1 - DAY, 10], [D1 - 1, 10.5], [D1 + 20 * 60_000, 11]])).toEqual([['2021-06-30', 10]]);
    // a last point exactly on 00:00 UTC is a snapshot
    expect(dailyCloses([[D1 - DAY, 10], [D1, 11]])).toEqual([['2021-06-30', 10], ['2021-07-01', 11]]);
  });

  it('takes the first point of a day with several, and leaves days with a null or zero price out', () => {
    expect(dailyCloses([[D1, 1], [D1 + H, 2], [D1 + DAY, null], [D1 + 2 * DAY, 0], [D1 + 3 * DAY, 4], [D1 + 3 * DAY + H, 5]])).toEqual([
      ['2021-07-01', 1],
      ['2021-07-04', 4],
    ]);
    expect(dailyCloses([])).toEqual([]);
    expect(dailyCloses([[D1 + H, 3]])).toEqual([]);
  });
});

describe('price history service', () => {
  it('builds the aligned table from recorded-shape answers, one market_chart request per coin, and caches each coin', async () => {
    const progress: HistoryProgress[] = [];
    const history = await service().getHistory(['ethereum', 'osmosis', 'usd-coin'], { days: 7, onProgress: (p) => progress.push(p) });
    expect(history).toEqual({ table: TABLE_7_DAYS, sources: { ethereum: FRESH, osmosis: FRESH, 'usd-coin': FRESH }, missing: [] });
    expect(progress).toEqual([
      { done: 1, total: 3, id: 'ethereum' },
      { done: 2, total: 3, id: 'osmosis' },
      { done: 3, total: 3, id: 'usd-coin' },
    ]);
    expect(server.requests.map((r) => r.pathname)).toEqual(['/api/v3/coins/ethereum/market_chart', '/api/v3/coins/osmosis/market_chart', '/api/v3/coins/usd-coin/market_chart']);
    expect(Object.fromEntries(server.requests[0]?.searchParams ?? [])).toEqual({ vs_currency: 'usd', days: '7', interval: 'daily' });
    const file = JSON.parse(await readFile(cacheFile('osmosis'), 'utf8')) as unknown;
    expect(file).toEqual({
      version: 1,
      id: 'osmosis',
      days: 7,
      fetchedAt: HISTORY_NOW,
      closes: [['2021-06-28', 4.612854103837643], ['2021-06-29', 4.612854103837643], ['2021-06-30', 4.682177409989743], ['2021-07-01', 4.00838598817088], ['2021-07-02', 3.3732472501067488]],
    });
    expect((await stat(cacheFile('osmosis'))).mode & 0o777).toBe(0o600);
    expect((await stat(join(dataDir, 'price-history'))).mode & 0o777).toBe(0o700);
  });

  it('keeps only the last `days` days of a longer cached history, and asks again for a longer period', async () => {
    const history = service();
    await history.getHistory(['ethereum'], { days: 7 });
    const three = await history.getHistory(['ethereum'], { days: 3 });
    expect(three.table).toEqual({ dates: ['2021-06-29', '2021-06-30', '2021-07-01', '2021-07-02'], assets: ['ethereum'], prices: TABLE_7_DAYS.prices.slice(4).map((row) => [row[0]]) });
    expect(server.historyRequests('ethereum')).toBe(1);
    await history.getHistory(['ethereum'], { days: 30 });
    expect(server.historyRequests('ethereum')).toBe(2);
    expect(server.requests[1]?.searchParams.get('days')).toBe('30');
  });

  it('fetches at most once per UTC day, also across instances (the cache on disk)', async () => {
    await service().getHistory(['ethereum', 'usd-coin'], { days: 7 });
    expect(server.requests).toHaveLength(2);
    clock = Date.UTC(2021, 6, 2, 23, 59, 59, 999);
    const again = await service().getHistory(['usd-coin', 'ethereum', 'ethereum'], { days: 7 });
    expect(again.sources).toEqual({ 'usd-coin': FRESH, ethereum: FRESH });
    expect(again.table.assets).toEqual(['usd-coin', 'ethereum']);
    expect(server.requests).toHaveLength(2);

    clock = Date.UTC(2021, 6, 3, 0, 0, 0, 0);
    const nextDay = await service().getHistory(['ethereum'], { days: 7 });
    expect(nextDay.sources).toEqual({ ethereum: { fetchedAt: clock, stale: false } });
    expect(server.requests).toHaveLength(3);
    // the same fixture answered, but the window moved a day: 2021-06-25 is out of it now
    expect(nextDay.table.dates).toEqual(TABLE_7_DAYS.dates.slice(1));
  });

  it('serves the cached history marked stale when the service cannot be reached, answers HTTP 5xx, or sends nonsense', async () => {
    await service().getHistory(['ethereum', 'usd-coin'], { days: 7 });
    const onDisk = await readFile(cacheFile('ethereum'), 'utf8');
    clock = HISTORY_NOW + DAY;
    const staleSources = { ethereum: { fetchedAt: HISTORY_NOW, stale: true }, 'usd-coin': { fetchedAt: HISTORY_NOW, stale: true } };
    const staleTable = { ...TABLE_7_DAYS, dates: TABLE_7_DAYS.dates.slice(1), prices: TABLE_7_DAYS.prices.slice(1).map((row) => [row[0], row[2]]), assets: ['ethereum', 'usd-coin'] };
    server.mode = { kind: 'status', status: 503, body: '<html>Service Unavailable</html>' };
    expect(await service().getHistory(['ethereum', 'usd-coin'], { days: 7 })).toEqual({ table: staleTable, sources: staleSources, missing: [] });
    server.mode = { kind: 'body', body: '{"prices":[[1,2]]}' };
    expect((await service().getHistory(['ethereum', 'usd-coin'], { days: 7 })).sources).toEqual(staleSources);
    await server.stop();
    expect(await service().getHistory(['ethereum', 'usd-coin', 'osmosis'], { days: 7 })).toEqual({
      table: staleTable,
      sources: staleSources,
      missing: [{ id: 'osmosis', error: { code: 'PRICE_UNAVAILABLE', message: 'The price service cannot be reached' } }],
    });
    expect(await readFile(cacheFile('ethereum'), 'utf8')).toBe(onDisk);
  });

  it('backs off after HTTP 429 like the spot prices: no request until Retry-After has passed', async () => {
    const history = service();
    await history.getHistory(['ethereum'], { days: 7 });
    clock = HISTORY_NOW + DAY;
    server.mode = { kind: 'status', status: 429, headers: { 'retry-after': '120' } };
    const limited = await history.getHistory(['ethereum', 'usd-coin'], { days: 7 });
    expect(limited.sources).toEqual({ ethereum: { fetchedAt: HISTORY_NOW, stale: true } });
    // the 429 on ethereum holds usd-coin back too: one request, not two
    expect(limited.missing).toEqual([{ id: 'usd-coin', error: { code: 'PRICE_UNAVAILABLE', message: 'The price service is rate-limiting us' } }]);
    expect(server.requests).toHaveLength(2);
    clock += 119_999;
    const held = await history.getHistory(['ethereum', 'usd-coin'], { days: 7 });
    expect([held.sources, held.missing.map((m) => m.id)]).toEqual([{ ethereum: { fetchedAt: HISTORY_NOW, stale: true } }, ['usd-coin']]);
    expect(server.requests).toHaveLength(2);
    clock += 1;
    server.mode = { kind: 'ok' };
    expect((await history.getHistory(['ethereum'], { days: 7 })).sources).toEqual({ ethereum: { fetchedAt: clock, stale: false } });
    expect(server.requests).toHaveLength(3);
  });

  it('shares one back-off with the spot prices when given it: a 429 on /simple/price holds history back', async () => {
    const backoff = new RateLimitBackoff(() => clock);
    const spot = await PriceService.open(dataDir, { baseUrl: server.baseUrl, now: () => clock, backoff });
    const history = new PriceHistoryService(dataDir, { baseUrl: server.baseUrl, now: () => clock, backoff });
    server.mode = { kind: 'status', status: 429, headers: { 'retry-after': '60' } };
    await spot.getPrices(['ethereum']);
    expect(server.requests.map((r) => r.pathname)).toEqual(['/api/v3/simple/price']);
    server.mode = { kind: 'ok' };
    // nothing cached and held back: no history at all, and no request
    await expectStrataRejection(history.getHistory(['ethereum'], { days: 7 }), 'PRICE_UNAVAILABLE');
    expect(server.requests).toHaveLength(1);
    clock += 60_000;
    expect((await history.getHistory(['ethereum'], { days: 7 })).sources).toEqual({ ethereum: { fetchedAt: clock, stale: false } });
    expect(server.requests).toHaveLength(2);
  });

  it('refuses a malformed answer: PRICE_UNAVAILABLE and nothing written', async () => {
    const good = server.histories.ethereum as string;
    const bodies = [
      '<html>oops</html>',
      '',
      'null',
      '[[1625184000000,2121.6]]',
      '{"prices":[[1625184000000,2121.6]]}',
      good.replace('"prices":[[1624579200000,1990.0761511910587]', '"prices":[[1624579200000,"1990.07"]'),
      good.replace('"prices":[[1624579200000,1990.0761511910587]', '"prices":[[1624579200000,-1990.07]'),
      good.replace('"prices":[[1624579200000,1990.0761511910587]', '"prices":[[1624579200000.5,1990.07]'),
      good.replace('"prices":[[1624579200000,1990.0761511910587]', '"prices":[[1624579200000,1990.07,3]'),
      // times out of order
      good.replace('"prices":[[1624579200000,', '"prices":[[1725184000000,'),
    ];
    for (const body of bodies) {
      server.histories.ethereum = body;
      await expectStrataRejection(service().getHistory(['ethereum'], { days: 7 }), 'PRICE_UNAVAILABLE', /^No price history for ethereum: The price service sent an unexpected answer$/);
    }
    expect(server.requests).toHaveLength(bodies.length);
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('lists a coin CoinGecko does not know as missing, and fails only when no coin has history', async () => {
    const history = await service().getHistory(['no-such-coin', 'osmosis'], { days: 7 });
    expect(history.missing).toEqual([{ id: 'no-such-coin', error: { code: 'PRICE_UNAVAILABLE', message: 'The price service answered HTTP 404' } }]);
    expect(history.table.assets).toEqual(['osmosis']);
    expect(history.table.dates).toEqual(['2021-06-28', '2021-06-29', '2021-06-30', '2021-07-01', '2021-07-02']);
    await expectStrataRejection(service().getHistory(['no-such-coin'], { days: 7 }), 'PRICE_UNAVAILABLE', /^No price history for no-such-coin: The price service answered HTTP 404$/);
    // osmosis has no close in the last day before its listing
    clock = Date.UTC(2021, 5, 27, 12);
    server.histories.osmosis = '{"prices":[],"market_caps":[],"total_volumes":[]}';
    await expectStrataRejection(service().getHistory(['osmosis'], { days: 1 }), 'PRICE_UNAVAILABLE', /^No price history for osmosis: The price service has no prices of it in this period$/);
  });

  it('recovers from a damaged, foreign or newer cache file by fetching again and replacing it', async () => {
    await mkdir(join(dataDir, 'price-history'), { recursive: true });
    const other = { version: 1, id: 'usd-coin', days: 7, fetchedAt: HISTORY_NOW, closes: [['2021-07-01', 1]] };
    for (const text of ['{not json', '', JSON.stringify({ version: 2, id: 'ethereum' }), JSON.stringify({ version: 1, id: 'ethereum' }), JSON.stringify(other)]) {
      await writeFile(cacheFile('ethereum'), text);
      const before = server.requests.length;
      const history = await service().getHistory(['ethereum'], { days: 7 });
      expect(history.table).toEqual({ dates: TABLE_7_DAYS.dates, assets: ['ethereum'], prices: TABLE_7_DAYS.prices.map((row) => [row[0]]) });
      expect(server.requests.length, text).toBe(before + 1);
      expect(JSON.parse(await readFile(cacheFile('ethereum'), 'utf8'))).toMatchObject({ version: 1, id: 'ethereum', days: 7, fetchedAt: HISTORY_NOW });
    }
    // a damaged file with the service down: no history, and the file is left as it was
    await writeFile(cacheFile('ethereum'), '{not json');
    await server.stop();
    await expectStrataRejection(service().getHistory(['ethereum'], { days: 7 }), 'PRICE_UNAVAILABLE', /^No price history for ethereum: The price service cannot be reached$/);
    expect(await readFile(cacheFile('ethereum'), 'utf8')).toBe('{not json');
  });

  it('refuses bad ids and periods without a request', async () => {
    const history = service();
    await expectStrataRejection(history.getHistory(['Bad Id'], { days: 7 }), 'INVALID_INPUT', /^Not a CoinGecko id: "Bad Id"$/);
    await expectStrataRejection(history.getHistory(['../ethereum'], { days: 7 }), 'INVALID_INPUT');
    await expectStrataRejection(history.getHistory([], { days: 7 }), 'INVALID_INPUT');
    for (const days of [0, 366, 1.5, Number.NaN]) await expectStrataRejection(history.getHistory(['ethereum'], { days }), 'INVALID_INPUT', /^days must be a whole number from 1 to 365$/);
    expect(server.requests).toHaveLength(0);
    expect((await history.getHistory(['ethereum'], { days: 7 })).sources).toEqual({ ethereum: FRESH });
  });

  it('sends one request per coin for concurrent callers', async () => {
    const history = service();
    const [a, b] = await Promise.all([history.getHistory(['ethereum'], { days: 7 }), history.getHistory(['ethereum'], { days: 7 })]);
    expect(b).toEqual(a);
    expect(server.requests).toHaveLength(1);
  });
});
