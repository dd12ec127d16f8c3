import { describe, expect, it } from 'vitest';
import type { AccountView } from '../../shared/domain/account';
import type { SecureSessionView, Settings, VaultStatus } from '../../shared/ipc/contract';
import type { SecureView } from '../../shared/ipc/secureContract';
import { createCoreHarness, type CoreHarness } from '../support/coreHarness';
import { FakeClock } from '../support/fakeClock';

const PASSWORD = 'correct horse battery';
const HARDHAT = 'test test test test test test test test test test test junk';

/** Drives the secure window's side of a create-mnemonic session: reads the words, types back the asked ones. */
async function confirmCreatedWords(h: CoreHarness, sessionId: string): Promise<string[]> {
  const view = await h.secure(sessionId, 'secure.view', {});
  if (!view.ok || view.value === undefined) throw new Error('secure.view failed');
  const shown = view.value as Extract<SecureView, { purpose: 'create-mnemonic' }>;
  const answers = Object.fromEntries(shown.confirmPositions.map((p) => [String(p), shown.words[p - 1] as string]));
  expect(await h.secure(sessionId, 'secure.confirmWords', { answers })).toEqual({ ok: true, value: { ready: true } });
  return shown.words;
}

async function importHardhat(h: CoreHarness): Promise<void> {
  const session = await h.value<SecureSessionView>('secure.begin', { purpose: 'import-mnemonic' });
  expect(await h.secure(session.sessionId, 'secure.submitMnemonic', { mnemonic: HARDHAT, passphrase: '' })).toEqual({ ok: true, value: { ready: true } });
  await h.value('vault.create', { sessionId: session.sessionId, password: PASSWORD });
}

