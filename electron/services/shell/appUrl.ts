/**
 * The app's own origin. The renderer is served from `app://strata/` through a privileged custom scheme (never
 * `file://`), so every page has one stable, secure origin that the navigation, request and IPC sender policies
 * can compare against.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'strata';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The two pages the app loads: the main UI and the secure window (secrets shown or typed there only). */
export const APP_PAGES = { app: '/index.html', secure: '/secure.html' } as const;
export type AppPage = keyof typeof APP_PAGES;

/** The URL main loads for a page, e.g. `app://strata/index.html`. */
export function appPageUrl(page: AppPage): string {
  return `${APP_ORIGIN}${APP_PAGES[page]}`;
}

/** A URL split without normalisation: `segments` are the decoded path segments of the raw text. */
export interface ParsedUrl {
  /** `scheme://host` exactly as written (lower-case scheme required) */
  origin: string;
  /** decoded path segments; `app://strata/` gives `['']`, `app://strata` gives `[]` */
  segments: string[];
  /** the pathname as written, e.g. `/index.html` */
  pathname: string;
}

// Scheme, then `//`, then an authority without user info or port; path, query and fragment follow.
const URL_SHAPE = /^([a-z][a-z0-9+.-]*):\/\/([a-z0-9.-]+)(\/[^?#]*)?(\?[^#]*)?(#.*)?$/;

/**
 * Splits a hierarchical URL strictly, WITHOUT the dot-segment normalisation of the WHATWG parser (which turns
 * `app://strata/../x` into `app://strata/x` and so would hide a traversal attempt). Returns null when the text has
 * whitespace, control characters or backslashes, user info, a port, upper-case letters in scheme or host, a
 * segment that is `.` or `..` (also percent-encoded), an encoded `/`, `\` or NUL, or broken percent-encoding.
 */
export function parseStrictUrl(raw: string): ParsedUrl | null {
  if (typeof raw !== 'string' || raw.length > 2048) return null;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f\\]/.test(raw)) return null;
  const match = URL_SHAPE.exec(raw);
  if (match === null) return null;
  const [, scheme, host, rawPath = ''] = match;
  const segments: string[] = [];
  if (rawPath !== '') {
    for (const rawSegment of rawPath.slice(1).split('/')) {
      let segment: string;
      try {
        segment = decodeURIComponent(rawSegment);
      } catch {
        return null;
      }
      // eslint-disable-next-line no-control-regex
      if (segment === '.' || segment === '..' || /[/\\\u0000]/.test(segment)) return null;
      segments.push(segment);
    }
  }
  return { origin: `${scheme}://${host}`, segments, pathname: rawPath };
}
