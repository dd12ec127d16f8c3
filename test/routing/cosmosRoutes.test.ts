/**
 * The router over Cosmos chains (IBC, Osmosis) with stand-in nodes answering the real cosmjs clients: the routes the
 * issue names are found and quoted with exact amounts, fees from chain-registry gas prices, and ETAs; `strata route`
 * prints them in the same shape as EVM routes.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Route } from '../../shared/domain/route';
import { runCli } from '../../electron/cli/main';
import { resolveChain } from '../../electron/services/chains/chainRegistry';
import { findRoutes, type RoutingEnvironment } from '../../electron/services/routing/findRoutes';
import { cosmosRoutingEnvironment } from '../../electron/services/routing/cosmosRouting';
import { findRoutesFor } from '../../electron/services/wallet/routeQuery';
import { expectStrataRejection } from '../unit/expectStrataError';
import { startCosmosStandIns, type StandIns } from '../cosmos/support/cosmosStandIns';
import { deadEndpoint } from '../cosmos/support/scriptedCometNode';
import { createCosmosRpc } from '../../electron/services/cosmos/rpc/createCosmosRpc';

const ATOM_ON_OSMOSIS = 'ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2';
const USDC_ON_OSMOSIS = 'ibc/498A0751C798A0D9A389AA3691123DADA57DAA4FE165D5C75894505B876BA6E4';
const USDC_ON_COSMOSHUB = 'ibc/F663521BF1836B00F5F177680F74BFB9A8B5654A694D0D2BC249E03CF2509013';
const PRICES = { cosmos: '5', osmosis: '0.5', 'usd-coin': '1' };

let standIns: StandIns;
let env: RoutingEnvironment;
const directory = { resolve: resolveChain };
const shape = (r: Route) => r.steps.map((s) => `${s.kind}:${s.provider}:${s.fromChain}/${s.assetIn.symbol}>${s.toChain}/${s.assetOut.symbol}`);

beforeAll(async () => {
  standIns = await startCosmosStandIns();
  env = cosmosRoutingEnvironment({ cosmosRpc: (id) => standIns.rpcOf(id), usdPrices: PRICES });
});

afterAll(async () => {
  await standIns.close();
});

describe('findRoutes over Cosmos chains', () => {
  it('osmosis:OSMO -> cosmoshub:ATOM: swap on Osmosis, then IBC home to the Hub', async () => {
    const [route, ...others] = await findRoutesFor(env, directory, { from: { chain: 'osmosis', asset: 'OSMO', amount: '100' }, to: { chain: 'cosmoshub', asset: 'ATOM' }, slippagePercent: 1, sort: 'amount' });
    expect(others).toEqual([]);
    const r = route!.route;
    expect(shape(r)).toEqual(['swap:osmosis-poolmanager:cosmos:osmosis-1/OSMO>cosmos:osmosis-1/ATOM', 'bridge:ibc-transfer:cosmos:osmosis-1/ATOM>cosmos:cosmoshub-4/ATOM']);
    expect(r.steps[1]?.assetOut.ref).toBe('native');
    // pool 1 at 0.2%: 1e9 · 99.8e6 / (1e10 + 99.8e6) = 9881383; IBC delivers it all
    expect([r.steps[0]?.amountOut, r.steps[1]?.amountIn, r.amountOut]).toEqual(['9881383', '9881383', '9881383']);
    // 1% below the swap's output; the IBC step carries that minimum unchanged
    expect(r.minAmountOut).toBe('9782569');
    // gas at Osmosis' average price 0.1 uosmo: swap 350000 -> 35000, transfer 150000 -> 15000; swap fee 0.2% of 100 OSMO
    expect(r.fees.map((f) => [f.kind, f.chain, f.asset.symbol, f.amount, f.usd])).toEqual([
      ['gas', 'cosmos:osmosis-1', 'OSMO', '35000', '0.02'],
      ['swap', 'cosmos:osmosis-1', 'OSMO', '200000', '0.10'],
      ['gas', 'cosmos:osmosis-1', 'OSMO', '15000', '0.01'],
    ]);
    // 0.0175 + 0.1 + 0.0075 = 0.125, half up
    expect(r.totalFeesUsd).toBe('0.13');
    expect(r.etaSeconds).toBe(12 + 45);
    expect(r.priceImpactBps).toBe(97);
  });

  it('noble:USDC -> osmosis:OSMO: IBC to Osmosis, then swap (gas in USDC on Noble)', async () => {
    const [route, ...others] = await findRoutesFor(env, directory, { from: { chain: 'noble', asset: 'USDC', amount: '25' }, to: { chain: 'osmosis', asset: 'OSMO' }, slippagePercent: 0.5, sort: 'amount' });
    expect(others).toEqual([]);
    const r = route!.route;
    expect(shape(r)).toEqual(['bridge:ibc-transfer:cosmos:noble-1/USDC>cosmos:osmosis-1/USDC', 'swap:osmosis-poolmanager:cosmos:osmosis-1/USDC>cosmos:osmosis-1/OSMO']);
    expect(r.steps[0]?.assetOut.ref).toBe(USDC_ON_OSMOSIS);
    // pool 1464 at 0.05%: 2e10 · 24987500 / (1e10 + 24987500)
    expect(r.amountOut).toBe(((20_000_000_000n * 24_987_500n) / (10_000_000_000n + 24_987_500n)).toString());
    expect(r.fees[0]).toMatchObject({ kind: 'gas', chain: 'cosmos:noble-1', amount: '15000', usd: '0.02' });
    expect(r.etaSeconds).toBe(45 + 12);
  });

  it('cosmoshub:ATOM -> noble:USDC: IBC to Osmosis, swap there, IBC home to Noble', async () => {
    const found = await findRoutesFor(env, directory, { from: { chain: 'cosmoshub', asset: 'ATOM', amount: '10' }, to: { chain: 'noble', asset: 'USDC' }, slippagePercent: 1, sort: 'amount' });
    expect(found.map((f) => shape(f.route))).toEqual([[
      'bridge:ibc-transfer:cosmos:cosmoshub-4/ATOM>cosmos:osmosis-1/ATOM',
      'swap:osmosis-poolmanager:cosmos:osmosis-1/ATOM>cosmos:osmosis-1/USDC',
      'bridge:ibc-transfer:cosmos:osmosis-1/USDC>cosmos:noble-1/USDC',
    ]]);
    const r = found[0]!.route;
    expect(r.steps[0]?.assetOut.ref).toBe(ATOM_ON_OSMOSIS);
    expect(r.steps[2]?.assetOut.ref).toBe('native');
    // pool 1282 at 0.05%: 5e9 · 9995000 / (1e9 + 9995000) = 49480442
    expect(r.amountOut).toBe('49480442');
    // Hub gas at 0.025 uatom (150000 -> 3750), Osmosis at 0.1 uosmo
    expect(r.fees.filter((f) => f.kind === 'gas').map((f) => [f.chain, f.amount])).toEqual([['cosmos:cosmoshub-4', '3750'], ['cosmos:osmosis-1', '35000'], ['cosmos:osmosis-1', '15000']]);
    expect(r.etaSeconds).toBe(45 + 12 + 45);
  });

  it('routes Noble USDC on Osmosis to the Hub home-then-forward through Noble (PFM): one-hop USDC arrives', async () => {
    const routes = await findRoutes(env, { from: { chain: 'cosmos:osmosis-1', asset: USDC_ON_OSMOSIS, amount: 3_000_000n }, to: { chain: 'cosmos:cosmoshub-4', asset: USDC_ON_COSMOSHUB }, slippageBps: 50 });
    expect(routes.map((f) => shape(f.route))).toEqual([['bridge:ibc-transfer:cosmos:osmosis-1/USDC>cosmos:cosmoshub-4/USDC']]);
    expect(routes[0]?.route).toMatchObject({ amountOut: '3000000', minAmountOut: '3000000', etaSeconds: 90 });
  });

  it('has no route where no channel or pool leads, and says which chain is unreachable', async () => {
    await expectStrataRejection(
      findRoutesFor(env, directory, { from: { chain: 'cosmoshub', asset: 'ATOM', amount: '1' }, to: { chain: 'celestia', asset: 'TIA' }, slippagePercent: 1, sort: 'amount' }),
      'NO_ROUTE',
      /^No route from ATOM on Cosmos Hub to TIA on Celestia$/,
    );
    // Osmosis' node is not reachable: the only candidate cannot be quoted, and the RPC is named.
    const dead = await deadEndpoint();
    const offline = cosmosRoutingEnvironment({ cosmosRpc: (id) => (id === 'cosmos:osmosis-1' ? createCosmosRpc([dead], resolveChain('osmosis'), { timeoutMs: 1_000 }) : standIns.rpcOf(id)), usdPrices: {} });
    await expectStrataRejection(
      findRoutesFor(offline, directory, { from: { chain: 'noble', asset: 'USDC', amount: '1' }, to: { chain: 'osmosis', asset: 'OSMO' }, slippagePercent: 1, sort: 'amount' }),
      'RPC_UNAVAILABLE',
      /Osmosis/,
    );
    await expectStrataRejection(
      findRoutesFor(env, directory, { from: { chain: 'osmosis', asset: 'NOPE', amount: '1' }, to: { chain: 'noble', asset: 'USDC' }, slippagePercent: 1, sort: 'amount' }),
      'UNKNOWN_ASSET',
    );
  });
});

describe('strata route with Cosmos chains', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'strata-cosmos-route-'));
    const rpcOverrides = Object.fromEntries(Object.values(standIns.chains).map((c) => [`cosmos:${c.network}`, [c.url]]));
    await writeFile(join(dir, 'chains.json'), JSON.stringify({ version: 1, rpcOverrides, customChains: [] }));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const cli = async (argv: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = await runCli(argv, { stdin: async () => '', env: { STRATA_DEVNET_DIR: join(dir, 'no-devnet') }, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
    return { code, stdout, stderr };
  };

  it('prints {"routes": [...]} for cosmoshub:ATOM -> noble:USDC over the configured RPCs', async () => {
    const { code, stdout } = await cli(['route', '--dir', dir, '--from', 'cosmoshub:ATOM', '--to', 'noble:USDC', '--amount', '10', '--slippage', '1', '--json']);
    expect(code).toBe(0);
    const { routes } = JSON.parse(stdout) as { routes: Route[] };
    expect(routes.map(shape)).toEqual([[
      'bridge:ibc-transfer:cosmos:cosmoshub-4/ATOM>cosmos:osmosis-1/ATOM',
      'swap:osmosis-poolmanager:cosmos:osmosis-1/ATOM>cosmos:osmosis-1/USDC',
      'bridge:ibc-transfer:cosmos:osmosis-1/USDC>cosmos:noble-1/USDC',
    ]]);
    expect(Object.keys(routes[0]!).sort()).toEqual(['amountIn', 'amountOut', 'etaSeconds', 'fees', 'id', 'minAmountOut', 'priceImpactBps', 'steps', 'totalFeesUsd', 'warnings']);
    expect(routes[0]).toMatchObject({ amountIn: '10000000', amountOut: '49480442', totalFeesUsd: null });
  });

  it('prints the route in words without --json, and an error for an unknown asset', async () => {
    const { code, stdout } = await cli(['route', '--dir', dir, '--from', 'osmosis:OSMO', '--to', 'cosmoshub:ATOM', '--amount', '100']);
    expect(code).toBe(0);
    expect(stdout).toBe('0: swap OSMO→ATOM (osmosis-poolmanager) → bridge ATOM→ATOM (ibc-transfer)  gets 9.881383 ATOM, ~57 s\n');
    const bad = await cli(['route', '--dir', dir, '--from', 'osmosis:NOPE', '--to', 'cosmoshub:ATOM', '--amount', '1', '--json']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ error: { code: 'UNKNOWN_ASSET' } });
  });
});
