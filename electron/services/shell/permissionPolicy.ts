import { APP_ORIGIN, APP_PAGES, parseStrictUrl } from './appUrl';

/** The permission request/check as Electron describes it (only what the policy reads). */
export interface PermissionQuery {
  permission: string;
  /** last URL the requesting frame loaded */
  requestingUrl?: string;
  isMainFrame: boolean;
}

/**
 * Whether a renderer permission is granted. Everything is refused (camera, microphone, notifications, geolocation,
 * HID/USB/serial, clipboard READ, fullscreen, openExternal, ...) with a single exception: writing text to the
 * clipboard from the app window's own page, so "copy address" works. The secure window may not write the
 * clipboard: a recovery phrase should never sit there.
 */
export function isAllowedPermission(query: PermissionQuery): boolean {
  if (query.permission !== 'clipboard-sanitized-write' || query.isMainFrame !== true) return false;
  const parsed = parseStrictUrl(query.requestingUrl ?? '');
  return parsed !== null && parsed.origin === APP_ORIGIN && parsed.pathname === APP_PAGES.app;
}
