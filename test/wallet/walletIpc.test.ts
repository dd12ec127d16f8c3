import { JsonRpcProvider } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Portfolio, RefreshProgress } from '../../shared/domain/portfolio';
import type { ActivityEntry, SendReview } from '../../shared/domain/send';
import type { SecureSessionView } from '../../shared/ipc/contract';
import { startDevnet, type Devnet } from '../../electron/services/devnet/startDevnet';
import { CoinGeckoServer } from '../prices/coinGeckoServer';
import { createCoreHarness, type CoreHarness } from '../support/coreHarness';

const HARDHAT = 'test test test test test test test test test test test junk';
const ACCOUNT_0 = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const ACCOUNT_5 = '0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc';
const PASSWORD = 'correct horse battery';

let devnet: Devnet;
let prices: CoinGeckoServer;

beforeAll(async () => {
  devnet = await startDevnet();
  prices = new CoinGeckoServer();
  prices.prices = { ethereum: '3000', 'usd-coin': '1', weth: '2999.5' };
  await prices.start();
});
afterAll(async () => {
  await devnet?.stop();
  await prices?.stop();
});

async function walletHarness(dataDir?: string): Promise<CoreHarness> {
  const h = await createCoreHarness({
    dataDir,
    devnet: { chains: devnet.chains.map((c) => ({ id: c.id, rpc: c.rpc })), contracts: devnet.contracts },
    priceApiUrl: prices.baseUrl,
  });
  if (!dataDir) {
    const session = await h.value<SecureSessionView>('secure.begin', { purpose: 'import-mnemonic' });
    await h.secure(session.sessionId, 'secure.submitMnemonic', { mnemonic: HARDHAT, passphrase: '' });
    await h.value('vault.create', { sessionId: session.sessionId, password: PASSWORD });
  } else {
    await h.value('vault.unlock', { password: PASSWORD });
  }
  return h;
}

