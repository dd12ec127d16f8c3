import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devnetDeploymentRows } from '../../electron/services/devnet/devnetDeployments';
import { startDevnet, type Devnet } from '../../electron/services/devnet/startDevnet';
import { MAINNET_DEPLOYMENTS } from '../../electron/services/deployments/mainnetDeployments';
import { findRoutes } from '../../electron/services/routing/findRoutes';
import { devnetRoutingEnvironment } from '../../electron/services/routing/devnetRouting';
import { findRoutesFor, routingEnvironment } from '../../electron/services/wallet/routeQuery';
import { resolveChain } from '../../electron/services/chains/chainRegistry';
import { devnetProviders, jsonCli } from '../support/devnetKit';
import { uniswapV2Out, uniswapV3Out } from '../support/devnetSwapQuotes';
import { expectStrataRejection } from '../unit/expectStrataError';

const E18 = 10n ** 18n;
const DEVNET_A = 'eip155:31337';
// Nothing listens on port 9 (discard) here: every mainnet endpoint is down, as offline.
const DEAD = 'http://127.0.0.1:9';
const offline = { endpoints: () => [DEAD], rpcOptions: { timeoutMs: 1_000 } };
const directory = { resolve: (name: string) => resolveChain(name) };

let devnet: Devnet;

beforeAll(async () => {
  devnet = await startDevnet();
});

afterAll(async () => {
  await devnet?.stop();
});

describe('one routing environment from (chains, deployment rows, RPC clients)', () => {
  it('routes a same-chain devnet swap through Uniswap V3 and V2 when the rows carry both; V3\'s 0.05% pool pays more', async () => {
    const env = devnetRoutingEnvironment({ chains: devnet.chains, contracts: devnet.contracts, usdPrices: { ethereum: '3000', 'usd-coin': '1' }, evmVenues: ['uniswap-v3', 'uniswap-v2'] });
    const routes = await findRoutes(env, { from: { chain: DEVNET_A, asset: 'native', amount: E18 }, to: { chain: DEVNET_A, asset: devnet.contracts.usdc as string }, slippageBps: 50 });
    expect(routes.map((r) => [r.route.steps.map((s) => s.provider), r.route.amountOut, r.route.priceImpactBps])).toEqual([
      [['uniswap-v3'], '2988543170', 38],
      // test/swap/uniswapV2Swap.test.ts: 1 ETH into the 1,000 ETH : 3,000,000 USDC pair.
      [['uniswap-v2'], '2988020943', 39],
    ]);
    expect(routes[0]?.route.steps[0]?.fees.map((f) => [f.kind, f.asset.symbol, f.amount])).toEqual([
      ['gas', 'ETH', expect.stringMatching(/^[1-9][0-9]*$/)],
      ['swap', 'ETH', (E18 / 2000n).toString()],
    ]);
  });

  it('by default routes the devnet through Uniswap V3 and V2; evmVenues narrows it to one', async () => {
    const env = devnetRoutingEnvironment({ chains: devnet.chains, contracts: devnet.contracts, usdPrices: {} });
    expect(env.venues.map((v) => v.id)).toEqual(['uniswap-v3', 'uniswap-v2']);
    const v2 = devnetRoutingEnvironment({ chains: devnet.chains, contracts: devnet.contracts, usdPrices: {}, evmVenues: ['uniswap-v2'] });
    expect(v2.venues.map((v) => v.id)).toEqual(['uniswap-v2']);
  });

  it('gives the app one environment: devnet rows from the state file, mainnet EVM chains with the registry\'s Uniswap V3, Cosmos chains', async () => {
    const deployments = devnetDeploymentRows(devnet.chains, devnet.contracts);
    const env = await routingEnvironment({ chains: devnet.chains, contracts: devnet.contracts, deployments }, { getPrices: async () => ({}) }, offline);
    expect(env.venues.map((v) => v.id)).toEqual(['uniswap-v3', 'uniswap-v2', 'osmosis-poolmanager']);
    expect(env.chains.map((c) => c.id).slice(0, 9)).toEqual([DEVNET_A, 'eip155:31338', ...MAINNET_DEPLOYMENTS.map((r) => r.chain)]);
    const arbitrum = env.assets('eip155:42161').map((a) => a.symbol);
    expect(arbitrum.slice(0, 3)).toEqual(['ETH', 'USDC', 'axlUSDC']);
    const v3 = env.venues[0];
    expect(v3?.pairs('eip155:42161').some((p) => p.tokenIn.ref === 'native' && p.tokenOut.symbol === 'USDC')).toBe(true);
    // The devnet's own rows carry its V3 pools too: ETH -> USDC on it is a pair of both venues.
    expect(v3?.pairs(DEVNET_A).some((p) => p.tokenIn.ref === 'native' && p.tokenOut.symbol === 'USDC')).toBe(true);
    const withDevnet = { resolve: (name: string) => env.chains.find((c) => c.id === name) ?? resolveChain(name) };
    const sameChain = await findRoutesFor(env, withDevnet, { from: { chain: DEVNET_A, asset: 'ETH', amount: '1' }, to: { chain: DEVNET_A, asset: 'USDC' }, slippagePercent: 0.5, sort: 'amount' });
    // each venue's amount is its own contracts' quote, read here on the chain; V3's 0.05% pool pays more
    const provider = devnetProviders(devnet)[DEVNET_A];
    const [v3Out, v2Out] = [await uniswapV3Out(devnet.contracts, provider, 'native', devnet.contracts.usdc as string, E18), await uniswapV2Out(devnet.contracts, provider, 'native', devnet.contracts.usdc as string, E18)];
    provider.destroy();
    expect(v3Out > v2Out).toBe(true);
    expect(sameChain.map((r) => [r.route.steps.map((s) => s.provider), r.route.amountOut])).toEqual([
      [['uniswap-v3'], v3Out.toString()],
      [['uniswap-v2'], v2Out.toString()],
    ]);
  });

  it('says RPC_UNAVAILABLE, not UNKNOWN_ASSET or NO_ROUTE, for ETH -> USDC on Arbitrum when no endpoint answers', async () => {
    const env = await routingEnvironment(undefined, { getPrices: async () => ({}) }, offline);
    await expectStrataRejection(
      findRoutesFor(env, directory, { from: { chain: 'arbitrum', asset: 'ETH', amount: '0.1' }, to: { chain: 'arbitrum', asset: 'USDC' }, slippagePercent: 0.5, sort: 'amount' }),
      'RPC_UNAVAILABLE',
    );
  });

  it('strata route --from arbitrum:ETH --to arbitrum:USDC offline exits 1 with RPC_UNAVAILABLE naming the endpoint', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'strata-route-offline-'));
    // The user's endpoint for Arbitrum (what `strata chains set-rpc` saves), down.
    await writeFile(join(dir, 'chains.json'), JSON.stringify({ version: 1, rpcOverrides: { 'eip155:42161': [DEAD] }, customChains: [] }));
    const cli = jsonCli(() => ({ STRATA_DEVNET_DIR: join(dir, 'no-devnet') }));
    const result = await cli(['route', '--from', 'arbitrum:ETH', '--to', 'arbitrum:USDC', '--amount', '0.1', '--dir', dir]);
    expect(result.code).toBe(1);
    expect(result.json).toMatchObject({ error: { code: 'RPC_UNAVAILABLE' } });
    expect(JSON.stringify(result.json)).toContain('127.0.0.1:9');
  });
});