describe('onboarding through the core', () => {
  it('creates a wallet: secure window shows 12 words, asks 3 back, then the vault is created and unlocked', async () => {
    const h = await createCoreHarness();
    expect(await h.value<VaultStatus>('vault.status')).toEqual({ exists: false, unlocked: false, hasMnemonic: false, accountCount: 0 });
    const session = await h.value<SecureSessionView>('secure.begin', { purpose: 'create-mnemonic', wordCount: 12 });
    expect(session.state).toBe('open');
    expect(h.openWindows.has(session.sessionId)).toBe(true);

    const view = await h.secure(session.sessionId, 'secure.view', {});
    expect(view.ok).toBe(true);
    const shown = (view as { value: Extract<SecureView, { purpose: 'create-mnemonic' }> }).value;
    expect(shown.words).toHaveLength(12);
    expect(shown.confirmPositions).toHaveLength(3);
    expect(new Set(shown.confirmPositions).size).toBe(3);

    // creating before the words are confirmed is refused and changes nothing
    const early = await h.call('vault.create', { sessionId: session.sessionId, password: PASSWORD });
    expect(early).toEqual({ ok: false, error: { code: 'SESSION_NOT_READY', message: 'The secure step is not finished yet' } });

    // a wrong word is named by position
    const wrongPos = shown.confirmPositions[0] as number;
    const wrong = Object.fromEntries(shown.confirmPositions.map((p) => [String(p), p === wrongPos ? 'zoo' : shown.words[p - 1]]));
    const mismatch = await h.secure(session.sessionId, 'secure.confirmWords', { answers: wrong });
    expect(mismatch).toEqual({ ok: false, error: { code: 'CONFIRMATION_MISMATCH', message: `Word #${wrongPos} does not match` } });

    await confirmCreatedWords(h, session.sessionId);
    // the words are no longer viewable once confirmed
    expect((await h.secure(session.sessionId, 'secure.view', {})).ok).toBe(false);

    const weak = await h.call('vault.create', { sessionId: session.sessionId, password: 'short' });
    expect(weak).toEqual({ ok: false, error: { code: 'WEAK_PASSWORD', message: 'Use at least 8 characters' } });

    const status = await h.value<VaultStatus>('vault.create', { sessionId: session.sessionId, password: PASSWORD });
    expect(status).toEqual({ exists: true, unlocked: true, hasMnemonic: true, accountCount: 1 });
    expect(h.openWindows.size).toBe(0);
    const events = h.log.filter((r) => r.direction === 'event');
    expect(events.map((r) => r.name === 'secure.changed' ? `secure:${(r.payload as SecureSessionView).state}` : r.name)).toEqual([
      'secure:open', 'secure:ready', 'secure:consumed', 'vault.unlocked', 'accounts.changed',
    ]);
    // the session is spent: it cannot create a second time
    expect((await h.call('vault.create', { sessionId: session.sessionId, password: PASSWORD })).ok).toBe(false);
  });

  it('imports a phrase: Account 1 has the known Ethereum and Cosmos Hub addresses', async () => {
    const h = await createCoreHarness();
    await importHardhat(h);
    const [account] = await h.value<AccountView[]>('accounts.list');
    expect(account?.label).toBe('Account 1');
    expect(account?.kind).toBe('hd');
    expect(account?.hdIndex).toBe(0);
    const byChain = Object.fromEntries(account!.addresses.map((a) => [a.chain, a]));
    expect(byChain['eip155:1']).toEqual({
      chain: 'eip155:1', address: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266', path: "m/44'/60'/0'/0/0",
      publicKey: '038318535b54105d4a7aae60c08fc45f9687181b4fdfc625bd1a753fa7397fed75',
    });
    expect(byChain['eip155:8453']?.address).toBe('0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266');
    expect(byChain['cosmos:cosmoshub-4']?.path).toBe("m/44'/118'/0'/0/0");
    expect(byChain['cosmos:cosmoshub-4']?.address).toMatch(/^cosmos1[02-9ac-hj-np-z]{38}$/);
    expect(byChain['cosmos:injective-1']?.path).toBe("m/44'/60'/0'/0/0");
    expect(account!.addresses).toHaveLength(13);

    const second = await h.value<AccountView>('accounts.addHd', {});
    expect(second.label).toBe('Account 2');
    expect(second.addresses[0]?.address).toBe('0x70997970C51812dc3A010C7d01b50e0d17dc79C8');
  });

  it('refuses an invalid phrase in the secure window and stays open', async () => {
    const h = await createCoreHarness();
    const session = await h.value<SecureSessionView>('secure.begin', { purpose: 'import-mnemonic' });
    const bad = await h.secure(session.sessionId, 'secure.submitMnemonic', { mnemonic: HARDHAT.replace('junk', 'test'), passphrase: '' });
    expect(bad).toEqual({ ok: false, error: { code: 'INVALID_MNEMONIC', message: 'The recovery phrase checksum does not match: check the word order' } });
    expect((await h.value<SecureSessionView>('secure.status', { sessionId: session.sessionId })).state).toBe('open');
  });

  it('imports a raw private key and a watch-only address; rejects bad ones', async () => {
    const h = await createCoreHarness();
    await importHardhat(h);
    const session = await h.value<SecureSessionView>('secure.begin', { purpose: 'import-private-key' });
    const badKey = await h.secure(session.sessionId, 'secure.submitPrivateKey', { privateKey: '0x' + 'ff'.repeat(32) });
    expect(badKey.ok ? null : badKey.error.code).toBe('INVALID_PRIVATE_KEY');
    // Hardhat account #2's well-known key
    await h.secure(session.sessionId, 'secure.submitPrivateKey', { privateKey: '0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a' });
    const imported = await h.value<AccountView>('accounts.importKey', { sessionId: session.sessionId, label: 'Cold' });
    expect([imported.kind, imported.label, imported.addresses[0]?.address, imported.addresses[0]?.path]).toEqual([
      'private-key', 'Cold', '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC', null,
    ]);

    const watch = await h.value<AccountView>('accounts.addWatch', { chain: 'ethereum', address: '0xd8da6bf26964af9d7eed9e03e53415d37aa96045' });
    expect(watch.kind).toBe('watch');
    expect(watch.addresses.map((a) => a.chain)).toEqual(['eip155:1', 'eip155:42161', 'eip155:10', 'eip155:8453', 'eip155:137', 'eip155:56', 'eip155:43114']);
    expect(watch.addresses[0]?.address).toBe('0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045');

    const wrongPrefix = await h.call('accounts.addWatch', { chain: 'osmosis', address: 'cosmos1jhg0e7s6gn44tfc5k37kr04sznyhedtc9rzys5' });
    expect(wrongPrefix).toEqual({ ok: false, error: { code: 'INVALID_ADDRESS', message: 'This address is for another chain: prefix "cosmos", expected "osmo"' } });
    const badChecksum = await h.call('accounts.addWatch', { chain: 'ethereum', address: '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96046'.replace('dA6', 'Da6') });
    expect(badChecksum.ok ? null : badChecksum.error.code).toBe('INVALID_ADDRESS');
    const unknown = await h.call('accounts.addWatch', { chain: 'solana', address: 'x' });
    expect(unknown.ok ? null : unknown.error.code).toBe('UNKNOWN_CHAIN');
    expect(await h.value<AccountView[]>('accounts.list')).toHaveLength(3);
  });

  it('locks and unlocks; wrong password is WRONG_PASSWORD; reveal needs the password again', async () => {
    const h = await createCoreHarness();
    await importHardhat(h);
    expect(await h.value<VaultStatus>('vault.lock')).toEqual({ exists: true, unlocked: false, hasMnemonic: false, accountCount: 0 });
    expect((await h.call('accounts.list')).ok).toBe(false);
    expect(await h.call('vault.unlock', { password: 'not the password' })).toEqual({ ok: false, error: { code: 'WRONG_PASSWORD', message: expect.any(String) } });
    expect((await h.value<VaultStatus>('vault.unlock', { password: PASSWORD })).unlocked).toBe(true);
    // unlocked: no answer to "is this the password?" either way
    for (const password of ['not the password', PASSWORD]) {
      expect(await h.call('vault.unlock', { password })).toEqual({ ok: false, error: { code: 'VAULT_ALREADY_UNLOCKED', message: 'The vault is already unlocked' } });
    }

    expect((await h.call('vault.revealMnemonic', { password: 'nope nope' })).ok).toBe(false);
    expect(h.openWindows.size).toBe(0);
    const reveal = await h.value<SecureSessionView>('vault.revealMnemonic', { password: PASSWORD });
    expect(h.openWindows.has(reveal.sessionId)).toBe(true);
    expect(await h.secure(reveal.sessionId, 'secure.view', {})).toEqual({
      ok: true, value: { purpose: 'reveal-mnemonic', words: HARDHAT.split(' '), hasPassphrase: false },
    });
    // another session's window cannot read it
    expect((await h.secure('0'.repeat(32), 'secure.view', {})).ok).toBe(false);
    await h.secure(reveal.sessionId, 'secure.close', {});
    expect((await h.secure(reveal.sessionId, 'secure.view', {})).ok).toBe(false);

    await h.value('vault.changePassword', { current: PASSWORD, next: 'a new long password' });
    await h.value('vault.lock');
    expect((await h.call('vault.unlock', { password: PASSWORD })).ok).toBe(false);
    expect((await h.value<VaultStatus>('vault.unlock', { password: 'a new long password' })).unlocked).toBe(true);
  });
});

