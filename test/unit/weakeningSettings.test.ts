/**
 * Security-weakening changes from the app window (#12): auto-lock off or above 60 minutes, removing an account that
 * holds an imported key, replacing a chain's RPC endpoints. The app call only opens a confirm-setting session; nothing
 * changes until the secure window confirms (a cancelled session changes nothing); changes that weaken nothing apply at
 * once. Through the real core, vault and files; the RPC stand-in answers eth_chainId like an Arbitrum One node.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultEndpoints } from '../../electron/services/chains/defaultEndpoints';
import type { AccountView } from '../../shared/domain/account';
import type { ChainRpc, SecureSessionView, Settings } from '../../shared/ipc/contract';
import { createCoreHarness, type CoreHarness } from '../support/coreHarness';
import { listenLocal, type LocalHttpServer } from '../support/localHttpServer';

const PASSWORD = 'correct horse battery';
const HARDHAT = 'test test test test test test test test test test test junk';
/** Hardhat account #2's well-known key */
const KEY_2 = '0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a';
const ARBITRUM = 'eip155:42161';

let node: LocalHttpServer;
const dirs: string[] = [];
beforeAll(async () => {
  node = await listenLocal((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const { id } = JSON.parse(raw) as { id: number };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ jsonrpc: '2.0', id, result: '0xa4b1' }));
    });
  });
});
afterAll(() => node.close());
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function wallet(): Promise<CoreHarness> {
  const h = await createCoreHarness();
  dirs.push(h.dataDir);
  const session = await h.value<SecureSessionView>('secure.begin', { purpose: 'import-mnemonic' });
  await h.secure(session.sessionId, 'secure.submitMnemonic', { mnemonic: HARDHAT, passphrase: '' });
  await h.value('vault.create', { sessionId: session.sessionId, password: PASSWORD });
  return h;
}

/** The app call answered a confirm-setting session, open in the secure window. */
async function asked(h: CoreHarness, method: string, payload: unknown): Promise<SecureSessionView> {
  const view = await h.value<SecureSessionView>(method, payload);
  expect([view.purpose, view.state, h.openWindows.has(view.sessionId)]).toEqual(['confirm-setting', 'open', true]);
  return view;
}

const shown = async (h: CoreHarness, sessionId: string) => {
  const answer = await h.secure(sessionId, 'secure.view', {});
  return answer.ok ? answer.value : answer.error;
};

describe('auto-lock', () => {
  it('off or above 60 minutes waits for the secure window; 60 minutes or less applies at once', async () => {
    const h = await wallet();
    expect(await h.value<Settings>('settings.update', { autoLockMinutes: 60 })).toMatchObject({ autoLockMinutes: 60 });

    const off = await asked(h, 'settings.update', { autoLockMinutes: 0, theme: 'dark' });
    expect(await shown(h, off.sessionId)).toEqual({ purpose: 'confirm-setting', setting: { change: 'auto-lock', fromMinutes: 60, toMinutes: 0 } });
    expect(await h.value<Settings>('settings.get')).toMatchObject({ autoLockMinutes: 60, theme: 'system' });
    // Cancelled: nothing changes, on disk either.
    expect((await h.value<SecureSessionView>('secure.cancel', { sessionId: off.sessionId })).state).toBe('cancelled');
    const confirmLate = await h.secure(off.sessionId, 'secure.confirm', {});
    expect(confirmLate.ok ? 'ok' : confirmLate.error.code).toBe('SESSION_NOT_READY');
    expect(await h.value<Settings>('settings.get')).toMatchObject({ autoLockMinutes: 60, theme: 'system' });

    // Confirmed: the whole patch applies, once.
    expect(await h.confirmed<Settings>('settings.update', { autoLockMinutes: 0, theme: 'dark' })).toEqual({ autoLockMinutes: 0, lockOnSuspend: true, refreshBalances: true, theme: 'dark' });
    expect(JSON.parse(await readFile(join(h.dataDir, 'settings.json'), 'utf8'))).toEqual({ version: 1, settings: { autoLockMinutes: 0, lockOnSuspend: true, refreshBalances: true, theme: 'dark' } });
    expect(h.log.filter((r) => r.name === 'settings.changed').map((r) => (r.payload as Settings).autoLockMinutes)).toEqual([60, 0]);

    // Above 60 asks; back to 15 (stronger) applies at once; the same value again asks nothing.
    const long = await asked(h, 'settings.update', { autoLockMinutes: 61 });
    expect(await shown(h, long.sessionId)).toEqual({ purpose: 'confirm-setting', setting: { change: 'auto-lock', fromMinutes: 0, toMinutes: 61 } });
    expect(await h.value<Settings>('settings.update', { autoLockMinutes: 15 })).toMatchObject({ autoLockMinutes: 15 });
    expect((await h.value<SecureSessionView>('secure.status', { sessionId: long.sessionId })).state).toBe('open');
    expect(await h.value<Settings>('settings.update', { autoLockMinutes: 15 })).toMatchObject({ autoLockMinutes: 15 });
    // The app window has no secure.confirm of its own.
    const forged = await h.call('secure.confirm', {});
    expect(forged.ok).toBe(false);
    expect((await h.value<Settings>('settings.get')).autoLockMinutes).toBe(15);
  });
});

