import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { StrataError } from '../../../shared/errors';
import type { JsonRpcRequest, JsonRpcResponse } from './jsonRpc';

export interface JsonRpcServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Contract deployments are the largest requests; LayerZero and Uniswap bytecode stays far below this. */
const MAX_BODY_BYTES = 16 * 1024 * 1024;

/**
 * Serves JSON-RPC over HTTP POST on 127.0.0.1 (single requests and batches, answered in order). Port 0 picks a free
 * port. Only loopback: a devnet's accounts have public keys, anyone on the network could spend them.
 * @throws StrataError IO_ERROR when the port is taken
 */
export async function serveJsonRpc(handle: (request: JsonRpcRequest) => Promise<JsonRpcResponse>, port: number): Promise<JsonRpcServer> {
  const server = http.createServer((req, res) => {
    // Browsers (the renderer in development) call local nodes directly; a devnet has nothing to protect by CORS.
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-allow-headers', 'content-type');
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    void readBody(req)
      .then(async (body) => {
        const answer = await answerBody(body, handle);
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
      })
      .catch(() => {
        if (!res.headersSent) res.writeHead(413).end();
        else res.destroy();
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new StrataError('IO_ERROR', `Port ${port} is already in use`, { cause: error })
          : new StrataError('IO_ERROR', `Cannot listen on 127.0.0.1:${port}`, { cause: error }),
      );
    });
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actualPort}`,
    port: actualPort,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive connections would hold close() open until their clients give up.
        server.closeAllConnections();
      }),
  };
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function errorResponse(id: unknown, code: number, message: string): JsonRpcResponse {
  return { jsonrpc: '2.0', id, error: { code, message } };
}

function isRequest(value: unknown): value is JsonRpcRequest {
  return typeof value === 'object' && value !== null && typeof (value as { method?: unknown }).method === 'string';
}

async function answerOne(value: unknown, handle: (request: JsonRpcRequest) => Promise<JsonRpcResponse>): Promise<JsonRpcResponse> {
  if (!isRequest(value)) return errorResponse((value as { id?: unknown } | null)?.id ?? null, -32600, 'Invalid request');
  try {
    return await handle(value);
  } catch (error) {
    return errorResponse(value.id ?? null, -32603, error instanceof Error ? error.message : 'Internal error');
  }
}

async function answerBody(body: string, handle: (request: JsonRpcRequest) => Promise<JsonRpcResponse>): Promise<JsonRpcResponse | JsonRpcResponse[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return errorResponse(null, -32700, 'Parse error');
  }
  if (!Array.isArray(parsed)) return answerOne(parsed, handle);
  if (parsed.length === 0) return errorResponse(null, -32600, 'Empty batch');
  // In order, one at a time: a batch of transactions from one sender must keep its nonce order.
  const answers: JsonRpcResponse[] = [];
  for (const item of parsed) answers.push(await answerOne(item, handle));
  return answers;
}
