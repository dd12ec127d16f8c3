import { app, type Session } from 'electron';
import { isAllowedNavigation } from '../services/shell/navigationPolicy';
import { isAllowedPermission } from '../services/shell/permissionPolicy';
import { isAllowedRequestUrl } from '../services/shell/requestPolicy';

/**
 * Guards every webContents the app ever creates (windows, devtools, anything a page might open): no <webview>,
 * no new windows, no navigation or redirect away from our own pages. Register before `ready`.
 */
export function guardAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event) => {
      if (!isAllowedNavigation(event.url)) event.preventDefault();
    });
    // Also covers sub-frames, which `will-navigate` does not.
    contents.on('will-frame-navigate', (event) => {
      if (!isAllowedNavigation(event.url)) event.preventDefault();
    });
    contents.on('will-redirect', (event) => {
      if (!isAllowedNavigation(event.url)) event.preventDefault();
    });
  });
}

/**
 * Locks down a session: permissions refused (except clipboard write from the app page, see permissionPolicy),
 * no device access, no downloads, and no network for renderers (only `app:` and devtools).
 */
export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isAllowedPermission({ permission, requestingUrl: details.requestingUrl, isMainFrame: details.isMainFrame }));
  });
  ses.setPermissionCheckHandler((_contents, permission, _origin, details) =>
    isAllowedPermission({ permission, requestingUrl: details.requestingUrl, isMainFrame: details.isMainFrame }),
  );
  ses.setDevicePermissionHandler(() => false);
  ses.on('will-download', (event) => event.preventDefault());
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url) });
  });
}
