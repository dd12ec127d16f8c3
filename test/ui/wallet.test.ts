/**
 * The unlocked wallet in Chromium against the real core: lock/unlock, settings that persist, watch-only and HD
 * accounts, private-key import through the secure window, rename, copy, password change and reveal.
 * Each test starts from a vault made from the Hardhat phrase through the core (no UI) to stay fast.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AccountView } from '../../shared/domain/account';
import type { Settings } from '../../shared/ipc/contract';
import { CHROMIUM_MISSING, hasChromium, launchChromium, startUiHarness, type UiHarness, type UiHarnessOptions } from './harness';
import { HARDHAT_ACCOUNT_0, HARDHAT_ACCOUNT_1, HARDHAT_ACCOUNT_2, HARDHAT_KEY_2, HARDHAT_MNEMONIC, PASSWORD, accountCard, addressOn, createVaultThroughCore, eventually, ok, openPage, reportFailure, titleOf } from './flows';

if (!hasChromium) {
  console.warn(CHROMIUM_MISSING);
  it.skip(CHROMIUM_MISSING, () => {});
}

describe.skipIf(!hasChromium)('wallet in Chromium', () => {
  let browser: Browser;
  let h: UiHarness | undefined;

  /** A harness whose vault (Hardhat phrase, PASSWORD) exists and is unlocked, showing the accounts page. */
  async function walletHarness(options: UiHarnessOptions = {}): Promise<UiHarness> {
    h = await startUiHarness(browser, { setup: (core) => createVaultThroughCore(core), ...options });
    await portfolioShown(h.app);
    await openPage(h.app, 'Accounts');
    await accountCard(h.app, 'Account 1').waitFor();
    return h;
  }

  /** The unlocked wallet opens on the portfolio page. */
  async function portfolioShown(app: Page): Promise<void> {
    await app.getByRole('heading', { name: 'Portfolio', level: 1 }).waitFor();
    expect(await app.getByRole('button', { name: 'Portfolio' }).getAttribute('aria-current')).toBe('page');
  }

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail' && h) await reportFailure(h, `failed-${context.task.name.slice(0, 40).replace(/\W+/g, '-')}`);
    await h?.close();
    h = undefined;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('locks and unlocks: "Unlocking…" while the KDF runs, WRONG_PASSWORD in words, the right password opens the portfolio', async () => {
    const { app } = await walletHarness({ delays: { 'vault.unlock': 400 } });
    await app.getByRole('button', { name: 'Lock' }).click();
    await app.getByRole('heading', { name: 'Unlock Strata' }).waitFor();
    expect(await app.locator('[data-account-id]').count()).toBe(0);
    expect(await app.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    await h!.screenshot(app, 'unlock');

    await app.getByLabel('Password', { exact: true }).fill('not the password');
    await app.getByLabel('Password', { exact: true }).press('Enter');
    const busy = app.getByRole('button', { name: 'Unlocking…' });
    await busy.waitFor();
    expect(await busy.isDisabled()).toBe(true);
    await h!.screenshot(app, 'unlock-busy');
    const alert = app.getByRole('alert').filter({ hasText: /\S/ });
    await alert.waitFor();
    expect(await alert.textContent()).toBe('That password is not correct.');
    await h!.screenshot(app, 'unlock-wrong-password');

    await app.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await app.getByRole('button', { name: 'Unlock' }).click();
    await portfolioShown(app);
    await openPage(app, 'Accounts');
    const card = accountCard(app, 'Account 1');
    await card.waitFor();
    expect(await titleOf(addressOn(card, 'eip155:1'))).toBe(HARDHAT_ACCOUNT_0);

    // A lock main decides on its own (system sleep) arrives as an event: unlock screen, accounts forgotten.
    await h!.core.lockFor('suspend');
    await app.getByText('Strata locked when this computer went to sleep.').waitFor();
    expect(await app.locator('[data-account-id]').count()).toBe(0);
    expect(h!.problems).toEqual([]);
  });

  it('settings: the auto-lock choice and lock-on-sleep persist across a restart', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'strata-ui-settings-'));
    try {
      const { app } = await walletHarness({ dataDir });
      await app.getByRole('button', { name: 'Settings' }).click();
      await app.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
      expect(await app.getByRole('button', { name: 'Settings' }).getAttribute('aria-current')).toBe('page');
      const autoLock = app.getByLabel('Auto-lock');
      expect(await autoLock.inputValue()).toBe('15');
      expect(await autoLock.locator('option').allTextContents()).toEqual(['1 minute', '5 minutes', '15 minutes', '30 minutes', '1 hour', 'Never']);
      await h!.screenshot(app, 'settings');

      await autoLock.selectOption('5');
      await app.getByText('Auto-lock set to 5 minutes.').waitFor();
      await app.getByRole('switch', { name: 'Lock on sleep' }).click();
      await app.getByText('Strata will stay unlocked on sleep.').waitFor();
      expect(ok<Settings>(await h!.core.call('settings.get', {}))).toEqual({ autoLockMinutes: 5, lockOnSuspend: false, refreshBalances: true, theme: 'system' });
      await h!.close();

      // A new core and a new page on the same data dir: locked, and the settings are what was chosen.
      const { app: again } = (h = await startUiHarness(browser, { dataDir }));
      await again.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await again.getByLabel('Password', { exact: true }).press('Enter');
      await portfolioShown(again);
      await again.getByRole('button', { name: 'Settings' }).click();
      await eventually(() => again.getByLabel('Auto-lock').inputValue(), '5');
      expect(await again.getByRole('switch', { name: 'Lock on sleep' }).isChecked()).toBe(false);
      expect(h.problems).toEqual([]);
    } finally {
      await h?.close();
      h = undefined;
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('accounts: add an HD account (Account 2), watch an address (invalid first), rename, copy', async () => {
    const { app } = await walletHarness();

    await app.getByRole('button', { name: 'Add account' }).click();
    const second = accountCard(app, 'Account 2');
    await second.waitFor();
    expect(await titleOf(addressOn(second, 'eip155:1'))).toBe(HARDHAT_ACCOUNT_1);
    await app.getByText('Account 2 added.').waitFor();

    await app.getByRole('button', { name: 'Watch address' }).click();
    const dialog = app.getByRole('dialog', { name: 'Watch an address' });
    await dialog.waitFor();
    expect(await dialog.getByLabel('Network').inputValue()).toBe('eip155:1');
    await dialog.getByLabel('Address').fill('0x1234');
    await dialog.getByRole('button', { name: 'Watch address' }).click();
    await dialog.getByText('Not a valid Ethereum address. An EVM address is 0x followed by 40 hex digits.').waitFor();
    expect(await dialog.getByLabel('Address').getAttribute('aria-invalid')).toBe('true');
    await h!.screenshot(app, 'watch-dialog-error', { fullPage: false });
    await dialog.getByLabel('Address').fill('0x000000000000000000000000000000000000dead');
    await dialog.getByLabel('Name (optional)').fill('Burn address');
    await dialog.getByRole('button', { name: 'Watch address' }).click();
    const watched = accountCard(app, 'Burn address');
    await watched.waitFor();
    expect(await dialog.count()).toBe(0);
    expect(await watched.locator('.badge').textContent()).toBe('Watch-only');
    // main stores the EIP-55 form
    expect(await titleOf(addressOn(watched, 'eip155:1'))).toBe('0x000000000000000000000000000000000000dEaD');

    await app.getByRole('button', { name: 'Rename Account 1' }).click();
    const rename = app.getByRole('dialog', { name: 'Rename Account 1' });
    await rename.getByLabel('Name').fill('Savings');
    await rename.getByLabel('Name').press('Escape');
    await rename.waitFor({ state: 'detached' });
    expect(await accountCard(app, 'Account 1').count()).toBe(1);
    await app.getByRole('button', { name: 'Rename Account 1' }).click();
    await rename.getByLabel('Name').fill('Savings');
    await h!.screenshot(app, 'rename-dialog', { fullPage: false });
    await rename.getByLabel('Name').press('Enter');
    await accountCard(app, 'Savings').waitFor();
    const labels = ok<AccountView[]>(await h!.core.call('accounts.list', {})).map((a) => a.label);
    expect(labels).toEqual(['Savings', 'Account 2', 'Burn address']);

    const copy = accountCard(app, 'Savings').getByRole('button', { name: 'Copy Ethereum address' });
    await copy.click();
    await eventually(() => copy.textContent(), 'Copied');
    expect(await app.evaluate('navigator.clipboard.readText()')).toBe(HARDHAT_ACCOUNT_0);
    await h!.screenshot(app, 'accounts-many');

    // When the clipboard refuses, the full address is offered selected for a manual copy.
    await app.evaluate('navigator.clipboard.writeText = () => Promise.reject(new Error("denied"))');
    const cosmosCopy = accountCard(app, 'Savings').getByRole('button', { name: 'Copy Cosmos Hub address' });
    await cosmosCopy.click();
    await eventually(() => cosmosCopy.textContent(), 'Copy failed');
    const cosmosAddress = await titleOf(addressOn(accountCard(app, 'Savings'), 'cosmos:cosmoshub-4'));
    const manual = accountCard(app, 'Savings').locator('.address-row__manual input');
    expect(await manual.inputValue()).toBe(cosmosAddress);
    expect(await app.evaluate('document.activeElement.value')).toBe(cosmosAddress);
    expect(h!.problems).toEqual([]);
  });

  it('imports a private key from the accounts page through the secure window', async () => {
    const { app } = await walletHarness();
    await app.getByRole('button', { name: 'Import key' }).click();
    const dialog = app.getByRole('dialog', { name: 'Import a private key' });
    await dialog.getByLabel('Name (optional)').fill('Hot key');
    await dialog.getByRole('button', { name: 'Continue' }).click();
    const secure = await h!.securePage();
    await dialog.getByRole('heading', { name: 'Continue in the secure window' }).waitFor();
    await h!.screenshot(app, 'import-key-waiting', { fullPage: false });

    const key = secure.getByLabel('Private key');
    await key.fill('0x1234');
    await secure.getByRole('button', { name: 'Import' }).click();
    await secure.getByText('That is not a valid private key: expected 64 hexadecimal characters.').waitFor();
    await key.fill(HARDHAT_KEY_2);
    expect(await key.getAttribute('type')).toBe('password');
    await h!.screenshot(secure, 'secure-import-key');
    await secure.getByRole('button', { name: 'Import' }).click();

    const card = accountCard(app, 'Hot key');
    await card.waitFor();
    expect(await card.locator('.badge').textContent()).toBe('Imported');
    expect(await titleOf(addressOn(card, 'eip155:1'))).toBe(HARDHAT_ACCOUNT_2);
    expect(await dialog.count()).toBe(0);
    await h!.secureClosed();
    expect(JSON.stringify(h!.ipcLog)).not.toContain(HARDHAT_KEY_2.slice(2));
    expect(h!.problems).toEqual([]);
  });

  it('changes the password, then shows the recovery phrase in the secure window only', async () => {
    const { app } = await walletHarness();
    const next = 'a brand new passphrase';
    await app.getByRole('button', { name: 'Settings' }).click();
    const form = app.getByRole('region', { name: 'Password' });
    await form.getByLabel('Current password').fill('wrong password');
    await form.getByLabel('New password', { exact: true }).fill(next);
    await form.getByLabel('Confirm new password').fill(next);
    await form.getByRole('button', { name: 'Change password' }).click();
    await form.getByText('The current password is not correct.').waitFor();
    await form.getByLabel('Current password').fill(PASSWORD);
    await form.getByRole('button', { name: 'Change password' }).click();
    await form.getByText('Password changed.').waitFor();
    expect(await form.getByLabel('Current password').inputValue()).toBe('');

    await app.getByRole('button', { name: 'Lock' }).click();
    await app.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await app.getByLabel('Password', { exact: true }).press('Enter');
    await app.getByText('That password is not correct.').waitFor();
    await app.getByLabel('Password', { exact: true }).fill(next);
    await app.getByLabel('Password', { exact: true }).press('Enter');
    await portfolioShown(app);

    await app.getByRole('button', { name: 'Settings' }).click();
    await app.getByRole('button', { name: 'Show recovery phrase' }).click();
    const dialog = app.getByRole('dialog', { name: 'Show recovery phrase' });
    await dialog.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await dialog.getByRole('button', { name: 'Show recovery phrase' }).click();
    await dialog.getByText('That password is not correct.').waitFor();
    await h!.screenshot(app, 'reveal-dialog', { fullPage: false });
    await dialog.getByLabel('Password', { exact: true }).fill(next);
    await dialog.getByRole('button', { name: 'Show recovery phrase' }).click();
    const secure = await h!.securePage();
    const words = secure.getByRole('list', { name: 'Recovery phrase' }).locator('.words__w');
    await words.first().waitFor();
    expect((await words.allTextContents()).join(' ')).toBe(HARDHAT_MNEMONIC);
    await dialog.getByRole('heading', { name: 'Continue in the secure window' }).waitFor();
    await h!.screenshot(secure, 'secure-reveal');
    await secure.getByRole('button', { name: 'Done, close this window' }).click();
    await h!.secureClosed();
    await dialog.waitFor({ state: 'detached' });
    expect(JSON.stringify(h!.ipcLog)).not.toContain(HARDHAT_MNEMONIC);
    expect(h!.problems).toEqual([]);
  });
});
