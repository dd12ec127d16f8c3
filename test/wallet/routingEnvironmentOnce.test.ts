/**
 * One search and one start of a cross-chain swap on the devnet build the routing environment once and ask prices
 * once: the start (funds check through the chain adapter) and the run reuse the search's environment and its RPC
 * clients. Counted on the real code paths: the devnet's part of the environment (devnetNetworks), every EVM RPC client construction and every
 * PriceService.getPrices call.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startDevnet, type Devnet } from '../../electron/services/devnet/startDevnet';
import * as createEvmRpcModule from '../../electron/services/evm/createEvmRpc';
import { PriceService } from '../../electron/services/prices/priceService';
import * as devnetRoutingModule from '../../electron/services/routing/devnetRouting';
import type { Route } from '../../shared/domain/route';
import type { Transfer } from '../../shared/domain/transferRecord';
import type { SecureSessionView } from '../../shared/ipc/contract';
import { CoinGeckoServer } from '../prices/coinGeckoServer';
import { createCoreHarness, type CoreHarness } from '../support/coreHarness';

vi.mock('../../electron/services/routing/devnetRouting', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../electron/services/routing/devnetRouting')>();
  return { ...original, devnetNetworks: vi.fn(original.devnetNetworks) };
});
vi.mock('../../electron/services/evm/createEvmRpc', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../electron/services/evm/createEvmRpc')>();
  return { ...original, createEvmRpc: vi.fn(original.createEvmRpc) };
});

const HARDHAT = 'test test test test test test test test test test test junk';
const A = 'eip155:31337';

let devnet: Devnet;
let prices: CoinGeckoServer;

beforeAll(async () => {
  devnet = await startDevnet();
  prices = new CoinGeckoServer();
  prices.prices = { ethereum: '3000', 'usd-coin': '1', weth: '3000' };
  await prices.start();
}, 60_000);
afterAll(async () => {
  await devnet?.stop();
  await prices?.stop();
});

async function unlockedCore(): Promise<CoreHarness> {
  const h = await createCoreHarness({ devnet: { chains: devnet.chains.map((c) => ({ id: c.id, rpc: c.rpc })), contracts: devnet.contracts }, priceApiUrl: prices.baseUrl });
  const session = await h.value<SecureSessionView>('secure.begin', { purpose: 'import-mnemonic' });
  await h.secure(session.sessionId, 'secure.submitMnemonic', { mnemonic: HARDHAT, passphrase: '' });
  await h.value('vault.create', { sessionId: session.sessionId, password: 'correct horse battery' });
  return h;
}

describe('the routing environment is built once per swap, prices asked at quote time only', () => {
  it('search + start + run: one environment build and one price request; a second swap builds no RPC client', async () => {
    const builds = vi.mocked(devnetRoutingModule.devnetNetworks);
    const rpcClients = vi.mocked(createEvmRpcModule.createEvmRpc);
    const priceAsks = vi.spyOn(PriceService.prototype, 'getPrices');
    const h = await unlockedCore();
    const accountId = (await h.value<Array<{ id: string }>>('accounts.list'))[0]?.id as string;
    const swap = async (amount: string): Promise<Transfer> => {
      const [route] = await h.value<Route[]>('routes.find', { from: { chain: 'devnet-a', asset: 'native', amount }, to: { chain: 'devnet-a', asset: 'USDC' }, slippagePercent: 1 });
      const started = await h.confirmed<Transfer>('transfers.start', { routeId: route?.id, accountId });
      await expect.poll(async () => (await h.value<Transfer>('transfers.get', { id: started.id })).status, { timeout: 20_000, interval: 100 }).toBe('completed');
      return h.value<Transfer>('transfers.get', { id: started.id });
    };
    builds.mockClear();
    priceAsks.mockClear();
    const first = await swap('0.1');
    expect(first.route.steps.map((s) => [s.provider, s.fromChain])).toEqual([['uniswap-v2', A]]);
    // Search, funds check and run: one environment (devnet chains, venues, bridges), one price request (the search's).
    expect(builds).toHaveBeenCalledTimes(1);
    expect(priceAsks).toHaveBeenCalledTimes(1);

    // Warm: another search + start + run on the same chains and endpoints reuses every client and builds nothing.
    builds.mockClear();
    priceAsks.mockClear();
    rpcClients.mockClear();
    await swap('0.2');
    expect(builds).toHaveBeenCalledTimes(0);
    expect(priceAsks).toHaveBeenCalledTimes(1);
    expect(rpcClients.mock.calls.map(([target]) => target.chain.id)).toEqual([]);
  }, 60_000);

  it('a changed endpoint list builds the environment again (new clients for the new endpoints)', async () => {
    const builds = vi.mocked(devnetRoutingModule.devnetNetworks);
    const h = await unlockedCore();
    const query = { from: { chain: 'devnet-a', asset: 'native', amount: '0.1' }, to: { chain: 'devnet-a', asset: 'USDC' }, slippagePercent: 1 };
    builds.mockClear();
    await h.value<Route[]>('routes.find', query);
    await h.value<Route[]>('routes.find', query);
    expect(builds).toHaveBeenCalledTimes(1);
    const rpc = devnet.chains.find((c) => c.id === A)?.rpc as string;
    // The same node under a second URL form: the list changed, so the environment is rebuilt once.
    const other = rpc.replace('127.0.0.1', 'localhost');
    await h.confirmed('chains.setRpc', { chain: A, endpoints: [other, rpc] });
    await h.value<Route[]>('routes.find', query);
    await h.value<Route[]>('routes.find', query);
    expect(builds).toHaveBeenCalledTimes(2);
  }, 60_000);
});
