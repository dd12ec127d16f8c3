/**
 * First run in the real renderer (dist/renderer) and real Chromium, against the real core: create a wallet through
 * the secure window, a wrong confirmation word, and importing the Hardhat phrase with exact addresses.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Secp256k1HdWallet } from '@cosmjs/amino';
import { HDNodeWallet } from 'ethers';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AccountView } from '../../shared/domain/account';
import type { VaultStatus } from '../../shared/ipc/contract';
import { CHROMIUM_MISSING, hasChromium, launchChromium, startUiHarness, type UiHarness } from './harness';
import { HARDHAT_ACCOUNT_0, HARDHAT_ACCOUNT_2, HARDHAT_KEY_2, HARDHAT_MNEMONIC, PASSWORD, accountCard, addressOn, ok, openPage, reportFailure, titleOf } from './flows';

if (!hasChromium) {
  console.warn(CHROMIUM_MISSING);
  it.skip(CHROMIUM_MISSING, () => {});
}

/** The words the secure window shows, in order. */
async function shownWords(secure: Page): Promise<string[]> {
  const grid = secure.getByRole('list', { name: 'Recovery phrase' });
  await grid.waitFor();
  return grid.locator('.words__w').allTextContents();
}

/** The 1-based positions the confirmation step asks for ("Word #3" labels). */
async function askedPositions(secure: Page): Promise<number[]> {
  const labels = await secure.locator('.confirm-grid label').allTextContents();
  return labels.map((label) => Number(label.replace('Word #', '')));
}

async function choosePassword(h: UiHarness, choice: RegExp): Promise<void> {
  await h.app.getByRole('button', { name: choice }).click();
  await h.app.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await h.app.getByLabel('Confirm password').fill(PASSWORD);
}