describe('auto-lock and settings', () => {
  it('locks after the configured idle time, postponed by activity; 0 disables it', async () => {
    const clock = new FakeClock();
    const h = await createCoreHarness({ clock });
    expect(await h.value<Settings>('settings.get')).toEqual({ autoLockMinutes: 15, lockOnSuspend: true, refreshBalances: true, theme: 'system' });
    await importHardhat(h);
    clock.advance(14 * 60_000);
    h.core.noteActivity();
    clock.advance(14 * 60_000);
    expect((await h.value<VaultStatus>('vault.status')).unlocked).toBe(true);
    clock.advance(60_001);
    expect((await h.value<VaultStatus>('vault.status')).unlocked).toBe(false);
    expect(h.log.filter((r) => r.direction === 'event' && r.name === 'vault.locked').map((r) => r.payload)).toEqual([{ reason: 'idle' }]);

    await h.value('vault.unlock', { password: PASSWORD });
    expect(await h.confirmed<Settings>('settings.update', { autoLockMinutes: 0 })).toEqual({ autoLockMinutes: 0, lockOnSuspend: true, refreshBalances: true, theme: 'system' });
    clock.advance(48 * 3600_000);
    expect((await h.value<VaultStatus>('vault.status')).unlocked).toBe(true);
  });

  it('locks on suspend and screen lock unless turned off; settings persist across restarts', async () => {
    const h = await createCoreHarness();
    await importHardhat(h);
    await h.core.lockFor('suspend');
    expect((await h.value<VaultStatus>('vault.status')).unlocked).toBe(false);
    await h.value('vault.unlock', { password: PASSWORD });
    await h.value('settings.update', { lockOnSuspend: false, autoLockMinutes: 5 });
    await h.core.lockFor('screen-lock');
    expect((await h.value<VaultStatus>('vault.status')).unlocked).toBe(true);

    const restarted = await createCoreHarness({ dataDir: h.dataDir });
    expect(await restarted.value<Settings>('settings.get')).toEqual({ autoLockMinutes: 5, lockOnSuspend: false, refreshBalances: true, theme: 'system' });
    expect(await restarted.value<VaultStatus>('vault.status')).toEqual({ exists: true, unlocked: false, hasMnemonic: false, accountCount: 0 });
    const invalid = await restarted.call('settings.update', { autoLockMinutes: -1 });
    expect(invalid.ok ? null : invalid.error.code).toBe('INVALID_INPUT');
  });
});