describe('portfolio, send and activity through the IPC contract (devnet, local price server)', () => {
  it('refreshes: exact USD values from on-chain balances, grouped by chain and asset, with progress events', async () => {
    const h = await walletHarness();
    const accountId = (await h.value<Array<{ id: string }>>('accounts.list'))[0]?.id;
    const snapshot = await devnet.snapshot();
    try {
      const portfolio = await h.value<Portfolio>('portfolio.refresh');
      const providers = devnet.chains.map((c) => new JsonRpcProvider(c.rpc, undefined, { cacheTimeout: -1 }));
      // in cents, exactly: ETH at $3000, 1,000,000 USDC at $1 and 100 WETH at $2999.50 on each chain
      let cents = 2n * (1_000_000n * 100n + 100n * 299_950n);
      for (const provider of providers) cents += ((await provider.getBalance(ACCOUNT_0)) * 300_000n) / 10n ** 18n;
      expect(portfolio.totalUsd).toBe(`${cents / 100n}.${(cents % 100n).toString().padStart(2, '0')}`);
      expect(portfolio.errors).toEqual([]);
      expect(portfolio.byChain.map((g) => g.label)).toEqual(['Devnet A', 'Devnet B']);
      const usdc = portfolio.byAsset.find((g) => g.key === 'usd-coin');
      expect(usdc).toEqual({ key: 'usd-coin', label: 'USDC', usdValue: '2000000.00', share: expect.any(Number) });
      expect(portfolio.holdings.filter((x) => x.accountId === accountId).map((x) => `${x.asset.chain} ${x.asset.symbol} ${x.amount}`).sort()).toEqual([
        `eip155:31337 ETH ${10_000n * 10n ** 18n}`, 'eip155:31337 USDC 1000000000000', `eip155:31337 WETH ${100n * 10n ** 18n}`,
        `eip155:31338 ETH ${10_000n * 10n ** 18n}`, 'eip155:31338 USDC 1000000000000', `eip155:31338 WETH ${100n * 10n ** 18n}`,
      ]);
      const progress = h.log.filter((r) => r.name === 'portfolio.progress').map((r) => r.payload as RefreshProgress);
      expect(progress.map((p) => `${p.done}/${p.total}`)).toEqual(['0/2', '1/2', '2/2']);
      expect(await h.value<Portfolio>('portfolio.get')).toEqual(portfolio);
      providers.forEach((p) => p.destroy());
    } finally {
      await devnet.revert(snapshot);
    }
  });

  it('sends with a review, records activity that settles, survives a restart, and refuses what it cannot send', async () => {
    const h = await walletHarness();
    const accountId = (await h.value<Array<{ id: string }>>('accounts.list'))[0]?.id as string;
    const provider = new JsonRpcProvider(devnet.chains[0].rpc, undefined, { cacheTimeout: -1 });
    const before = await provider.getBalance(ACCOUNT_5);
    const review = await h.value<SendReview>('send.prepare', { accountId, chain: 'devnet-a', to: ACCOUNT_5.toLowerCase(), asset: 'native', amount: '1.5', tier: 'fast' });
    expect([review.from, review.to, review.amount, review.fee.tier]).toEqual([ACCOUNT_0, ACCOUNT_5, '1500000000000000000', 'fast']);
    expect(review.total).toBe((1_500_000_000_000_000_000n + BigInt(review.fee.amount)).toString());

    // The app renderer can only ask: send.confirm opens a confirm-send session in the secure window and signs nothing.
    const nonceBeforeConfirm = await provider.getTransactionCount(ACCOUNT_0);
    const asked = await h.value<SecureSessionView>('send.confirm', { reviewId: review.reviewId });
    expect([asked.purpose, asked.state]).toEqual(['confirm-send', 'open']);
    expect(h.openWindows.has(asked.sessionId)).toBe(true);
    expect(await h.call('secure.confirm', {})).toEqual({ ok: false, error: { code: 'UNKNOWN_METHOD', message: expect.any(String) } });
    expect(await provider.getTransactionCount(ACCOUNT_0)).toBe(nonceBeforeConfirm);
    // the secure window shows main's own review, built from the prepared transfer
    expect(await h.secure(asked.sessionId, 'secure.view', {})).toEqual({
      ok: true,
      value: {
        purpose: 'confirm-send',
        send: {
          chain: 'eip155:31337', chainName: 'Devnet A', accountLabel: 'Account 1', from: ACCOUNT_0, to: ACCOUNT_5,
          asset: review.asset, amount: '1500000000000000000', maxFee: review.fee.amount, feeAsset: review.fee.feeAsset,
          firstTimeRecipient: true, passwordRequired: true,
        },
      },
    });
    // a first-time recipient needs the password; a wrong one leaves the session open and signs nothing
    expect((await h.secure(asked.sessionId, 'secure.confirm', {})) as unknown).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((await h.secure(asked.sessionId, 'secure.confirm', { password: 'not the password' })) as unknown).toMatchObject({ ok: false, error: { code: 'WRONG_PASSWORD' } });
    expect(await provider.getTransactionCount(ACCOUNT_0)).toBe(nonceBeforeConfirm);
    expect(await h.secure(asked.sessionId, 'secure.confirm', { password: PASSWORD })).toEqual({ ok: true, value: { done: true } });
    expect(h.openWindows.has(asked.sessionId)).toBe(false);
    const outcome = h.log.find((r) => r.name === 'confirmation.outcome')?.payload as { sessionId: string; ok: true; entry: ActivityEntry };
    expect([outcome.sessionId, outcome.ok]).toEqual([asked.sessionId, true]);
    const entry = outcome.entry;
    expect([entry.status, entry.amount, entry.to]).toEqual(['pending', '1500000000000000000', ACCOUNT_5]);
    expect(await provider.getTransactionCount(ACCOUNT_0)).toBe(nonceBeforeConfirm + 1);
    // confirmed once: the session is spent, and the review too
    expect((await h.secure(asked.sessionId, 'secure.confirm', { password: PASSWORD })) as unknown).toMatchObject({ ok: false, error: { code: 'SESSION_NOT_READY' } });
    const spent = await h.call('send.confirm', { reviewId: review.reviewId });
    expect(spent.ok ? 'ok' : spent.error).toEqual({ code: 'REVIEW_EXPIRED', message: 'This review has expired or was already sent: review the transfer again' });

    // the second send to the same recipient is no longer first-time: confirmed without the password
    const again = await h.value<SendReview>('send.prepare', { accountId, chain: 'devnet-a', to: ACCOUNT_5, asset: 'native', amount: '0.5', tier: 'fast' });
    const second = await h.value<SecureSessionView>('send.confirm', { reviewId: again.reviewId });
    const secondView = (await h.secure(second.sessionId, 'secure.view', {})) as { ok: true; value: { send: { firstTimeRecipient: boolean; passwordRequired: boolean } } };
    expect([secondView.value.send.firstTimeRecipient, secondView.value.send.passwordRequired]).toEqual([false, false]);
    expect(await h.secure(second.sessionId, 'secure.confirm', {})).toEqual({ ok: true, value: { done: true } });
    expect(await provider.getTransactionCount(ACCOUNT_0)).toBe(nonceBeforeConfirm + 2);

    // a restart: a new core over the same data dir settles the pending entry against the chain on unlock
    const restarted = await walletHarness(h.dataDir);
    await expect.poll(async () => (await restarted.value<ActivityEntry[]>('activity.list'))[0]?.status, { timeout: 10_000 }).toBe('confirmed');
    await expect.poll(async () => (await restarted.value<ActivityEntry[]>('activity.list')).every((e) => e.status === 'confirmed'), { timeout: 10_000 }).toBe(true);
    expect((await provider.getBalance(ACCOUNT_5)) - before).toBe(2_000_000_000_000_000_000n);
    const changed = restarted.log.filter((r) => r.name === 'activity.changed').map((r) => (r.payload as ActivityEntry).status);
    expect(changed).toContain('confirmed');

    const nonce = await provider.getTransactionCount(ACCOUNT_0);
    const refuse = async (input: Record<string, string>) => {
      const answer = await restarted.call('send.prepare', { accountId, chain: 'devnet-a', to: ACCOUNT_5, asset: 'native', amount: '1', tier: 'normal', ...input });
      return answer.ok ? 'ok' : answer.error.code;
    };
    expect(await refuse({ amount: '20000' })).toBe('INSUFFICIENT_FUNDS');
    expect(await refuse({ to: 'cosmos1jhg0e7s6gn44tfc5k37kr04sznyhedtc9rzys5' })).toBe('INVALID_ADDRESS');
    expect(await refuse({ amount: '0.0000000000000000001' })).toBe('INVALID_AMOUNT');
    expect(await refuse({ chain: 'devnet-c' })).toBe('UNKNOWN_CHAIN');
    expect(await refuse({ asset: 'DOGE' })).toBe('UNKNOWN_ASSET');
    expect(await refuse({ to: '0x0000000000000000000000000000000000000000' })).toBe('INVALID_RECIPIENT');
    expect(await refuse({ to: '0x000000000000000000000000000000000000dEaD', asset: 'USDC' })).toBe('INVALID_RECIPIENT');
    expect(await refuse({ to: '0xdEAD000000000000000042069420694206942069' })).toBe('INVALID_RECIPIENT');
    expect(await refuse({ to: devnet.contracts.usdc.toLowerCase(), asset: 'USDC' })).toBe('INVALID_RECIPIENT');
    expect(await refuse({ to: devnet.contracts.weth, asset: 'WETH' })).toBe('INVALID_RECIPIENT');
    expect(await provider.getTransactionCount(ACCOUNT_0)).toBe(nonce);

    const max = await restarted.value<{ amount: string; formatted: string }>('send.max', { accountId, chain: 'devnet-a', asset: 'USDC', tier: 'normal' });
    expect(max).toEqual({ amount: '1000000000000', formatted: '1000000' });

    await restarted.value('vault.lock');
    expect((await restarted.call('portfolio.get')).ok).toBe(false);
    provider.destroy();
  });
});
