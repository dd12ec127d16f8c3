/**
 * The Activity page in Chromium against the real core, with a journal holding a Cosmos send that failed in a block
 * (out of gas, its fee charged: issue 17) and one the node refused before any block: the first reads "Failed, fee
 * charged" with the fee and block, the second plain "Failed".
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ActivityJournal } from '../../electron/services/activity/activityJournal';
import { nativeAssetOf } from '../../electron/services/assets/nativeAsset';
import { resolveChain } from '../../electron/services/chains/chainRegistry';
import { CHROMIUM_MISSING, hasChromium, launchChromium, startUiHarness, type UiHarness } from './harness';
import { createVaultThroughCore, openPage, reportFailure } from './flows';

if (!hasChromium) {
  console.warn(CHROMIUM_MISSING);
  it.skip(CHROMIUM_MISSING, () => {});
}

describe.skipIf(!hasChromium)('activity: failed, fee charged', () => {
  let browser: Browser;
  let h: UiHarness | undefined;
  let dataDir: string;

  beforeAll(async () => {
    browser = await launchChromium();
    dataDir = await mkdtemp(path.join(tmpdir(), 'strata-ui-fee-charged-'));
    const hub = resolveChain('cosmoshub');
    const journal = await ActivityJournal.open(dataDir);
    const base = {
      kind: 'transfer' as const,
      chain: hub.id,
      accountId: 'acc',
      from: 'cosmos1jhg0e7s6gn44tfc5k37kr04sznyhedtc9rzys5',
      to: 'cosmos1jc26t6dp59smtkf75e784dzwmgjlhkscdp7e3m',
      asset: nativeAssetOf(hub),
      amount: '500000',
      createdAt: Date.now() - 120_000,
      updatedAt: Date.now() - 120_000,
    };
    await journal.record({ ...base, id: 'refused', nonce: '9', fee: '0', hash: 'B'.repeat(64), status: 'failed', blockNumber: null, error: 'The node rejected the transaction: wrong account sequence' });
    await journal.record({ ...base, id: 'out-of-gas', nonce: '8', createdAt: base.createdAt + 60_000, fee: '1647', hash: 'A'.repeat(64), status: 'failed', blockNumber: '2029', error: 'The transaction failed on chain (the fee was charged): out of gas' });
  });
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail' && h) await reportFailure(h, 'failed-activity-fee-charged');
    await h?.close();
    h = undefined;
  });
  afterAll(async () => {
    await browser?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('a send that failed in a block says "Failed, fee charged" with its fee and block; a refused one says "Failed"', async () => {
    h = await startUiHarness(browser, { dataDir, setup: (core) => createVaultThroughCore(core) });
    const { app } = h;
    await app.getByRole('heading', { name: 'Portfolio', level: 1 }).waitFor();
    await openPage(app, 'Activity');
    const rows = app.getByRole('list', { name: 'Transactions' }).locator('li.activity-row');
    await rows.first().waitFor();
    expect(await rows.evaluateAll((items) => items.map((li) => li.getAttribute('data-activity-id')))).toEqual(['out-of-gas', 'refused']);
    const charged = rows.nth(0);
    expect(await charged.locator('.status').textContent()).toBe('Failed, fee charged');
    expect(await charged.locator('.status').getAttribute('title')).toBe('Included in block 2029 but failed: nothing was sent, and the network kept the fee');
    expect(await charged.locator('.activity-row__main').getAttribute('aria-label')).toMatch(/^Sent 0\.5 ATOM on Cosmos Hub to .+, failed, fee charged, /);
    await charged.locator('.activity-row__main').click();
    const details = charged.locator('.activity-row__details');
    expect(await details.getByText('Fee charged', { exact: true }).count()).toBe(1);
    expect(await details.getByText('0.001647 ATOM').count()).toBe(1);
    expect(await details.getByText('2029', { exact: true }).count()).toBe(1);
    expect(await rows.nth(1).locator('.status').textContent()).toBe('Failed');
    await h.screenshot(app, 'activity-failed-fee-charged');
  }, 60_000);
});
