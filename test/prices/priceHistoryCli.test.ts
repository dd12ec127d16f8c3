import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import type { CliIo } from '../../electron/cli/io';
import { CoinGeckoServer } from './coinGeckoServer';
import { historyFixture, shiftToToday, TABLE_7_DAYS } from './historyFixtures';

let server: CoinGeckoServer;
let dir: string;

beforeEach(async () => {
  server = new CoinGeckoServer();
  // The CLI reads the real clock: the fixtures are moved to end today.
  server.histories = {
    ethereum: shiftToToday(await historyFixture('ethereum')),
    'usd-coin': shiftToToday(await historyFixture('usd-coin')),
    osmosis: shiftToToday(await historyFixture('osmosis')),
  };
  await server.start();
  dir = await mkdtemp(join(tmpdir(), 'strata-history-cli-'));
});

afterEach(async () => {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
});

/** Runs the CLI in-process, as `strata <argv>` with the local price server. */
async function strata(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdin: async () => '', env: { STRATA_PRICE_API_URL: server.baseUrl }, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

/** TABLE_7_DAYS as a price CSV, the way a user would export it. */
async function tableCsv(): Promise<string> {
  const path = join(dir, 'table.csv');
  const rows = TABLE_7_DAYS.dates.map((d, t) => [d, ...(TABLE_7_DAYS.prices[t] ?? []).map((p) => (p === null ? '' : String(p)))].join(','));
  await writeFile(path, [`date,${TABLE_7_DAYS.assets.join(',')}`, ...rows].join('\n'));
  return path;
}

describe('strata optimize / frontier --history coingecko', () => {
  const history = (assets = 'ethereum,osmosis,usd-coin') => ['--history', 'coingecko', '--assets', assets, '--days', '7', '--dir', dir];

  it('optimizes over CoinGecko closes exactly as over the same table in a CSV, fetching once a day into --dir', async () => {
    const csv = await tableCsv();
    for (const args of [
      ['optimize', '--objective', 'min-volatility', '--frequency', '365', '--json'],
      ['optimize', '--objective', 'max-sharpe', '--frequency', '365', '--risk-free', '0', '--bounds=0,0.6', '--json'],
      ['frontier', '--points', '5', '--frequency', '365', '--json'],
    ]) {
      const [command, ...rest] = args as [string, ...string[]];
      const fromHistory = await strata([command, ...history(), ...rest]);
      const fromCsv = await strata([command, '--prices', csv, ...rest]);
      expect([fromHistory.code, fromHistory.stderr]).toEqual([0, '']);
      expect(fromHistory.stdout).toBe(fromCsv.stdout);
      expect(Object.keys(JSON.parse(fromHistory.stdout) as object)).toEqual(command === 'optimize' ? ['weights', 'expectedReturn', 'volatility', 'sharpe'] : ['points']);
    }
    const weights = (JSON.parse((await strata(['optimize', ...history(), '--objective', 'min-volatility', '--json'])).stdout) as { weights: Record<string, number> }).weights;
    expect(Object.keys(weights)).toEqual(['ethereum', 'osmosis', 'usd-coin']);
    // three commands (and this fourth), one market_chart request per coin: the rest came from <dir>/price-history
    expect(server.requests.map((r) => r.pathname)).toEqual(['/api/v3/coins/ethereum/market_chart', '/api/v3/coins/osmosis/market_chart', '/api/v3/coins/usd-coin/market_chart']);
    expect((await readdir(join(dir, 'price-history'))).sort()).toEqual(['ethereum.json', 'osmosis.json', 'usd-coin.json']);
    const text = await strata(['optimize', ...history(), '--objective', 'min-volatility']);
    expect(text.stdout).toMatch(/\nExpected annual return: -?\d+\.\d\d%\nAnnual volatility: \d+\.\d\d%\nSharpe ratio: -?\d+\.\d{3}\n$/);
  });

  it('fails with a stable code for missing coins and bad flags, and says so on stderr when the history is stale', async () => {
    const unknown = await strata(['optimize', ...history('ethereum,no-such-coin'), '--objective', 'min-volatility', '--json']);
    expect([unknown.code, JSON.parse(unknown.stdout)]).toEqual([1, { error: { code: 'PRICE_UNAVAILABLE', message: 'No price history for no-such-coin (The price service answered HTTP 404)' } }]);
    const cases: [string[], string][] = [
      [['--history', 'coingecko', '--assets', 'ethereum,usd-coin', '--days', '7'], 'Missing --dir'],
      [['--history', 'coingecko', '--dir', dir], 'Missing --assets'],
      [['--history', 'yahoo', '--assets', 'ethereum', '--dir', dir], '--history must be coingecko'],
      [['--history', 'coingecko', '--prices', 'x.csv', '--assets', 'ethereum', '--dir', dir], 'Give either --prices or --history, not both'],
      [['--prices', 'x.csv', '--assets', 'ethereum'], '--assets and --days go with --history coingecko'],
      [['--history', 'coingecko', '--assets', 'ethereum', '--days', '1', '--dir', dir], '--days must be a whole number from 2 to 365'],
      [['--history', 'coingecko', '--assets', 'ethereum', '--days', '366', '--dir', dir], '--days must be a whole number from 2 to 365'],
      [['--history', 'coingecko', '--assets', 'ethereum', '--days', '7d', '--dir', dir], '--days must be a whole number from 2 to 365'],
      [['--history', 'coingecko', '--assets', 'ethereum,Bad', '--dir', dir], 'Not a CoinGecko id: "Bad"'],
    ];
    for (const [flags, message] of cases) {
      const out = await strata(['frontier', ...flags, '--json']);
      expect([out.code, JSON.parse(out.stdout)], flags.join(' ')).toEqual([2, { error: { code: 'INVALID_INPUT', message } }]);
    }
    expect(server.requests).toHaveLength(2); // ethereum and no-such-coin, once each

    // yesterday's copy with the service down: the result stands, stderr says which coin is old
    const ok = await strata(['optimize', ...history('ethereum,usd-coin'), '--objective', 'min-volatility', '--json']);
    expect(ok.code).toBe(0);
    for (const id of ['ethereum', 'usd-coin']) {
      const path = join(dir, 'price-history', `${id}.json`);
      const file = JSON.parse(await readFile(path, 'utf8')) as { fetchedAt: number };
      file.fetchedAt -= 86_400_000;
      await writeFile(path, JSON.stringify(file));
    }
    await server.stop();
    const stale = await strata(['optimize', ...history('ethereum,usd-coin'), '--objective', 'min-volatility', '--json']);
    expect(stale.code).toBe(0);
    expect(stale.stdout).toBe(ok.stdout);
    expect(stale.stderr).toMatch(/^strata: warning: the price history of ethereum is from \d{4}-\d\d-\d\dT[0-9:.]+Z: the price service could not be asked today\nstrata: warning: the price history of usd-coin is from /);
  });
});