describe.skipIf(!hasChromium)('onboarding in Chromium', () => {
  let browser: Browser;
  let h: UiHarness | undefined;

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

  it('creates a wallet: 12 words in the secure window, typed back, then Account 1 with its Ethereum address', async () => {
    h = await startUiHarness(browser);
    const { app } = h;
    await app.getByRole('heading', { name: 'Welcome to Strata' }).waitFor();
    await h.screenshot(app, 'onboarding-welcome');

    await app.getByRole('button', { name: /Create a new wallet/ }).click();
    // a short password is refused before anything reaches main
    await app.getByLabel('Password', { exact: true }).fill('short');
    await app.getByLabel('Confirm password').fill('short');
    await app.getByRole('button', { name: 'Continue' }).click();
    await app.getByText('Use at least 8 characters.').waitFor();
    expect(h.ipcLog.filter((e) => e.kind === 'call' && e.method === 'secure.begin')).toEqual([]);

    await app.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await app.getByLabel('Confirm password').fill(PASSWORD);
    expect(await app.locator('.meter__label').first().textContent()).toBe('Strength: Strong');
    await h.screenshot(app, 'onboarding-password');
    await app.getByRole('button', { name: 'Continue' }).click();

    const secure = await h.securePage();
    await app.getByRole('heading', { name: 'Continue in the secure window' }).waitFor();
    await h.screenshot(app, 'onboarding-waiting');

    const words = await shownWords(secure);
    expect(words).toHaveLength(12);
    await h.screenshot(secure, 'secure-create-words');
    await secure.getByRole('button', { name: 'I have written them down' }).click();
    const positions = await askedPositions(secure);
    expect(positions).toHaveLength(3);
    for (const position of positions) await secure.getByLabel(`Word #${position}`, { exact: true }).fill(words[position - 1] ?? '');
    await h.screenshot(secure, 'secure-create-confirm');
    await secure.getByRole('button', { name: 'Confirm' }).click();

    await app.getByRole('heading', { name: 'Your wallet is ready' }).waitFor();
    await h.screenshot(app, 'onboarding-done');
    // vault.create closed the secure window
    await h.secureClosed();
    await app.getByRole('button', { name: 'Open wallet' }).click();
    // the wallet opens on the portfolio; the addresses are on the accounts page
    await app.getByRole('heading', { name: 'Portfolio', level: 1 }).waitFor();
    await openPage(app, 'Accounts');

    const card = accountCard(app, 'Account 1');
    await card.waitFor();
    const expected = HDNodeWallet.fromPhrase(words.join(' ')).address;
    expect(await titleOf(addressOn(card, 'eip155:1'))).toBe(expected);
    expect(await card.locator('.badge').textContent()).toBe('HD');

    const status = ok<VaultStatus>(await h.core.call('vault.status', {}));
    expect(status).toEqual({ exists: true, unlocked: true, hasMnemonic: true, accountCount: 1 });
    expect(existsSync(path.join(h.dataDir, 'vault.json'))).toBe(true);
    // the app window never carried the phrase
    const appTraffic = JSON.stringify(h.ipcLog);
    // (single words can be JSON keys, e.g. "state"; any two adjacent words of the phrase cannot)
    for (let i = 1; i < words.length; i++) expect(appTraffic).not.toContain(`${words[i - 1]} ${words[i]}`);
    expect(h.problems).toEqual([]);
  });

  it('a wrong confirmation word shows an error in the secure window and creates no vault', async () => {
    h = await startUiHarness(browser);
    const { app } = h;
    await choosePassword(h, /Create a new wallet/);
    await app.getByRole('button', { name: 'Continue' }).click();
    const secure = await h.securePage();
    const words = await shownWords(secure);
    await secure.getByRole('button', { name: 'I have written them down' }).click();
    const positions = await askedPositions(secure);
    const [first, ...rest] = positions;
    const wrong = words[first! - 1] === 'zoo' ? 'abandon' : 'zoo';
    await secure.getByLabel(`Word #${first}`, { exact: true }).fill(wrong);
    for (const position of rest) await secure.getByLabel(`Word #${position}`, { exact: true }).fill(words[position - 1] ?? '');
    await secure.getByRole('button', { name: 'Confirm' }).click();

    const alert = secure.getByRole('alert').filter({ hasText: 'does not match' });
    await alert.waitFor();
    expect(await alert.textContent()).toBe(`Word #${first} does not match. Check your written copy and try again.`);
    await h.screenshot(secure, 'secure-create-confirm-error');

    expect(ok<VaultStatus>(await h.core.call('vault.status', {})).exists).toBe(false);
    expect(existsSync(path.join(h.dataDir, 'vault.json'))).toBe(false);
    // the app window is still waiting; cancelling closes the secure window and returns to the password step
    await app.getByRole('heading', { name: 'Continue in the secure window' }).waitFor();
    await app.getByRole('button', { name: 'Cancel' }).click();
    await h.secureClosed();
    await app.getByText('The secure window was closed before it finished. Continue to open it again.').waitFor();
    expect(ok<VaultStatus>(await h.core.call('vault.status', {})).exists).toBe(false);
    expect(h.problems).toEqual([]);
  });

  it('imports the Hardhat phrase: Account 1 has exactly the published Ethereum address and the Cosmos Hub address', async () => {
    h = await startUiHarness(browser);
    const { app } = h;
    await choosePassword(h, /Import a recovery phrase/);
    await app.getByRole('button', { name: 'Continue' }).click();
    const secure = await h.securePage();
    const phrase = secure.getByLabel('Recovery phrase');
    await phrase.fill('test test test');
    await secure.getByRole('button', { name: 'Import' }).click();
    await secure.getByText('A recovery phrase has 12, 15, 18, 21 or 24 words; this one has 3.').waitFor();
    await phrase.fill(HARDHAT_MNEMONIC.replace('junk', 'test'));
    await secure.getByRole('button', { name: 'Import' }).click();
    await secure.getByText('That recovery phrase is not valid. Check each word and their order.').waitFor();
    await phrase.fill(`  ${HARDHAT_MNEMONIC.toUpperCase()}\n`);
    expect(await secure.locator('.word-count').textContent()).toBe('12 words');
    await h.screenshot(secure, 'secure-import-phrase');
    await secure.getByRole('button', { name: 'Import' }).click();

    await app.getByRole('heading', { name: 'Your wallet is restored' }).waitFor();
    await app.getByRole('button', { name: 'Open wallet' }).click();
    // the wallet opens on the portfolio; the addresses are on the accounts page
    await app.getByRole('heading', { name: 'Portfolio', level: 1 }).waitFor();
    await openPage(app, 'Accounts');
    const card = accountCard(app, 'Account 1');
    await card.waitFor();
    await h.screenshot(app, 'accounts');

    const [cosmos] = await (await Secp256k1HdWallet.fromMnemonic(HARDHAT_MNEMONIC, { prefix: 'cosmos' })).getAccounts();
    expect(await titleOf(addressOn(card, 'eip155:1'))).toBe(HARDHAT_ACCOUNT_0);
    expect(await titleOf(addressOn(card, 'cosmos:cosmoshub-4'))).toBe(cosmos?.address);
    // the page shows what main derived, for every chain
    const [account] = ok<AccountView[]>(await h.core.call('accounts.list', {}));
    for (const { chain, address } of account?.addresses ?? []) expect(await titleOf(addressOn(card, chain))).toBe(address);
    expect(await card.locator('li[data-chains~="eip155:1"] .address-row__chain-name').textContent()).toBe('Ethereum');
    expect(await card.locator('li[data-chains~="cosmos:cosmoshub-4"] .address-row__chain-name').textContent()).toBe('Cosmos Hub');
    expect(h.problems).toEqual([]);
  });

  it('starts from a private key: "Imported 1", and nothing that needs a recovery phrase is offered', async () => {
    h = await startUiHarness(browser);
    const { app } = h;
    await choosePassword(h, /Import a private key/);
    await app.getByRole('button', { name: 'Continue' }).click();
    // closing the secure window by hand cancels the session; the app offers to open it again
    await (await h.securePage()).close();
    await app.getByText('The secure window was closed before it finished. Continue to open it again.').waitFor();
    await app.getByRole('button', { name: 'Continue' }).click();
    const secure = await h.securePage();
    await secure.getByLabel('Private key').fill(HARDHAT_KEY_2.slice(2));
    await secure.getByRole('button', { name: 'Import' }).click();
    await app.getByRole('heading', { name: 'Your wallet is restored' }).waitFor();
    await app.getByRole('button', { name: 'Open wallet' }).click();
    // the wallet opens on the portfolio; the addresses are on the accounts page
    await app.getByRole('heading', { name: 'Portfolio', level: 1 }).waitFor();
    await openPage(app, 'Accounts');

    const card = accountCard(app, 'Imported 1');
    await card.waitFor();
    expect(await card.locator('.badge').textContent()).toBe('Imported');
    expect(await titleOf(addressOn(card, 'eip155:1'))).toBe(HARDHAT_ACCOUNT_2);
    expect(await app.getByRole('button', { name: 'Add account' }).isDisabled()).toBe(true);
    await app.getByRole('button', { name: 'Settings' }).click();
    await app.getByText('This wallet was created from a private key and has no recovery phrase.').waitFor();
    expect(await app.getByRole('button', { name: 'Show recovery phrase' }).isDisabled()).toBe(true);
    expect(JSON.stringify(h.ipcLog)).not.toContain(HARDHAT_KEY_2.slice(2));
    expect(h.problems).toEqual([]);
  });
});
