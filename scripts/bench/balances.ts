/**
 * Benchmark of balance refreshes (npm run bench:balances): 20 accounts × 2 devnet chains × 10 ERC-20 tokens (USDC,
 * WETH and 8 more deployed here) plus the native coin, with 100 ms of latency injected in front of each chain's RPC.
 * Compares the adapter's Multicall3 refresh (one eth_call per chain) with a naive one-call-per-balance loop
 * (eth_getBalance / eth_call balanceOf per pair, one after another) and with the pair-by-pair fallback (8 in flight).
 * Round trips are counted by the latency proxies; every method must return the same balances. The first refresh is
 * measured with new RPC clients each time (each endpoint's eth_chainId check rides in the batch of its first eth_call).
 * The last line is one JSON object for tools (`npm run bench:balances -- --json` prints the same):
 * {"bench":"balances","results":[{"measure":"first-refresh","roundTrips":…,"medianMs":…},{"measure":"later-refresh",…}]},
 * roundTrips per chain (the chains are read in parallel).
 */
import type { AssetInfo } from '../../shared/domain/asset';
import type { ChainInfo } from '../../shared/domain/chain';
import type { DeployStep } from '../../electron/services/devnet/deploy/deployStep';
import { DEPLOY_STEPS } from '../../electron/services/devnet/deploy/deploySteps';
import { devnetChains } from '../../electron/services/devnet/devnetChains';
import type { RpcProxy } from '../../electron/services/devnet/rpcProxy';
import { startDevnet, type Devnet } from '../../electron/services/devnet/startDevnet';
import type { BalanceRead } from '../../electron/services/evm/balanceRead';
import { createChainClients } from '../../electron/services/chains/chainClients';
import { createEvmAdapter, type EvmChainAdapter } from '../../electron/services/evm/createEvmAdapter';
import { encodeBalanceOf } from '../../electron/services/evm/erc20Abi';
import { getEvmBalancesOneByOne } from '../../electron/services/evm/getEvmBalancesOneByOne';
import { parseEvmAsset } from '../../electron/services/evm/parseEvmAsset';
import { createFailoverRpc } from '../../electron/services/rpc/createFailoverRpc';

const LATENCY_MS = 100;
const ACCOUNTS = 20;
const EXTRA_TOKENS = 8;

/** Eight more DevnetTokens at CREATE2 addresses of their own, each minted to every user account (deployer pays). */
const benchTokensStep: DeployStep = {
  name: 'bench-tokens',
  async run(ctx) {
    const { abi } = ctx.artifact('DevnetToken');
    for (let t = 1; t <= EXTRA_TOKENS; t++) {
      const decimals = [6, 8, 18][t % 3] as number;
      const address = await ctx.deploy(`strata.bench.token.${t}`, 'DevnetToken', [`Bench Token ${t}`, `BT${t}`, decimals]);
      ctx.contracts[`bench${t}`] = address;
      for (const [i, account] of ctx.accounts.entries()) {
        if ((i + t) % 4 === 0) continue; // some zero balances too
        await ctx.write(address, abi, 'mint', [account, BigInt((i + 1) * t) * 10n ** BigInt(decimals)]);
      }
    }
  },
};

function assetsOf(devnet: Devnet, chain: ChainInfo): AssetInfo[] {
  const token = (ref: string, symbol: string): AssetInfo => ({ chain: chain.id, ref, symbol, name: symbol, decimals: 18, priceId: null });
  return [
    token('native', 'ETH'),
    token(devnet.contracts.usdc, 'USDC'),
    token(devnet.contracts.weth, 'WETH'),
    ...Array.from({ length: EXTRA_TOKENS }, (_, i) => token(devnet.contracts[`bench${i + 1}`] as string, `BT${i + 1}`)),
  ];
}

/** The naive refresh: one request per (address, asset), one after another. */
async function naiveLoop(url: string, addresses: string[], assets: AssetInfo[]): Promise<bigint[][]> {
  const call = createFailoverRpc([url], { timeoutMs: 30_000 }).request;
  const rows: bigint[][] = [];
  for (const address of addresses) {
    const row: bigint[] = [];
    for (const asset of assets) {
      if (asset.ref === 'native') row.push(BigInt(await call<string>('eth_getBalance', [address, 'latest'])));
      else row.push(BigInt(await call<string>('eth_call', [{ to: asset.ref, data: encodeBalanceOf(address) }, 'latest'])));
    }
    rows.push(row);
  }
  return rows;
}

function amounts(reads: BalanceRead[][]): bigint[][] {
  return reads.map((row) => row.map((read) => (read.ok ? read.amount : -1n)));
}

interface Row {
  method: string;
  roundTrips: number;
  ms: number;
}

