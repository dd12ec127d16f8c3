import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JsonRpcProvider } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevnet, type Devnet } from '../../electron/services/devnet/startDevnet';
import type { Route } from '../../shared/domain/route';
import { Transfer } from '../../shared/domain/transferRecord';
import type { SecureSessionView } from '../../shared/ipc/contract';
import { CoinGeckoServer } from '../prices/coinGeckoServer';
import { createCoreHarness, type CoreHarness } from '../support/coreHarness';
import { devnetProviders, hostedDevnetStateDir, jsonCli } from '../support/devnetKit';

const HARDHAT = 'test test test test test test test test test test test junk';
const ACCOUNT_0 = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const PASSWORD = 'correct horse battery';
const A = 'eip155:31337';

let devnet: Devnet;
let prices: CoinGeckoServer;
let providers: Record<string, JsonRpcProvider>;

beforeAll(async () => {
  devnet = await startDevnet();
  prices = new CoinGeckoServer();
  prices.prices = { ethereum: '3000', 'usd-coin': '1', weth: '3000' };
  await prices.start();
  providers = devnetProviders(devnet);
}, 60_000);
afterAll(async () => {
  for (const p of Object.values(providers ?? {})) p.destroy();
  await devnet?.stop();
  await prices?.stop();
});

async function walletHarness(): Promise<CoreHarness> {
  const h = await createCoreHarness({ devnet: { chains: devnet.chains.map((c) => ({ id: c.id, rpc: c.rpc })), contracts: devnet.contracts }, priceApiUrl: prices.baseUrl });
  const session = await h.value<SecureSessionView>('secure.begin', { purpose: 'import-mnemonic' });
  await h.secure(session.sessionId, 'secure.submitMnemonic', { mnemonic: HARDHAT, passphrase: '' });
  await h.value('vault.create', { sessionId: session.sessionId, password: PASSWORD });
  return h;
}

const ethToUsdcOnA = (amount: string) => ({ from: { chain: 'devnet-a', asset: 'native', amount }, to: { chain: 'devnet-a', asset: 'USDC' } });

describe('value-lost and price-impact guard (devnet Uniswap V2 pool of 1,000 ETH : 3,000,000 USDC)', () => {
  it('a 1 ETH route stays acceptable (value lost under 1%: ok) before the big trade', async () => {
    const h = await walletHarness();
    const [route] = await h.value<Route[]>('routes.find', ethToUsdcOnA('1'));
    expect([route?.priceImpactBps, route?.lossLevel]).toEqual([39, 'ok']);
    // 0.39% impact + 0.5% slippage + gas: just under 1%.
    expect(route?.valueLostBps).toBeLessThan(100);
    expect(route?.valueLostBps).toBeGreaterThanOrEqual(88);
    const routes = await h.value<Route[]>('routes.find', ethToUsdcOnA('9999'));
    expect(routes.map((r) => r.lossLevel)).toEqual(['refused']);
  }, 60_000);

  it('9,999 ETH into the one pool: refused without the exact acceptance, nothing signed; runs with it', async () => {
    const h = await walletHarness();
    const accountId = (await h.value<Array<{ id: string }>>('accounts.list'))[0]?.id as string;
    const nonce = await (providers[A] as JsonRpcProvider).getTransactionCount(ACCOUNT_0);
    const [route] = await h.value<Route[]>('routes.find', ethToUsdcOnA('9999'));
    if (!route) throw new Error('no route');
    // x*y=k with the 0.3% fee: 9,999 ETH buy 2,726,502.034870 USDC of the pool's 3,000,000; 0.5% slippage off that.
    expect([route.amountOut, route.minAmountOut, route.priceImpactBps]).toEqual(['2726502034870', '2712869524695', 9091]);
    // Value lost = $29,997,000 sent + the gas paid on top - $2,712,869.524695 at least received, in cents half up.
    const gas = route.fees.find((f) => f.kind === 'gas');
    const gasMicroUsd = (BigInt(gas?.amount ?? '0') * 3000n * 10n ** 6n) / 10n ** 18n;
    const lostMicroUsd = 29_997_000n * 10n ** 6n + gasMicroUsd - 2_712_869_524_695n;
    expect(route.valueLostUsd).toBe(`${lostMicroUsd / 10n ** 6n}.${String((lostMicroUsd % 10n ** 6n + 5_000n) / 10_000n).padStart(2, '0')}`);
    expect([route.valueLostBps, route.lossLevel]).toEqual([9096, 'refused']);

    const without = await h.call('transfers.start', { routeId: route.id, accountId });
    expect(without.ok ? 'ok' : without.error).toEqual({
      code: 'PRICE_IMPACT_TOO_HIGH',
      message: 'This route loses 90.96% of the value sent (price impact 90.91%): nothing was sent. Accept exactly this loss to go on (CLI: --accept-loss 90.96)',
    });
    // One hundredth of a percent short of the loss (what the price impact alone shows) is not an acceptance of it.
    const short = await h.call('transfers.start', { routeId: route.id, accountId, acceptedLossBps: 9095 });
    expect(short.ok ? 'ok' : short.error.code).toBe('PRICE_IMPACT_TOO_HIGH');
    expect(await (providers[A] as JsonRpcProvider).getTransactionCount(ACCOUNT_0)).toBe(nonce);
    expect(await h.value<Transfer[]>('transfers.list')).toEqual([]);

    // With it, the secure window shows main's own figures: value lost, price impact and the loss accepted.
    const session = await h.value<SecureSessionView>('transfers.start', { routeId: route.id, accountId, acceptedLossBps: 9096 });
    const view = (await h.secure(session.sessionId, 'secure.view', {})) as { ok: true; value: { purpose: string; transfer: Record<string, unknown> } };
    const shown = view.value.transfer;
    expect([view.value.purpose, shown.valueLostUsd, shown.valueLostBps, shown.priceImpactBps, shown.acceptedLossBps]).toEqual(['confirm-transfer', route.valueLostUsd, 9096, 9091, 9096]);
    await h.secure(session.sessionId, 'secure.close', {});
    const started = await h.confirmed<Transfer>('transfers.start', { routeId: route.id, accountId, acceptedLossBps: 9096 });
    await expect.poll(async () => (await h.value<Transfer>('transfers.get', { id: started.id })).status, { timeout: 20_000, interval: 200 }).toBe('completed');
    expect(await (providers[A] as JsonRpcProvider).getTransactionCount(ACCOUNT_0)).toBe(nonce + 1);
    const data = '0x70a08231' + ACCOUNT_0.slice(2).toLowerCase().padStart(64, '0');
    expect(BigInt(await (providers[A] as JsonRpcProvider).call({ to: devnet.contracts.usdc as string, data }))).toBeGreaterThanOrEqual(2_712_869_524_695n);
  }, 60_000);

});

