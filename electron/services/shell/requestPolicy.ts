import { APP_SCHEME } from './appUrl';

/**
 * Schemes a renderer may load anything from. `app:` is our bundle, `devtools:` the built-in inspector (only present
 * when devtools are enabled). `data:` is listed because the CSP allows `img-src data:`; Chromium does not route
 * data: URLs through webRequest today, and the CSP still limits them to images. Everything else, notably
 * http(s), ws(s), file and ftp, is refused: the renderer has no network; main does all I/O.
 */
const ALLOWED_REQUEST_SCHEMES: ReadonlySet<string> = new Set([`${APP_SCHEME}:`, 'devtools:', 'data:']);

/** Whether a request issued by a renderer (any resource type) may proceed. */
export function isAllowedRequestUrl(url: string): boolean {
  const match = /^([a-z][a-z0-9+.-]*:)/i.exec(url);
  return match !== null && ALLOWED_REQUEST_SCHEMES.has((match[1] ?? '').toLowerCase());
}
