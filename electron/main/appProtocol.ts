import { protocol } from 'electron';
import { readAppFile } from '../services/shell/appFiles';
import { APP_SCHEME } from '../services/shell/appUrl';
import { appResponseHeaders } from '../services/shell/csp';

/**
 * Declares `app:` as a standard, secure scheme. Must run before `ready`. Neither `corsEnabled` nor
 * `supportFetchAPI` nor `bypassCSP`: the pages load same-origin module scripts only, and leaving CORS off keeps the
 * scheme unreadable from any other origin.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true } }]);
}

/** Serves files of the built renderer (and nothing else) on `app://strata/`, every response with the CSP. */
export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers: appResponseHeaders('text/plain; charset=utf-8') });
    }
    const file = await readAppFile(rendererDir, request.url);
    return new Response(request.method === 'HEAD' ? null : file.body, { status: file.status, headers: file.headers });
  });
}