async function measure(proxies: RpcProxy[], method: string, run: () => Promise<bigint[][][]>, expected: bigint[][][] | null): Promise<{ row: Row; result: bigint[][][] }> {
  const before = proxies.reduce((sum, p) => sum + p.forwarded, 0);
  const started = performance.now();
  const result = await run();
  const ms = performance.now() - started;
  const roundTrips = proxies.reduce((sum, p) => sum + p.forwarded, 0) - before;
  if (expected !== null && JSON.stringify(result, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) !== JSON.stringify(expected, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))) {
    throw new Error(`${method} returned different balances`);
  }
  return { row: { method, roundTrips, ms }, result };
}

async function main(): Promise<void> {
  const started = performance.now();
  const devnet = await startDevnet({ steps: [...DEPLOY_STEPS, benchTokensStep] });
  try {
    const setupMs = performance.now() - started;
    const chains = devnetChains() as [ChainInfo, ChainInfo];
    const proxies = await Promise.all(devnet.chains.map((c) => devnet.rpcProxy(c.alias, { latencyMs: LATENCY_MS })));
    const addresses = devnet.accounts.slice(0, ACCOUNTS);
    const perChain = chains.map((chain, i) => ({ chain, url: (proxies[i] as RpcProxy).url, assets: assetsOf(devnet, chain) }));
    const pairs = perChain.reduce((sum, c) => sum + addresses.length * c.assets.length, 0);

    const refresh = (adapter: EvmChainAdapter) => () => Promise.all(perChain.map((c) => adapter.readBalances({ chain: c.chain, endpoints: [c.url] }, addresses, c.assets).then(amounts)));
    const rows: Row[] = [];
    const first = await measure(proxies, 'first', refresh(createEvmAdapter({ clients: createChainClients() })), null);
    const expected = first.result;
    if (expected.flat(2).some((v) => v < 0n)) throw new Error('a Multicall3 sub-call failed');
    // A first refresh with new clients each time (the app's start, or new endpoints): median of five.
    const cold: Row[] = [first.row];
    for (let i = 0; i < 4; i++) cold.push((await measure(proxies, 'first', refresh(createEvmAdapter({ clients: createChainClients() })), expected)).row);
    cold.sort((a, b) => a.ms - b.ms);
    rows.push({ ...(cold[2] as Row), method: 'Multicall3, first refresh (eth_chainId + eth_call in one batch per chain), median of 5' });
    const multicall = refresh(createEvmAdapter({ clients: createChainClients() }));
    await multicall();
    // Warm refreshes vary with the machine's load: report the median of five.
    const warm: Row[] = [];
    for (let i = 0; i < 5; i++) warm.push((await measure(proxies, 'Multicall3, next refresh (one eth_call per chain), median of 5', multicall, expected)).row);
    warm.sort((a, b) => a.ms - b.ms);
    rows.push(warm[2] as Row);
    rows.push(
      (
        await measure(
          proxies,
          'pair by pair, 8 in flight per chain (the no-Multicall3 fallback)',
          () => Promise.all(perChain.map((c) => getEvmBalancesOneByOne(createFailoverRpc([c.url]).request, addresses, c.assets.map((a) => parseEvmAsset(a))).then(amounts))),
          expected,
        )
      ).row,
    );
    rows.push((await measure(proxies, 'naive loop: one call per balance, in sequence (chains in parallel)', () => Promise.all(perChain.map((c) => naiveLoop(c.url, addresses, c.assets))), expected)).row);

    console.log(`Balances: ${addresses.length} accounts × ${chains.length} chains × (native + ${perChain[0]?.assets.length ? perChain[0].assets.length - 1 : 0} tokens) = ${pairs} balances, ${LATENCY_MS} ms latency per RPC request`);
    const nonZero = expected.flat(2).filter((v) => v > 0n).length;
    console.log(`(devnet with ${EXTRA_TOKENS} extra tokens started and funded in ${(setupMs / 1000).toFixed(1)} s; ${nonZero} of the balances are non-zero; all methods agree)\n`);
    const width = Math.max(...rows.map((r) => r.method.length));
    console.log(`${'method'.padEnd(width)} | round trips | wall time`);
    console.log(`${'-'.repeat(width)}-|-------------|----------`);
    for (const row of rows) console.log(`${row.method.padEnd(width)} | ${String(row.roundTrips).padStart(11)} | ${(row.ms / 1000).toFixed(2).padStart(7)} s`);
    const naive = rows[rows.length - 1] as Row;
    const next = rows[1] as Row;
    console.log(`\nMulticall3 refresh: ${naive.roundTrips / next.roundTrips}× fewer round trips, ${(naive.ms / next.ms).toFixed(0)}× faster than the naive loop.`);
    const perChainTrips = (row: Row) => row.roundTrips / chains.length;
    const results = [
      { measure: 'first-refresh', roundTrips: perChainTrips(rows[0] as Row), medianMs: Math.round((rows[0] as Row).ms), chains: chains.length, runs: 5 },
      { measure: 'later-refresh', roundTrips: perChainTrips(next), medianMs: Math.round(next.ms), chains: chains.length, runs: 5 },
    ];
    console.log(JSON.stringify({ bench: 'balances', latencyMs: LATENCY_MS, results }));
  } finally {
    await devnet.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
