import { listenLocal, type LocalHttpServer } from '../support/localHttpServer';

/** How the local stand-in for CoinGecko answers the next requests. */
export type ServerMode =
  | { kind: 'ok' }
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: string }
  | { kind: 'body'; body: string }
  | { kind: 'hang' };

/**
 * A real HTTP server on 127.0.0.1 that answers `GET /api/v3/simple/price?ids=…&vs_currencies=usd` like CoinGecko's
 * public API: `{"ethereum":{"usd":3120.55},"usd-coin":{"usd":0.9998}}`, unknown ids left out. Prices are raw JSON
 * number literals so a test controls exactly what goes over the wire. `GET /api/v3/coins/<id>/market_chart?…` answers
 * `histories[id]` verbatim, and 404 `{"error":"coin not found"}` (CoinGecko's answer) for other ids. Records every
 * request's URL.
 */
export class CoinGeckoServer {
  readonly requests: URL[] = [];
  prices: Record<string, string> = { ethereum: '3120.55', 'usd-coin': '0.9998', weth: '3118.4' };
  /** market_chart bodies by coin id, as raw JSON text */
  histories: Record<string, string> = {};
  mode: ServerMode = { kind: 'ok' };
  private server: LocalHttpServer | undefined;
  private port = 0;

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}/api/v3`;
  }

  async start(): Promise<void> {
    const server = await listenLocal((req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      this.requests.push(url);
      const mode = this.mode;
      if (mode.kind === 'hang') return; // never answers; the client's timeout must fire
      if (mode.kind === 'status') {
        res.writeHead(mode.status, { 'content-type': 'application/json', ...mode.headers }).end(mode.body ?? '{"status":{"error_code":429,"error_message":"You\'ve exceeded the Rate Limit."}}');
        return;
      }
      if (mode.kind === 'body') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(mode.body);
        return;
      }
      const chart = /^\/api\/v3\/coins\/([^/]+)\/market_chart$/.exec(url.pathname);
      if (chart) {
        const body = Object.hasOwn(this.histories, chart[1] as string) ? this.histories[chart[1] as string] : undefined;
        if (body === undefined) res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"coin not found"}');
        else res.writeHead(200, { 'content-type': 'application/json' }).end(body);
        return;
      }
      if (url.pathname !== '/api/v3/simple/price' || url.searchParams.get('vs_currencies') !== 'usd') {
        res.writeHead(404).end();
        return;
      }
      const ids = (url.searchParams.get('ids') ?? '').split(',');
      const entries = ids.filter((id) => Object.hasOwn(this.prices, id)).map((id) => `${JSON.stringify(id)}:{"usd":${this.prices[id]}}`);
      res.writeHead(200, { 'content-type': 'application/json' }).end(`{${entries.join(',')}}`);
    });
    this.server = server;
    this.port = server.port;
  }

  /** Stops listening: the port then refuses connections, like a machine that is offline. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    await server.close();
  }

  /** How many market_chart requests were made for `id`. */
  historyRequests(id: string): number {
    return this.requests.filter((r) => r.pathname === `/api/v3/coins/${id}/market_chart`).length;
  }

  /** The ids asked for in request `i`. */
  idsOf(i: number): string[] {
    return (this.requests[i]?.searchParams.get('ids') ?? '').split(',');
  }
}