describe('removing accounts', () => {
  it('an imported key leaves the vault only after the secure window confirms; a watch-only address goes at once', async () => {
    const h = await wallet();
    const session = await h.value<SecureSessionView>('secure.begin', { purpose: 'import-private-key' });
    await h.secure(session.sessionId, 'secure.submitPrivateKey', { privateKey: KEY_2 });
    const cold = await h.value<AccountView>('accounts.importKey', { sessionId: session.sessionId, label: 'Cold' });
    const watch = await h.value<AccountView>('accounts.addWatch', { chain: 'ethereum', address: '0xd8da6bf26964af9d7eed9e03e53415d37aa96045' });
    const ids = async () => (await h.value<AccountView[]>('accounts.list')).map((a) => a.id);
    const all = await ids();
    expect(all).toHaveLength(3);

    const remove = await asked(h, 'accounts.remove', { id: cold.id });
    expect(await shown(h, remove.sessionId)).toEqual({ purpose: 'confirm-setting', setting: { change: 'remove-account', accountLabel: 'Cold', address: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC' } });
    expect(await ids()).toEqual(all);
    await h.value('secure.cancel', { sessionId: remove.sessionId });
    expect(await ids()).toEqual(all);

    const left = await h.confirmed<AccountView[]>('accounts.remove', { id: cold.id });
    expect(left.map((a) => a.id)).toEqual(all.filter((id) => id !== cold.id));
    expect(await ids()).toEqual(all.filter((id) => id !== cold.id));

    // Watch-only: nothing secret leaves, no confirmation.
    expect((await h.value<AccountView[]>('accounts.remove', { id: watch.id })).map((a) => a.id)).toEqual(all.filter((id) => id !== cold.id && id !== watch.id));
  });
});

describe('chains.setRpc', () => {
  it('replacing endpoints waits for the secure window; restoring the defaults applies at once', async () => {
    const h = await wallet();
    const defaults = defaultEndpoints(ARBITRUM);
    const replace = await asked(h, 'chains.setRpc', { chain: 'arbitrum', endpoints: [node.url] });
    expect(await shown(h, replace.sessionId)).toEqual({ purpose: 'confirm-setting', setting: { change: 'replace-rpc', chain: ARBITRUM, chainName: 'Arbitrum One', from: defaults, to: [node.url] } });
    expect((await h.value<ChainRpc>('chains.rpc', { chain: 'arbitrum' })).endpoints).toEqual(defaults);
    await expect(readFile(join(h.dataDir, 'chains.json'), 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });

    expect(await h.confirmed<ChainRpc>('chains.setRpc', { chain: 'arbitrum', endpoints: [node.url] })).toEqual({ chain: ARBITRUM, endpoints: [node.url], defaults });
    expect((await h.value<ChainRpc>('chains.rpc', { chain: 'arbitrum' })).endpoints).toEqual([node.url]);

    expect(await h.value<ChainRpc>('chains.setRpc', { chain: 'arbitrum', endpoints: [] })).toEqual({ chain: ARBITRUM, endpoints: defaults, defaults });
  });

  it('an endpoint that fails its check after confirming changes nothing and says why in confirmation.outcome', async () => {
    const h = await wallet();
    const bad = await asked(h, 'chains.setRpc', { chain: 'arbitrum', endpoints: ['http://127.0.0.1:1'] });
    const answer = await h.secure(bad.sessionId, 'secure.confirm', {});
    expect(answer.ok).toBe(false);
    const outcome = h.log.filter((r) => r.name === 'confirmation.outcome').at(-1)?.payload as { sessionId: string; ok: boolean; error?: { code: string } };
    expect([outcome.sessionId, outcome.ok, outcome.error?.code]).toEqual([bad.sessionId, false, answer.ok ? null : answer.error.code]);
    expect((await h.value<ChainRpc>('chains.rpc', { chain: 'arbitrum' })).endpoints).toEqual(defaultEndpoints(ARBITRUM));
  });
});
