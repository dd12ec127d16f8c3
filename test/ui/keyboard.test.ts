/**
 * Keyboard only: the import onboarding from the welcome screen to the accounts page with Tab, Enter and typing
 * (in both windows), then a dialog opened with Enter and dismissed with Escape, focus returning to its opener.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_MISSING, hasChromium, launchChromium, startUiHarness, type UiHarness } from './harness';
import { HARDHAT_ACCOUNT_0, HARDHAT_MNEMONIC, PASSWORD, accountCard, addressOn, reportFailure, titleOf } from './flows';

if (!hasChromium) {
  console.warn(CHROMIUM_MISSING);
  it.skip(CHROMIUM_MISSING, () => {});
}

/** "<tag>:<accessible-ish name>" of the focused element (aria-label, aria-labelledby, its label, else its text). */
function focused(page: Page): Promise<string> {
  return page.evaluate(`(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    const labelledBy = el.getAttribute('aria-labelledby');
    const label = el.getAttribute('aria-label')
      ?? (labelledBy ? document.getElementById(labelledBy)?.textContent : null)
      ?? (el.labels && el.labels[0] ? el.labels[0].textContent : null)
      ?? el.textContent;
    return el.tagName.toLowerCase() + ':' + (label ?? '').replace(/\\s+/g, ' ').trim();
  })()`);
}

/** Presses Tab and checks where focus lands. */
async function tabTo(page: Page, expected: string): Promise<void> {
  await page.keyboard.press('Tab');
  expect(await focused(page)).toBe(expected);
}

describe.skipIf(!hasChromium)('keyboard only in Chromium', () => {
  let browser: Browser;
  let h: UiHarness | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail' && h) await reportFailure(h, 'failed-keyboard');
    await h?.close();
    h = undefined;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('completes the import onboarding with Tab, Enter and typing only', async () => {
    h = await startUiHarness(browser);
    const { app } = h;
    await app.getByRole('heading', { name: 'Welcome to Strata' }).waitFor();
    expect(await focused(app)).toBe('h1:Welcome to Strata');
    await tabTo(app, 'button:Create a new wallet');
    await tabTo(app, 'button:Import a recovery phrase');
    await h.screenshot(app, 'keyboard-focus-ring');
    await app.keyboard.press('Enter');

    // the password step puts focus in its first field; Enter in the last field submits
    await app.getByRole('heading', { name: 'Import a recovery phrase' }).waitFor();
    expect(await focused(app)).toBe('input:Password');
    await app.keyboard.type(PASSWORD);
    await tabTo(app, 'input:Confirm password');
    await app.keyboard.type(PASSWORD);
    await app.keyboard.press('Enter');

    const secure = await h.securePage();
    await secure.getByRole('heading', { name: 'Enter your recovery phrase' }).waitFor();
    expect(await focused(secure)).toBe('textarea:Recovery phrase');
    await secure.keyboard.type(HARDHAT_MNEMONIC);
    await tabTo(secure, 'input:This wallet uses a BIP-39 passphrase (sometimes called the 25th word)');
    await tabTo(secure, 'button:Import');
    await secure.keyboard.press('Enter');

    await app.getByRole('heading', { name: 'Your wallet is restored' }).waitFor();
    expect(await focused(app)).toBe('button:Open wallet');
    await app.keyboard.press('Enter');
    await app.getByRole('heading', { name: 'Portfolio', level: 1 }).waitFor();

    // the top bar comes first in tab order: page nav, then Lock, then the page's actions
    await tabTo(app, 'button:Portfolio');
    await tabTo(app, 'button:Strategy');
    await tabTo(app, 'button:Swap & bridge');
    await tabTo(app, 'button:Accounts');
    await tabTo(app, 'button:Activity');
    await tabTo(app, 'button:Settings');
    await tabTo(app, 'button:Lock');
    await tabTo(app, 'button:Refresh');
    await tabTo(app, 'button:Receive');
    await tabTo(app, 'button:Send');

    // back to the nav and into the accounts page: focus lands on its heading, then its actions
    await app.keyboard.press('Shift+Tab');
    await app.keyboard.press('Shift+Tab');
    await app.keyboard.press('Shift+Tab');
    await app.keyboard.press('Shift+Tab');
    await app.keyboard.press('Shift+Tab');
    await app.keyboard.press('Shift+Tab');
    expect(await focused(app)).toBe('button:Accounts');
    await app.keyboard.press('Enter');
    await app.getByRole('heading', { name: 'Accounts', level: 1 }).waitFor();
    expect(await focused(app)).toBe('h1:Accounts');
    const card = accountCard(app, 'Account 1');
    await card.waitFor();
    expect(await titleOf(addressOn(card, 'eip155:1'))).toBe(HARDHAT_ACCOUNT_0);
    await tabTo(app, 'button:Add account');
    await tabTo(app, 'button:Import key');
    await tabTo(app, 'button:Watch address');
    await app.keyboard.press('Enter');
    const dialog = app.getByRole('dialog', { name: 'Watch an address' });
    await dialog.waitFor();
    expect(await focused(app)).toBe('select:Network');
    await app.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await focused(app)).toBe('button:Watch address');

    // Every key press since the unlock was activity, but main heard about it once (throttled to 30 s).
    expect(h.ipcLog.filter((e) => e.kind === 'call' && e.method === 'session.touch')).toHaveLength(1);
    expect(h.problems).toEqual([]);
  });
});
