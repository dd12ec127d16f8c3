import { APP_ORIGIN, APP_PAGES, parseStrictUrl } from './appUrl';

const NAVIGABLE_PATHS: ReadonlySet<string> = new Set(['/', ...Object.values(APP_PAGES)]);

/**
 * Whether a frame may navigate (or be redirected) to `url`: only to one of our own pages on `app://strata/`.
 * Everything else (http(s), file, javascript:, data:, other custom schemes, traversal tricks, user info, ports)
 * is refused; in-page hash changes do not reach this check.
 */
export function isAllowedNavigation(url: string): boolean {
  const parsed = parseStrictUrl(url);
  return parsed !== null && parsed.origin === APP_ORIGIN && NAVIGABLE_PATHS.has(parsed.pathname);
}
