/**
 * Tests never reach a public RPC or API (they run the real thing locally, or skip). Code under test often swallows a
 * failed request (a price that cannot be had leaves fees without USD), so a refusal alone would go unnoticed: every
 * fetch to a host other than this machine is refused AND fails the test that made it.
 */
import { afterEach } from 'vitest';

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
const attempts: string[] = [];
const realFetch = globalThis.fetch;

globalThis.fetch = (async (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
  const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
  if (!LOCAL_HOSTS.has(url.hostname)) {
    attempts.push(`${url.protocol}//${url.host}${url.pathname}`);
    throw new TypeError(`fetch failed: tests may not reach ${url.host} (use a local stand-in)`);
  }
  return realFetch(input, init);
}) as typeof fetch;

afterEach(() => {
  if (attempts.length === 0) return;
  const seen = attempts.splice(0);
  throw new Error(`This test tried to reach the public network: ${[...new Set(seen)].join(', ')}`);
});
