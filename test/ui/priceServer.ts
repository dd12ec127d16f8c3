/**
 * A small CoinGecko-compatible price API on 127.0.0.1 for the UI tests: `GET /simple/price?ids=a,b&vs_currencies=usd`
 * answers `{ "<id>": { "usd": <price> } }` for the ids it knows (unknown ids are left out, as CoinGecko does).
 * It records every request so tests can check what was asked, and it can be taken down to test stale prices.
 * Test-only: the app never calls the public API in tests.
 */
import { listenLocal } from '../support/localHttpServer';

export interface PriceServer {
  /** base URL, e.g. `http://127.0.0.1:41234` (the app appends `/simple/price?...`) */
  url: string;
  /** every request's path and query, in order */
  requests: string[];
  /** ids asked for so far, across all requests */
  askedIds(): Set<string>;
  /** answer 503 to everything while true */
  setDown(down: boolean): void;
  close(): Promise<void>;
}

/** Starts the price API with fixed USD prices (numbers, as CoinGecko sends them). */
export async function startPriceServer(prices: Record<string, number>): Promise<PriceServer> {
  const requests: string[] = [];
  let down = false;
  const server = await listenLocal((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(`${url.pathname}${url.search}`);
    if (down) {
      res.writeHead(503, { 'content-type': 'text/plain' }).end('down');
      return;
    }
    if (req.method !== 'GET' || url.pathname !== '/simple/price') {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
      return;
    }
    const ids = (url.searchParams.get('ids') ?? '').split(',').map((id) => id.trim()).filter(Boolean);
    const currencies = (url.searchParams.get('vs_currencies') ?? '').split(',');
    const body: Record<string, { usd: number }> = {};
    if (currencies.includes('usd')) for (const id of ids) if (Object.hasOwn(prices, id)) body[id] = { usd: prices[id] as number };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  return {
    url: server.url,
    requests,
    askedIds() {
      const ids = new Set<string>();
      for (const request of requests) {
        const query = new URL(request, 'http://127.0.0.1').searchParams.get('ids');
        for (const id of (query ?? '').split(',')) if (id) ids.add(id);
      }
      return ids;
    },
    setDown(value) {
      down = value;
    },
    close: () => server.close(),
  };
}
