/**
 * Benchmark of one-click cross-chain routes (npm run bench:route), on a fresh in-process devnet:
 * - quoting: median time of `routes.find` (through the core, as the renderer calls it) for ETH devnet-a -> USDC
 *   devnet-b (swap -> Axelar, swap -> LayerZero -> swap), USDC devnet-a -> USDC devnet-b (Axelar, swap -> LayerZero ->
 *   swap) and SBT devnet-a -> SBT devnet-b (LayerZero, swap -> Axelar -> swap), with the RPC round trips per quote
 *   counted by proxies in front of each chain; once with no added latency, once with 100 ms per request;
 * - execution: one `transfers.start` of each bridge's ETH -> USDC route (swap -> LayerZero -> swap, swap -> Axelar),
 *   with per-step times taken from the transfer events (`transfers.changed`): the app's share (quote, build, sign,
 *   journal, broadcast) next to the chain's share (block inclusion seen by the receipt poll, and the relayer's
 *   delivery).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStrataCore, type StrataCore } from '../../electron/services/app/core';
import { createRpcProxy, type RpcProxy } from '../../electron/services/devnet/rpcProxy';
import { devnetRoutingEnvironment } from '../../electron/services/routing/devnetRouting';
import { findRoutes } from '../../electron/services/routing/findRoutes';
import { startDevnet, type Devnet } from '../../electron/services/devnet/startDevnet';
import type { Route } from '../../shared/domain/route';
import { Transfer } from '../../shared/domain/transferRecord';
import type { Envelope, SecureSessionView } from '../../shared/ipc/contract';

const HARDHAT = 'test test test test test test test test test test test junk';
const PASSWORD = 'bench password';
const QUOTES = 20;
const LATENCY_MS = 100;
const LATENT_QUOTES = 5;

const PAIRS = [
  { name: 'ETH a -> USDC b', request: { from: { chain: 'devnet-a', asset: 'native', amount: '0.5' }, to: { chain: 'devnet-b', asset: 'USDC' } } },
  { name: 'USDC a -> USDC b', request: { from: { chain: 'devnet-a', asset: 'USDC', amount: '500' }, to: { chain: 'devnet-b', asset: 'USDC' } } },
  { name: 'SBT a -> SBT b', request: { from: { chain: 'devnet-a', asset: 'SBT', amount: '10' }, to: { chain: 'devnet-b', asset: 'SBT' } } },
];

/** The routes executed, each chosen by its providers (never by rank: both are ETH a -> USDC b). */
const EXECUTED = [
  { name: 'swap -> LayerZero -> swap', providers: 'uniswap-v2 layerzero-oft uniswap-v2' },
  { name: 'swap -> Axelar', providers: 'uniswap-v2 axelar-gateway' },
];

interface Bench {
  core: StrataCore;
  dataDir: string;
  /** every `transfers.changed` payload with the wall time it was emitted at */
  changes: Array<{ at: number; transfer: Transfer }>;
  value<T>(method: string, payload?: unknown): Promise<T>;
}

/** A core on a fresh data dir whose devnet chains are reached through `proxies`, with the Hardhat mnemonic imported. */
async function benchCore(devnet: Devnet, proxies: RpcProxy[]): Promise<Bench> {
  const dataDir = await mkdtemp(join(tmpdir(), 'strata-bench-route-'));
  const changes: Bench['changes'] = [];
  const core = createStrataCore({
    dataDir,
    kdf: { N: 2 ** 10 },
    devnet: { chains: devnet.chains.map((c, i) => ({ id: c.id, rpc: (proxies[i] as RpcProxy).url })), contracts: devnet.contracts },
    emit: (name, payload) => {
      if (name === 'transfers.changed') changes.push({ at: performance.now(), transfer: Transfer.parse(payload) });
    },
    secureWindow: { open: () => undefined, close: () => undefined },
  });
  const unwrap = <T>(method: string, answer: Envelope<unknown>): T => {
    if (!answer.ok) throw new Error(`${method} failed: ${answer.error.code} ${answer.error.message}`);
    return answer.value as T;
  };
  const value = async <T>(method: string, payload: unknown = {}): Promise<T> => unwrap<T>(method, await core.call(method, payload));
  const session = await value<SecureSessionView>('secure.begin', { purpose: 'import-mnemonic' });
  unwrap('secure.submitMnemonic', await core.callSecure(session.sessionId, 'secure.submitMnemonic', { mnemonic: HARDHAT, passphrase: '' }));
  await value('vault.create', { sessionId: session.sessionId, password: PASSWORD });
  return { core, dataDir, changes, value };
}

