import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemClock, type Clock } from '../../electron/services/app/ports';
import { parsePrices } from '../../shared/optimizer/parsePrices';
import { createCoreHarness, type CoreHarness } from '../support/coreHarness';
import { CoinGeckoServer } from './coinGeckoServer';
import { HISTORY_NOW, historyFixture, TABLE_7_DAYS } from './historyFixtures';

let server: CoinGeckoServer;
let h: CoreHarness;
const clock: Clock = { ...systemClock, now: () => HISTORY_NOW };

beforeEach(async () => {
  server = new CoinGeckoServer();
  server.histories = { ethereum: await historyFixture('ethereum'), 'usd-coin': await historyFixture('usd-coin'), osmosis: await historyFixture('osmosis') };
  await server.start();
  h = await createCoreHarness({ clock, priceApiUrl: server.baseUrl });
});

afterEach(async () => {
  await server.stop();
  await rm(h.dataDir, { recursive: true, force: true });
});

describe('prices.history over IPC', () => {
  it('answers the aligned table with prices as strings, per-coin sources, missing coins, and progress events', async () => {
    const view = await h.value<{ dates: string[]; assets: string[]; prices: (string | null)[][]; sources: unknown; missing: unknown }>('prices.history', {
      ids: ['ethereum', 'osmosis', 'usd-coin', 'no-such-coin'],
      days: 7,
    });
    expect(view).toEqual({
      dates: TABLE_7_DAYS.dates,
      assets: TABLE_7_DAYS.assets,
      prices: TABLE_7_DAYS.prices.map((row) => row.map((p) => (p === null ? null : String(p)))),
      sources: { ethereum: { fetchedAt: HISTORY_NOW, stale: false }, osmosis: { fetchedAt: HISTORY_NOW, stale: false }, 'usd-coin': { fetchedAt: HISTORY_NOW, stale: false } },
      missing: [{ id: 'no-such-coin', code: 'PRICE_UNAVAILABLE', message: 'The price service answered HTTP 404' }],
    });
    // the strings read back as exactly the numbers received
    const csv = ['date,' + view.assets.join(','), ...view.dates.map((d, t) => [d, ...(view.prices[t] ?? []).map((p) => p ?? '')].join(','))].join('\n');
    expect(parsePrices(csv)).toEqual(TABLE_7_DAYS);
    expect(h.log.filter((r) => r.direction === 'event').map((r) => [r.name, r.payload])).toEqual([
      ['prices.historyProgress', { done: 1, total: 4, id: 'ethereum' }],
      ['prices.historyProgress', { done: 2, total: 4, id: 'osmosis' }],
      ['prices.historyProgress', { done: 3, total: 4, id: 'usd-coin' }],
      ['prices.historyProgress', { done: 4, total: 4, id: 'no-such-coin' }],
    ]);
    // the same UTC day: answered from the cache
    await h.value('prices.history', { ids: ['ethereum'], days: 7 });
    expect(server.requests).toHaveLength(4);
    expect((await readdir(join(h.dataDir, 'price-history'))).sort()).toEqual(['ethereum.json', 'osmosis.json', 'usd-coin.json']);
  });

  it('refuses malformed input before any request, and reports no history as PRICE_UNAVAILABLE', async () => {
    const bad: unknown[] = [
      {},
      { ids: [] },
      { ids: ['ethereum'], days: 1 },
      { ids: ['ethereum'], days: 366 },
      { ids: ['ethereum'], days: 7.5 },
      { ids: ['ethereum'], days: '7' },
      { ids: ['Ethereum'] },
      { ids: ['../vault'] },
      { ids: ['ethereum'], extra: true },
      { ids: Array.from({ length: 51 }, (_, i) => `coin-${i}`) },
    ];
    for (const payload of bad) {
      const answer = await h.call('prices.history', payload);
      expect(answer.ok ? 'ok' : answer.error.code, JSON.stringify(payload)).toBe('INVALID_INPUT');
    }
    expect(server.requests).toHaveLength(0);
    expect(await h.call('prices.history', { ids: ['no-such-coin'], days: 7 })).toEqual({
      ok: false,
      error: { code: 'PRICE_UNAVAILABLE', message: 'No price history for no-such-coin: The price service answered HTTP 404' },
    });
    // days defaults to 365
    await h.value('prices.history', { ids: ['ethereum'] });
    expect(server.requests.at(-1)?.searchParams.get('days')).toBe('365');
  });
});
