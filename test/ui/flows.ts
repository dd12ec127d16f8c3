/**
 * Known values and small steps shared by the UI tests. The Hardhat/Anvil development phrase has published
 * addresses (m/44'/60'/0'/0/i), which the tests assert exactly.
 */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { StrataCore } from '../../electron/services/app/core';
import type { Envelope } from '../../shared/ipc/contract';
import type { UiHarness } from './harness';

export const HARDHAT_MNEMONIC = 'test test test test test test test test test test test junk';
/** m/44'/60'/0'/0/0 and /1 of HARDHAT_MNEMONIC, as published by Hardhat and Foundry */
export const HARDHAT_ACCOUNT_0 = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
export const HARDHAT_ACCOUNT_1 = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
/** Hardhat's account #2: private key and address */
export const HARDHAT_KEY_2 = '0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a';
export const HARDHAT_ACCOUNT_2 = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';

export const PASSWORD = 'correct horse battery staple';

/** Unwraps an envelope, failing the test with its error code otherwise. */
export function ok<T>(envelope: Envelope<unknown>): T {
  if (!envelope.ok) throw new Error(`expected ok, got ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as T;
}

/** Creates (and leaves unlocked) a vault from a phrase through the core, as the secure window would. */
export async function createVaultThroughCore(core: StrataCore, phrase = HARDHAT_MNEMONIC, password = PASSWORD): Promise<void> {
  const { sessionId } = ok<{ sessionId: string }>(await core.call('secure.begin', { purpose: 'import-mnemonic' }));
  ok(await core.callSecure(sessionId, 'secure.submitMnemonic', { mnemonic: phrase, passphrase: '' }));
  ok(await core.call('vault.create', { sessionId, password }));
}

/** Opens a page from the top bar ("Accounts", "Activity", …) and waits for its heading. */
export async function openPage(page: Page, name: 'Portfolio' | 'Accounts' | 'Activity' | 'Settings'): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true }).click();
  await page.getByRole('heading', { name, level: 1 }).waitFor();
}

/** The card (a labelled region) of an account in the accounts page. */
export function accountCard(page: Page, label: string): Locator {
  return page.getByRole('region', { name: label, exact: true });
}

/** The full address shown for a chain in an account card (the title of the middle-truncated text). */
export function addressOn(card: Locator, chainId: string): Locator {
  return card.locator(`li[data-chains~="${chainId}"] code.address`);
}

/** Waits for an element's attribute to equal a value and returns it. */
export async function titleOf(locator: Locator): Promise<string | null> {
  await locator.waitFor();
  return locator.getAttribute('title');
}

/** Polls until `read()` returns `expected` (or fails after `timeout` ms with the last value). */
export async function eventually<T>(read: () => Promise<T> | T, expected: T, timeout = 5000): Promise<void> {
  const deadline = Date.now() + timeout;
  let last: T = await read();
  while (JSON.stringify(last) !== JSON.stringify(expected) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    last = await read();
  }
  expect(last).toEqual(expected);
}

/** After a failed test: a screenshot of the app window, plus the failed calls and page problems on stderr. */
export async function reportFailure(h: UiHarness, name: string): Promise<void> {
  await h.screenshot(h.app, name).catch(() => {});
  const failed = h.ipcLog.filter((e) => e.kind === 'call' && !e.answer.ok).map((e) => (e.kind === 'call' ? `${e.method}: ${JSON.stringify(e.answer)}` : ''));
  process.stderr.write(`[ui] failed calls: ${JSON.stringify(failed)}\n[ui] problems: ${JSON.stringify(h.problems)}\n`);
}

/**
 * The user's side of "Confirm and start" on a cross-chain review: the secure window shows main's kept quote (amount
 * in, minimum out); confirm there. Returns the transfer main pushed as confirmation.outcome.
 */
export async function confirmTransferInSecureWindow<T = unknown>(h: UiHarness, expected: { amount: string; minOut?: string }): Promise<T> {
  const secure = await h.securePage();
  await secure.getByRole('heading', { name: 'Confirm this transfer' }).waitFor();
  expect(await secure.locator('[data-confirm="amount"]').textContent()).toBe(expected.amount);
  if (expected.minOut !== undefined) expect(await secure.locator('[data-confirm="min-out"]').textContent()).toBe(expected.minOut);
  const outcomes = () => h.ipcLog.filter((e) => e.kind === 'event' && e.event === 'confirmation.outcome');
  const before = outcomes().length;
  await secure.getByRole('button', { name: 'Confirm and start' }).click();
  await eventually(() => outcomes().length > before, true, 15_000);
  const last = outcomes().at(-1);
  const outcome = (last?.kind === 'event' ? last.payload : undefined) as { ok: boolean; transfer?: T } | undefined;
  if (!outcome?.ok || outcome.transfer === undefined) throw new Error(`the confirmation failed: ${JSON.stringify(outcome)}`);
  return outcome.transfer;
}

/**
 * Confirms a rebalancing plan in the secure window after the app asked for it (rebalance.execute): checks that the
 * window shows `expected.trades` (each trade's sell/buy line) and the total cost, clicks "Confirm and rebalance", and
 * returns the execution main pushed as confirmation.outcome.
 */
export async function confirmRebalanceInSecureWindow<T = unknown>(h: UiHarness, expected: { trades: string[]; totalCost: string }): Promise<T> {
  const secure = await h.securePage();
  await secure.getByRole('heading', { name: 'Confirm this rebalancing' }).waitFor();
  expect(await secure.locator('[data-confirm="trade"]').allTextContents()).toEqual(expected.trades);
  expect(await secure.locator('[data-confirm="total-cost"]').textContent()).toBe(expected.totalCost);
  const outcomes = () => h.ipcLog.filter((e) => e.kind === 'event' && e.event === 'confirmation.outcome');
  const before = outcomes().length;
  await secure.getByRole('button', { name: 'Confirm and rebalance' }).click();
  await eventually(() => outcomes().length > before, true, 15_000);
  const last = outcomes().at(-1);
  const outcome = (last?.kind === 'event' ? last.payload : undefined) as { ok: boolean; execution?: T } | undefined;
  if (!outcome?.ok || outcome.execution === undefined) throw new Error(`the confirmation failed: ${JSON.stringify(outcome)}`);
  return outcome.execution;
}