const median = (xs: number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
const ms = (x: number): string => `${x.toFixed(0)} ms`;
const forwarded = (proxies: RpcProxy[]): number => proxies.reduce((n, p) => n + p.forwarded, 0);

/** Median wall time and RPC round trips of `count` quotes of each pair. */
async function quoteRows(bench: Bench, proxies: RpcProxy[], count: number, label: string): Promise<string[][]> {
  const rows: string[][] = [];
  for (const pair of PAIRS) {
    const times: number[] = [];
    const trips: number[] = [];
    let routes = 0;
    for (let i = 0; i < count; i++) {
      const before = forwarded(proxies);
      const t0 = performance.now();
      routes = (await bench.value<Route[]>('routes.find', pair.request)).length;
      times.push(performance.now() - t0);
      trips.push(forwarded(proxies) - before);
    }
    rows.push([pair.name, label, String(count), String(routes), ms(median(times)), ms(Math.min(...times)), ms(Math.max(...times)), String(median(trips))]);
  }
  return rows;
}

/**
 * Uniswap V3 same-chain quotes (1 ETH -> USDC on devnet-a, the 0.05% pool) over the proxies: the venue's own quote
 * (getPool batch, then slot0/liquidity/QuoterV2 batch) and a whole findRoutes (plus the gas price), with the RPC
 * round trips counted and, at 100 ms per request, the wall time showing how many of them are sequential.
 */
async function uniswapV3Rows(devnet: Devnet, proxies: RpcProxy[], count: number, label: string): Promise<string[][]> {
  const env = devnetRoutingEnvironment({
    chains: devnet.chains.map((c, i) => ({ id: c.id, rpc: (proxies[i] as RpcProxy).url })),
    contracts: devnet.contracts,
    usdPrices: {},
    evmVenues: ['uniswap-v3'],
  });
  const venue = env.venues[0];
  const eth = env.assets('eip155:31337').find((a) => a.ref === 'native');
  const usdc = env.assets('eip155:31337').find((a) => a.symbol === 'USDC');
  if (!venue || !eth || !usdc) throw new Error('no Uniswap V3 venue on the devnet');
  const runs: Array<[string, () => Promise<unknown>]> = [
    ['V3 venue quote ETH->USDC a', () => venue.quote('eip155:31337', eth, usdc, 10n ** 18n)],
    ['V3 findRoutes ETH->USDC a', () => findRoutes(env, { from: { chain: 'eip155:31337', asset: 'native', amount: 10n ** 18n }, to: { chain: 'eip155:31337', asset: usdc.ref }, slippageBps: 50 })],
  ];
  const rows: string[][] = [];
  for (const [name, run] of runs) {
    await run();
    const times: number[] = [];
    const trips: number[] = [];
    for (let i = 0; i < count; i++) {
      const before = forwarded(proxies);
      const t0 = performance.now();
      await run();
      times.push(performance.now() - t0);
      trips.push(forwarded(proxies) - before);
    }
    rows.push([name, label, String(count), '1', ms(median(times)), ms(Math.min(...times)), ms(Math.max(...times)), String(median(trips))]);
  }
  return rows;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] as number)).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** The wall time (ms) of the first transfer event from index `from` on that passes `test`, or null. */
function firstSeen(bench: Bench, from: number, test: (t: Transfer) => boolean): number | null {
  return bench.changes.slice(from).find((c) => test(c.transfer))?.at ?? null;
}