describe('strata swap --accept-loss (after the 9,999 ETH trade left the pool at about $25 per ETH)', () => {
  let env: Record<string, string>;
  let vaultDir: string;
  const cli = jsonCli(() => env);

  beforeAll(async () => {
    const stateDir = await hostedDevnetStateDir(devnet, 'strata-cli-loss-');
    vaultDir = join(await mkdtemp(join(tmpdir(), 'strata-cli-loss-')), 'vault');
    env = { STRATA_DEVNET_DIR: stateDir, STRATA_PASSWORD: PASSWORD, STRATA_PRICE_API_URL: prices.baseUrl };
    expect((await cli(['vault', 'init', '--dir', vaultDir], HARDHAT)).code).toBe(0);
  });

  it('refuses without --accept-loss or with less than the loss, nothing signed; runs with the figure it names', async () => {
    const swap = ['swap', '--dir', vaultDir, '--from', 'devnet-a:native', '--to', 'devnet-a:USDC', '--amount', '0.5', '--yes'];
    const nonce = await (providers[A] as JsonRpcProvider).getTransactionCount(ACCOUNT_0);
    const refused = await cli(swap);
    const error = refused.json.error as { code: string; message: string };
    expect([refused.code, error.code]).toEqual([1, 'PRICE_IMPACT_TOO_HIGH']);
    const figure = /--accept-loss ([0-9]+\.[0-9]{2})\)$/.exec(error.message)?.[1] as string;
    expect(Number(figure)).toBeGreaterThan(99);
    expect(error.message).toBe(`This route loses ${figure}% of the value sent (price impact 0.30%): nothing was sent. Accept exactly this loss to go on (CLI: --accept-loss ${figure})`);
    const lessBps = Math.round(Number(figure) * 100) - 1;
    const less = await cli([...swap, '--accept-loss', (lessBps / 100).toFixed(2)]);
    expect([less.code, (less.json.error as { code: string }).code]).toEqual([1, 'PRICE_IMPACT_TOO_HIGH']);
    const bad = await cli([...swap, '--accept-loss', 'all']);
    expect([bad.code, (bad.json.error as { code: string }).code]).toEqual([2, 'INVALID_INPUT']);
    expect(await (providers[A] as JsonRpcProvider).getTransactionCount(ACCOUNT_0)).toBe(nonce);

    const accepted = await cli([...swap, '--accept-loss', figure]);
    expect([accepted.code, accepted.json.status]).toEqual([0, 'completed']);
    expect(await (providers[A] as JsonRpcProvider).getTransactionCount(ACCOUNT_0)).toBe(nonce + 1);
  }, 60_000);
});
