import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { appResponseHeaders } from './csp';
import { APP_ORIGIN, parseStrictUrl } from './appUrl';

/** Content types of the files the renderer bundle may contain; any other extension is not served. */
export const APP_CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export interface ResolvedAppFile {
  /** absolute path inside the root */
  filePath: string;
  contentType: string;
}

/**
 * Maps an `app://strata/...` URL to a file inside `rootDir` (the built renderer), or null when it must not be
 * served: another origin, a traversal attempt (`..`, encoded or not), an absolute or drive path, a hidden file
 * (any segment starting with `.`), an empty segment, or an extension outside APP_CONTENT_TYPES. `/` maps to
 * `index.html`. Pure: it does not touch the file system (readAppFile adds the symlink check).
 */
export function resolveAppFile(rootDir: string, url: string): ResolvedAppFile | null {
  const parsed = parseStrictUrl(url);
  if (parsed === null || parsed.origin !== APP_ORIGIN) return null;
  const segments = parsed.segments.length === 0 || (parsed.segments.length === 1 && parsed.segments[0] === '') ? ['index.html'] : parsed.segments;
  for (const segment of segments) {
    // ':' rules out Windows drive letters and alternate data streams; '.' prefixes rule out dotfiles and '..'.
    if (segment === '' || segment.startsWith('.') || segment.includes(':')) return null;
  }
  const contentType = APP_CONTENT_TYPES[path.extname(segments[segments.length - 1] ?? '').toLowerCase()];
  if (contentType === undefined) return null;
  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, ...segments);
  if (!isInside(root, filePath)) return null;
  return { filePath, contentType };
}

/** Whether `candidate` is `root` itself or below it (both absolute). */
export function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

export interface AppFileResponse {
  status: 200 | 404;
  body: Uint8Array<ArrayBuffer>;
  headers: Record<string, string>;
}

const NOT_FOUND: Omit<AppFileResponse, 'headers'> = { status: 404, body: new TextEncoder().encode('Not found') };

/**
 * Reads the file an `app:` URL names, for the protocol handler: 200 with the bytes, or 404 for anything
 * resolveAppFile refuses, a missing file, a directory, or a symlink whose target lies outside the root.
 * Every answer carries the CSP headers.
 */
export async function readAppFile(rootDir: string, url: string): Promise<AppFileResponse> {
  const notFound: AppFileResponse = { ...NOT_FOUND, headers: appResponseHeaders('text/plain; charset=utf-8') };
  const resolved = resolveAppFile(rootDir, url);
  if (resolved === null) return notFound;
  try {
    const [realRoot, realFile] = await Promise.all([realpath(path.resolve(rootDir)), realpath(resolved.filePath)]);
    if (!isInside(realRoot, realFile)) return notFound;
    // A copy into a plain ArrayBuffer-backed array, which Response accepts as a body everywhere.
    const body = new Uint8Array(await readFile(realFile));
    return { status: 200, body, headers: appResponseHeaders(resolved.contentType) };
  } catch {
    return notFound;
  }
}