describe('secure windows close when their session ends', () => {
  it('on lock, a reveal window closes and its words are gone', async () => {
    const h = await createCoreHarness();
    await importHardhat(h);
    const reveal = await h.value<SecureSessionView>('vault.revealMnemonic', { password: PASSWORD });
    expect(h.openWindows.has(reveal.sessionId)).toBe(true);
    await h.value('vault.lock');
    expect(h.openWindows.size).toBe(0);
    expect((await h.secure(reveal.sessionId, 'secure.view', {})).ok).toBe(false);
  });

  it('after 5 wrong confirmations the create window closes', async () => {
    const h = await createCoreHarness();
    const session = await h.value<SecureSessionView>('secure.begin', { purpose: 'create-mnemonic', wordCount: 12 });
    const view = (await h.secure(session.sessionId, 'secure.view', {})) as { value: Extract<SecureView, { purpose: 'create-mnemonic' }> };
    const wrong = Object.fromEntries(view.value.confirmPositions.map((p) => [String(p), 'zzz']));
    for (let i = 0; i < 5; i++) await h.secure(session.sessionId, 'secure.confirmWords', { answers: wrong });
    expect((await h.value<SecureSessionView>('secure.status', { sessionId: session.sessionId })).state).toBe('cancelled');
    expect(h.openWindows.size).toBe(0);
  });

  it('an idle session expires after 15 minutes on its own: the window closes and the app is told', async () => {
    const clock = new FakeClock();
    const h = await createCoreHarness({ clock });
    const session = await h.value<SecureSessionView>('secure.begin', { purpose: 'import-mnemonic' });
    clock.advance(15 * 60_000);
    expect(h.openWindows.has(session.sessionId)).toBe(true);
    clock.advance(2);
    expect(h.openWindows.size).toBe(0);
    const last = h.log.filter((r) => r.name === 'secure.changed').pop();
    expect(last?.payload).toEqual({ sessionId: session.sessionId, purpose: 'import-mnemonic', state: 'expired' });
  });
});
