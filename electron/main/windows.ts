import { BrowserWindow } from 'electron';
import type { SecureWindowPort } from '../services/app/ports';
import { APP_ORIGIN, APP_PAGES, appPageUrl } from '../services/shell/appUrl';
import type { SecureBinding } from '../services/shell/ipcGate';
import { appWindowOptions, secureWindowOptions, type ShellWindowFlags } from '../services/shell/windowOptions';

/** Creates the app window, shown once its first frame is ready (no white flash). */
export function createAppWindow(preloadPath: string, flags: ShellWindowFlags, onActivity: () => void): BrowserWindow {
  const window = new BrowserWindow(appWindowOptions(preloadPath, flags));
  window.once('ready-to-show', () => window.show());
  window.webContents.on('before-input-event', () => onActivity());
  window.loadURL(appPageUrl('app')).catch((error: unknown) => {
    console.error('[strata] app window failed to load:', error instanceof Error ? error.message : String(error));
  });
  return window;
}

interface SecureEntry {
  sessionId: string;
  window: BrowserWindow;
  webContentsId: number;
  /** true when the core asked for the close: then the session's fate is the core's business */
  closedByCore: boolean;
}

export interface SecureWindowsOptions {
  preloadPath: string;
  flags: ShellWindowFlags;
  /** the app window to be modal over, when there is one */
  parent: () => BrowserWindow | null;
  /** the user closed a window the core did not close: cancel an unfinished session */
  onUserClosed: (sessionId: string) => void;
  onActivity: () => void;
}

/** The secure windows, one per secure session: main's side of the SecureWindowPort. */
export class SecureWindows implements SecureWindowPort {
  private readonly bySession = new Map<string, SecureEntry>();
  private readonly byWebContents = new Map<number, SecureEntry>();

  constructor(private readonly options: SecureWindowsOptions) {}

  open(sessionId: string): void {
    const existing = this.bySession.get(sessionId);
    if (existing !== undefined && !existing.window.isDestroyed()) {
      existing.window.focus();
      return;
    }
    const parent = this.options.parent();
    const window = new BrowserWindow(
      secureWindowOptions(this.options.preloadPath, parent !== null && !parent.isDestroyed() ? parent : undefined, this.options.flags),
    );
    // Keeps the recovery phrase out of screenshots and screen sharing where the OS supports it (macOS, Windows).
    window.setContentProtection(true);
    const entry: SecureEntry = { sessionId, window, webContentsId: window.webContents.id, closedByCore: false };
    this.bySession.set(sessionId, entry);
    this.byWebContents.set(entry.webContentsId, entry);
    window.once('ready-to-show', () => window.show());
    window.webContents.on('before-input-event', () => this.options.onActivity());
    window.on('closed', () => {
      this.bySession.delete(sessionId);
      this.byWebContents.delete(entry.webContentsId);
      if (!entry.closedByCore) this.options.onUserClosed(sessionId);
    });
    window.loadURL(appPageUrl('secure')).catch((error: unknown) => {
      console.error('[strata] secure window failed to load:', error instanceof Error ? error.message : String(error));
    });
  }

  close(sessionId: string): void {
    const entry = this.bySession.get(sessionId);
    if (entry === undefined) return;
    entry.closedByCore = true;
    if (!entry.window.isDestroyed()) entry.window.close();
  }

  /** The session a secure window's webContents may act for, with the only sender it trusts. */
  bindingFor(webContentsId: number): SecureBinding | undefined {
    const entry = this.byWebContents.get(webContentsId);
    if (entry === undefined || entry.window.isDestroyed()) return undefined;
    return {
      sessionId: entry.sessionId,
      trusted: { origin: APP_ORIGIN, webContentsIds: new Set([entry.webContentsId]), paths: [APP_PAGES.secure] },
    };
  }
}
