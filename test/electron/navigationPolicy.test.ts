import { describe, expect, it } from 'vitest';
import { appPageUrl, parseStrictUrl } from '../../electron/services/shell/appUrl';
import { isAllowedNavigation } from '../../electron/services/shell/navigationPolicy';
import { isAllowedPermission } from '../../electron/services/shell/permissionPolicy';
import { isAllowedRequestUrl } from '../../electron/services/shell/requestPolicy';

describe('isAllowedNavigation', () => {
  it.each([
    'app://strata/index.html',
    'app://strata/secure.html',
    'app://strata/',
    'app://strata/index.html#/accounts',
    'app://strata/index.html?tab=settings',
  ])('allows %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(true);
  });

  it.each([
    'https://evil.example/',
    'http://localhost:5173/index.html',
    'file:///etc/passwd',
    'file:///opt/Strata/resources/app.asar/dist/renderer/index.html',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'app://strata/../x',
    'app://strata/..%2Findex.html',
    'app://strata/%2e%2e/index.html',
    'app://strata/./index.html',
    'app://strata/assets/index.js',
    'app://strata/other.html',
    'app://evil/index.html',
    'app://strata.evil/index.html',
    'app://STRATA/index.html',
    'APP://strata/index.html',
    'app://strata:443/index.html',
    'app://user@strata/index.html',
    'app://strata\\index.html',
    'app://strata/index.html\n',
    ' app://strata/index.html',
    'app:strata/index.html',
    'devtools://devtools/bundled/inspector.html',
    'chrome://settings',
    '',
  ])('denies %j', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
  });
});

describe('parseStrictUrl', () => {
  it('keeps the raw path (no dot-segment normalisation) and decodes segments', () => {
    expect(parseStrictUrl('app://strata/assets/a%20b.js?x=1#y')).toStrictEqual({
      origin: 'app://strata',
      segments: ['assets', 'a b.js'],
      pathname: '/assets/a%20b.js',
    });
    expect(parseStrictUrl('app://strata')).toStrictEqual({ origin: 'app://strata', segments: [], pathname: '' });
    expect(parseStrictUrl('app://strata/a/%E0%A4%A')).toBeNull();
    expect(parseStrictUrl('app://strata/a%00b')).toBeNull();
    expect(parseStrictUrl('app://strata/a%5cb')).toBeNull();
  });

  it('builds the page URLs main loads', () => {
    expect(appPageUrl('app')).toBe('app://strata/index.html');
    expect(appPageUrl('secure')).toBe('app://strata/secure.html');
  });
});

describe('isAllowedRequestUrl', () => {
  it.each(['app://strata/assets/index-abc.js', 'devtools://devtools/bundled/inspector.js', 'data:image/png;base64,AAAA', 'APP://strata/x'])(
    'allows %s',
    (url) => {
      expect(isAllowedRequestUrl(url)).toBe(true);
    },
  );

  it.each([
    'https://rpc.example/',
    'http://127.0.0.1:8545/',
    'wss://relay.example/',
    'file:///etc/passwd',
    'ftp://example/',
    'blob:app://strata/123',
    'chrome-extension://abc/x.js',
    'not a url',
    '',
  ])('denies %j', (url) => {
    expect(isAllowedRequestUrl(url)).toBe(false);
  });
});

describe('isAllowedPermission', () => {
  const appPage = 'app://strata/index.html';

  it('grants only clipboard writes from the app page main frame', () => {
    expect(isAllowedPermission({ permission: 'clipboard-sanitized-write', requestingUrl: appPage, isMainFrame: true })).toBe(true);
  });

  it.each([
    { permission: 'clipboard-sanitized-write', requestingUrl: 'app://strata/secure.html', isMainFrame: true },
    { permission: 'clipboard-sanitized-write', requestingUrl: appPage, isMainFrame: false },
    { permission: 'clipboard-sanitized-write', requestingUrl: 'https://evil.example/', isMainFrame: true },
    { permission: 'clipboard-sanitized-write', isMainFrame: true },
    { permission: 'clipboard-read', requestingUrl: appPage, isMainFrame: true },
    { permission: 'media', requestingUrl: appPage, isMainFrame: true },
    { permission: 'notifications', requestingUrl: appPage, isMainFrame: true },
    { permission: 'openExternal', requestingUrl: appPage, isMainFrame: true },
    { permission: 'hid', requestingUrl: appPage, isMainFrame: true },
    { permission: 'fullscreen', requestingUrl: appPage, isMainFrame: true },
  ])('denies $permission from $requestingUrl (main frame: $isMainFrame)', (query) => {
    expect(isAllowedPermission(query)).toBe(false);
  });
});