/** Runs the ETH a -> USDC b route made of `executed.providers` once and prints the app's and the chain's time per step. */
async function executeRoute(bench: Bench, proxies: RpcProxy[], accountId: string, executed: (typeof EXECUTED)[number]): Promise<void> {
  const routes = await bench.value<Route[]>('routes.find', { ...PAIRS[0]?.request, slippagePercent: 1 });
  const route = routes.find((r) => r.steps.map((step) => step.provider).join(' ') === executed.providers);
  if (!route) throw new Error(`no ${executed.name} route`);
  const tripsBefore = forwarded(proxies);
  const t0 = performance.now();
  const seenBefore = bench.changes.length;
  const created = await bench.value<Transfer>('transfers.start', { routeId: route.id, accountId });
  let done = created;
  while (done.status === 'running' && performance.now() - t0 < 30_000) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    done = await bench.value<Transfer>('transfers.get', { id: created.id });
  }
  const total = performance.now() - t0;
  if (done.status !== 'completed') throw new Error(`the transfer ended ${done.status}`);

  const rows: string[][] = [];
  let previousEnd = t0;
  for (const [i, step] of done.steps.entries()) {
    const routeStep = route.steps[i];
    const inState = (states: string[]) => firstSeen(bench, seenBefore, (t) => t.id === created.id && states.includes(t.steps[i]?.state ?? ''));
    const confirmedAt = inState(['confirmed', 'delivering', 'delivered']) ?? previousEnd;
    // Chain time of each call: from its first `submitted` event to the event where it is `confirmed`.
    let inclusion = 0;
    for (const [c] of step.calls.entries()) {
      const submitted = firstSeen(bench, seenBefore, (t) => t.id === created.id && t.steps[i]?.calls[c]?.state === 'submitted');
      const confirmed = firstSeen(bench, seenBefore, (t) => t.id === created.id && t.steps[i]?.calls[c]?.state === 'confirmed');
      if (submitted !== null && confirmed !== null) inclusion += confirmed - submitted;
    }
    const active = confirmedAt - previousEnd;
    const deliveringAt = inState(['delivering']);
    const deliveredAt = inState(['delivered']);
    const delivery = deliveringAt !== null && deliveredAt !== null ? deliveredAt - deliveringAt : null;
    rows.push([
      `${i + 1} ${routeStep?.kind} ${routeStep?.provider}`,
      step.calls.map((c) => c.label.split(' ')[0]).join('+'),
      ms(active - inclusion),
      ms(inclusion),
      delivery === null ? '-' : ms(delivery),
      `${step.expectedSeconds} s`,
    ]);
    previousEnd = deliveredAt ?? confirmedAt;
  }
  console.log(`\nExecution of ${PAIRS[0]?.name} 0.5 over ${executed.name} (transfers.start -> completed in ${ms(total)}, ${forwarded(proxies) - tripsBefore} RPC round trips)\n`);
  console.log(table(['step', 'calls', 'app (quote+sign+journal+send)', 'chain (inclusion)', 'chain (relayer delivery)', 'route eta'], rows));
}

async function main(): Promise<void> {
  const started = performance.now();
  const devnet = await startDevnet();
  const proxies = await Promise.all(devnet.chains.map((c) => createRpcProxy(c.rpc)));
  let bench: Bench | undefined;
  try {
    console.log(`devnet up in ${ms(performance.now() - started)}`);
    bench = await benchCore(devnet, proxies);
    // One warm-up quote each: the first call opens the wallet (files, chain directory) and is not a quote's cost.
    for (const pair of PAIRS) await bench.value<Route[]>('routes.find', pair.request);
    const quotes = await quoteRows(bench, proxies, QUOTES, '0 ms');
    for (const p of proxies) p.setLatency(LATENCY_MS);
    quotes.push(...(await quoteRows(bench, proxies, LATENT_QUOTES, `${LATENCY_MS} ms`)));
    quotes.push(...(await uniswapV3Rows(devnet, proxies, LATENT_QUOTES, `${LATENCY_MS} ms`)));
    for (const p of proxies) p.setLatency(0);
    quotes.push(...(await uniswapV3Rows(devnet, proxies, QUOTES, '0 ms')));
    console.log('\nQuoting (routes.find through the core; V3 rows straight on the venue and findRoutes; round trips counted at the RPC proxies)\n');
    console.log(table(['pair', 'rpc latency', 'quotes', 'routes', 'median', 'min', 'max', 'rpc trips/quote'], quotes));

    const accountId = ((await bench.value<Array<{ id: string }>>('accounts.list'))[0] as { id: string }).id;
    for (const executed of EXECUTED) await executeRoute(bench, proxies, accountId, executed);
    console.log(`\nbench:route took ${ms(performance.now() - started)}`);
  } finally {
    await Promise.all(proxies.map((p) => p.close()));
    await devnet.stop();
    if (bench) await rm(bench.dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
