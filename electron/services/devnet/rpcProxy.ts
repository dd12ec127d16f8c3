import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { StrataError } from '../../../shared/errors';

/**
 * How a proxy that is down fails: `refuse` stops listening (clients get ECONNREFUSED), `http-503` answers
 * 503 Service Unavailable, `hang` accepts requests and never answers (clients hit their own timeout).
 */
export type RpcProxyDownMode = 'refuse' | 'http-503' | 'hang';

export interface RpcProxyOptions {
  /** Delay added before each request is forwarded, in milliseconds (default 0). */
  latencyMs?: number;
  /** Start down (`true` means `refuse`). */
  down?: boolean | RpcProxyDownMode;
  /** Port to listen on (default 0: a free port). It is kept across takeDown('refuse')/bringUp(). */
  port?: number;
}

/** A controllable HTTP proxy in front of one JSON-RPC endpoint, on 127.0.0.1: for latency and failover tests. */
export interface RpcProxy {
  /** `http://127.0.0.1:<port>`; stays the same while the proxy lives. */
  readonly url: string;
  readonly target: string;
  /** Current state: `up` or the down mode. */
  readonly state: 'up' | RpcProxyDownMode;
  /** Requests forwarded to the target so far. */
  readonly forwarded: number;
  readonly latencyMs: number;
  setLatency(ms: number): void;
  takeDown(mode?: RpcProxyDownMode): Promise<void>;
  bringUp(): Promise<void>;
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'host']);

function checkLatency(ms: number): number {
  if (!Number.isFinite(ms) || ms < 0 || ms > 600_000) throw new StrataError('INVALID_INPUT', 'Latency must be 0 to 600000 ms');
  return ms;
}

/**
 * Starts a proxy that forwards HTTP POSTs to `target` (a devnet chain's rpc URL, or any JSON-RPC endpoint).
 * @throws StrataError INVALID_INPUT for a bad target or latency, IO_ERROR when the port is taken
 */
export async function createRpcProxy(target: string, options: RpcProxyOptions = {}): Promise<RpcProxy> {
  let targetUrl: URL;
  try {
    targetUrl = new URL(target);
  } catch {
    throw new StrataError('INVALID_INPUT', 'The proxy target must be an http(s) URL');
  }
  if (targetUrl.protocol !== 'http:' && targetUrl.protocol !== 'https:') throw new StrataError('INVALID_INPUT', 'The proxy target must be an http(s) URL');

  let latencyMs = checkLatency(options.latencyMs ?? 0);
  let state: RpcProxy['state'] = 'up';
  let forwarded = 0;
  let listening = false;
  const sockets = new Set<Socket>();
  const hung = new Set<http.ServerResponse>();

  /** Fails a request the way the current down mode says. */
  const fail = (res: http.ServerResponse): void => {
    if (state === 'http-503') {
      res.writeHead(503, { 'content-type': 'text/plain' }).end('rpc proxy is down');
    } else if (state === 'hang') {
      hung.add(res);
      res.on('close', () => hung.delete(res));
    } else {
      res.destroy();
    }
  };

  const server = http.createServer((req, res) => {
    if (state !== 'up') {
      req.resume();
      fail(res);
      return;
    }
    void forward(req, res);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function forward(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    // Taken down while this request waited out its latency: fail it the way new requests fail.
    if (state !== 'up') {
      fail(res);
      return;
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string' && !HOP_BY_HOP.has(name)) headers[name] = value;
    }
    try {
      forwarded += 1;
      const upstream = await fetch(targetUrl, {
        method: req.method,
        headers,
        body: req.method === 'GET' || req.method === 'HEAD' ? undefined : Buffer.concat(chunks),
      });
      const body = Buffer.from(await upstream.arrayBuffer());
      const contentType = upstream.headers.get('content-type');
      res.writeHead(upstream.status, contentType ? { 'content-type': contentType } : {}).end(body);
    } catch {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' }).end('rpc proxy: target unreachable');
    }
  }

  const dropHung = (): void => {
    for (const res of hung) res.destroy();
    hung.clear();
  };

  const dropConnections = (): void => {
    dropHung();
    for (const socket of sockets) socket.destroy();
  };

  const listen = (port: number): Promise<void> =>
    new Promise((resolve, reject) => {
      const onError = (error: NodeJS.ErrnoException): void => {
        reject(new StrataError('IO_ERROR', error.code === 'EADDRINUSE' ? `Port ${port} is already in use` : `Cannot listen on port ${port}`, { cause: error }));
      };
      server.once('error', onError);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', onError);
        listening = true;
        resolve();
      });
    });

  const stopListening = async (): Promise<void> => {
    if (!listening) return;
    listening = false;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      dropConnections();
    });
    // Let clients in this process (tests) see their pooled connections close, so that their next request is
    // refused rather than written into a dead keep-alive socket.
    await new Promise((resolve) => setTimeout(resolve, 20));
  };

  await listen(options.port ?? 0);
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  const initialDown = options.down === true ? 'refuse' : options.down || undefined;

  const proxy: RpcProxy = {
    url,
    target,
    get state() {
      return state;
    },
    get forwarded() {
      return forwarded;
    },
    get latencyMs() {
      return latencyMs;
    },
    setLatency(ms) {
      latencyMs = checkLatency(ms);
    },
    async takeDown(mode = 'refuse') {
      state = mode;
      // Keep-alive connections would otherwise carry requests past a "refusing" proxy.
      if (mode === 'refuse') await stopListening();
    },
    async bringUp() {
      const wasHanging = state === 'hang';
      state = 'up';
      // Requests held while hanging are failed, not answered late: their clients have given up on them.
      if (wasHanging) dropHung();
      if (!listening) await listen(port);
    },
    async close() {
      state = 'refuse';
      await stopListening();
    },
  };
  if (initialDown) await proxy.takeDown(initialDown);
  return proxy;
}
