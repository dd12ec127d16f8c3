/**
 * The Receive page in Chromium against the real core: account and network pickers, the full address (EIP-55 hex,
 * bech32), a QR code that decodes (jsQR, from the pixels Chromium drew) to exactly that address, copy, and the
 * networks that share the address spelled out. Expected addresses come from outside the app: Hardhat's published
 * account #0 for EVM, cosmjs' own HD wallet for the Cosmos chains.
 */
import { DirectSecp256k1HdWallet } from '@cosmjs/proto-signing';
import jsQR from 'jsqr';
import type { Browser, Locator } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChainInfo } from '../../shared/domain/chain';
import { CHROMIUM_MISSING, hasChromium, launchChromium, startUiHarness, type UiHarness } from './harness';
import { horizontalOverflow } from './layoutCheck';
import { HARDHAT_ACCOUNT_0, HARDHAT_MNEMONIC, createVaultThroughCore, eventually, ok, reportFailure } from './flows';

if (!hasChromium) {
  console.warn(CHROMIUM_MISSING);
  it.skip(CHROMIUM_MISSING, () => {});
}

/** Decodes the QR code an element shows, from a screenshot of it (what a phone's camera would see). */
async function decodeQr(element: Locator): Promise<string | null> {
  const png = PNG.sync.read(await element.screenshot());
  return jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height)?.data ?? null;
}

describe.skipIf(!hasChromium)('receive in Chromium', () => {
  let browser: Browser;
  let h: UiHarness | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail' && h) await reportFailure(h, `failed-receive-${context.task.name.slice(0, 40).replace(/\W+/g, '-')}`);
    await h?.close();
    h = undefined;
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function cosmjsAddress(prefix: string): Promise<string> {
    const wallet = await DirectSecp256k1HdWallet.fromMnemonic(HARDHAT_MNEMONIC, { prefix });
    return (await wallet.getAccounts())[0]!.address;
  }

  it('shows the full address with a QR code that decodes to it, copy, and the networks that share it', async () => {
    h = await startUiHarness(browser, { setup: (core) => createVaultThroughCore(core) });
    const { app } = h;
    const chains = ok<ChainInfo[]>(await h.core.call('chains.list', {}));
    const evmNames = chains.filter((c) => c.family === 'evm').map((c) => c.name);
    const cosmos = chains.filter((c) => c.family === 'cosmos' && c.addressScheme === 'cosmos');
    expect(evmNames.slice(0, 3)).toEqual(['Ethereum', 'Arbitrum One', 'OP Mainnet']);

    await app.getByRole('heading', { name: 'Portfolio', level: 1 }).waitFor();
    await app.getByRole('button', { name: 'Receive', exact: true }).click();
    await app.getByRole('heading', { name: 'Receive', level: 1 }).waitFor();
    const pickers = app.getByRole('form', { name: 'Address to receive on' });
    expect(await pickers.getByLabel('Account').inputValue()).not.toBe('');
    const network = pickers.getByLabel('Network');
    expect(await network.locator('option:checked').textContent()).toBe('Ethereum');

    // EVM: the EIP-55 address, as text and as a QR code, the same on every EVM network
    const address = app.getByLabel('Ethereum address', { exact: true });
    expect(await address.textContent()).toBe(HARDHAT_ACCOUNT_0);
    const qr = app.getByRole('img', { name: 'QR code of the Ethereum address' });
    expect(await decodeQr(qr)).toBe(HARDHAT_ACCOUNT_0);
    const note = app.getByRole('note', { name: 'Where this address receives' });
    const noteText = (await note.textContent()) ?? '';
    expect(noteText).toContain(`This address is the same on every EVM network: ${evmNames.slice(0, -1).join(', ')} and ${evmNames.at(-1)}.`);
    await h.screenshot(app, 'receive');
    await app.getByRole('button', { name: 'Copy Ethereum address' }).click();
    await eventually(() => app.evaluate('navigator.clipboard.readText()'), HARDHAT_ACCOUNT_0);

    // Cosmos: bech32 with this chain's prefix, and the account's other Cosmos addresses listed as different
    await network.selectOption({ label: 'Cosmos Hub' });
    const cosmosHub = await cosmjsAddress('cosmos');
    const hubAddress = app.getByLabel('Cosmos Hub address', { exact: true });
    await hubAddress.waitFor();
    expect(await hubAddress.textContent()).toBe(cosmosHub);
    expect(await decodeQr(app.getByRole('img', { name: 'QR code of the Cosmos Hub address' }))).toBe(cosmosHub);
    expect(await note.locator('p').first().textContent()).toBe(
      'This address is for Cosmos Hub only (prefix cosmos). Each Cosmos network gives you a different address:',
    );
    const others = app.getByRole('list', { name: 'Your addresses on other Cosmos networks' });
    const osmosis = await cosmjsAddress('osmo');
    const rows = await others.locator('li').evaluateAll((items) => items.map((li) => [li.querySelector('span')?.textContent, li.querySelector('code')?.textContent]));
    expect(rows).toContainEqual(['Osmosis', osmosis]);
    // every other coin-type-118 Cosmos chain is listed, with the address cosmjs derives for its prefix
    const expected = await Promise.all(cosmos.filter((c) => c.name !== 'Cosmos Hub').map(async (c) => [c.name, await cosmjsAddress(c.bech32Prefix!)]));
    expect(rows.filter((row) => expected.some(([name]) => name === row[0]))).toEqual(expected);
    await app.getByRole('button', { name: 'Copy Cosmos Hub address' }).click();
    await eventually(() => app.evaluate('navigator.clipboard.readText()'), cosmosHub);

    // a small window: pickers above the card, the whole address wrapped, nothing past the right edge
    await app.setViewportSize({ width: 900, height: 650 });
    expect(await horizontalOverflow(app)).toEqual([]);
    expect(await decodeQr(app.getByRole('img', { name: 'QR code of the Cosmos Hub address' }))).toBe(cosmosHub);
    await h.screenshot(app, 'receive-900x650', { fullPage: false });
    expect(h.problems).toEqual([]);
  });
});
