import { describe, expect, it } from 'vitest';
import { isTrustedSender, type TrustedSenders } from '../../electron/services/ipc/senderPolicy';

const trusted: TrustedSenders = { origin: 'app://strata', webContentsIds: new Set([3]) };
const appOnly: TrustedSenders = { ...trusted, paths: ['/index.html'] };
const good = { url: 'app://strata/index.html', isMainFrame: true, webContentsId: 3 };

describe('isTrustedSender', () => {
  it('trusts our own top-level frame', () => {
    expect(isTrustedSender(good, trusted)).toBe(true);
    expect(isTrustedSender({ ...good, url: 'app://strata/index.html#/send' }, appOnly)).toBe(true);
  });

  it('denies a sub-frame of our own window', () => {
    expect(isTrustedSender({ ...good, isMainFrame: false }, trusted)).toBe(false);
  });

  it('denies another webContents, even on our origin', () => {
    expect(isTrustedSender({ ...good, webContentsId: 4 }, trusted)).toBe(false);
    expect(isTrustedSender({ ...good, webContentsId: Number.NaN }, trusted)).toBe(false);
    expect(isTrustedSender(good, { ...trusted, webContentsIds: new Set() })).toBe(false);
  });

  it.each([
    'https://evil.example/index.html',
    'file:///opt/strata/dist/renderer/index.html',
    'app://evil/index.html',
    'app://strata.evil/index.html',
    'app://strata:1/index.html',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
    '',
  ])('denies a frame showing %j', (url) => {
    expect(isTrustedSender({ ...good, url }, trusted)).toBe(false);
  });

  it('denies a page of our origin outside the allowed paths', () => {
    expect(isTrustedSender({ ...good, url: 'app://strata/secure.html' }, appOnly)).toBe(false);
    expect(isTrustedSender({ ...good, url: 'app://strata/../index.html' }, trusted)).toBe(false);
  });
});
