/**
 * BrowserWindow options of the app window and the secure window, as plain objects so the hardening is unit-tested
 * without Electron (this module must not import 'electron'; main passes the result to `new BrowserWindow`, which
 * type-checks it structurally).
 */

/** Matches the dark UI so no white flash shows before the first paint. */
export const WINDOW_BACKGROUND = '#0b0f17';

export interface HardenedWebPreferences {
  preload: string;
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webviewTag: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  experimentalFeatures: false;
  enableWebSQL: false;
  navigateOnDragDrop: false;
  spellcheck: false;
  safeDialogs: true;
  plugins: false;
  devTools: boolean;
}

export interface WindowOptions<Parent = never> {
  title: string;
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  show: false;
  backgroundColor: string;
  autoHideMenuBar: true;
  resizable?: boolean;
  minimizable?: boolean;
  maximizable?: boolean;
  fullscreenable?: boolean;
  parent?: Parent;
  modal?: boolean;
  webPreferences: HardenedWebPreferences;
}

export interface ShellWindowFlags {
  /** devtools are for development: a packaged wallet keeps them closed ("paste this in the console" scams) */
  devTools?: boolean;
}

function hardenedWebPreferences(preloadPath: string, flags: ShellWindowFlags): HardenedWebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    enableWebSQL: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
    plugins: false,
    devTools: flags.devTools === true,
  };
}

/** Options of the main app window (1200x800, min 960x640, hidden until ready-to-show). */
export function appWindowOptions(preloadPath: string, flags: ShellWindowFlags = {}): WindowOptions {
  return {
    title: 'Strata',
    width: 1200,
    height: 800,
    minWidth: 960,
    minHeight: 640,
    show: false,
    backgroundColor: WINDOW_BACKGROUND,
    autoHideMenuBar: true,
    webPreferences: hardenedWebPreferences(preloadPath, flags),
  };
}

/**
 * Options of the secure window (recovery phrase shown or typed): small, fixed size, modal over the app window
 * when a parent is given, same hardening as the app window.
 */
export function secureWindowOptions<Parent>(preloadPath: string, parent?: Parent, flags: ShellWindowFlags = {}): WindowOptions<Parent> {
  const options: WindowOptions<Parent> = {
    title: 'Strata — Secure',
    width: 560,
    height: 680,
    minWidth: 480,
    minHeight: 560,
    show: false,
    backgroundColor: WINDOW_BACKGROUND,
    autoHideMenuBar: true,
    resizable: false,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    webPreferences: hardenedWebPreferences(preloadPath, flags),
  };
  if (parent !== undefined) {
    options.parent = parent;
    options.modal = true;
  }
  return options;
}
