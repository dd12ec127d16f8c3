import { describe, expect, it } from 'vitest';
import { appWindowOptions, secureWindowOptions, WINDOW_BACKGROUND } from '../../electron/services/shell/windowOptions';

const HARDENED = {
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
};

describe('appWindowOptions', () => {
  it('is the hardened 1200x800 window, hidden until ready, devtools off by default', () => {
    expect(appWindowOptions('/opt/strata/dist/preload/preload.cjs')).toStrictEqual({
      title: 'Strata',
      width: 1200,
      height: 800,
      minWidth: 960,
      minHeight: 640,
      show: false,
      backgroundColor: '#0b0f17',
      autoHideMenuBar: true,
      webPreferences: { ...HARDENED, preload: '/opt/strata/dist/preload/preload.cjs', devTools: false },
    });
    expect(WINDOW_BACKGROUND).toBe('#0b0f17');
  });

  it('enables devtools only when asked, and changes nothing else', () => {
    const withDevTools = appWindowOptions('/p.cjs', { devTools: true });
    expect(withDevTools.webPreferences).toStrictEqual({ ...HARDENED, preload: '/p.cjs', devTools: true });
  });

  it('returns a fresh object each time (callers may not weaken a shared one)', () => {
    const first = appWindowOptions('/p.cjs');
    (first.webPreferences as { sandbox: boolean }).sandbox = false;
    expect(appWindowOptions('/p.cjs').webPreferences.sandbox).toBe(true);
  });
});

describe('secureWindowOptions', () => {
  it('is modal over its parent, fixed size, with the same hardening', () => {
    const parent = { id: 1 };
    expect(secureWindowOptions('/s.cjs', parent)).toStrictEqual({
      title: 'Strata — Secure',
      width: 560,
      height: 680,
      minWidth: 480,
      minHeight: 560,
      show: false,
      backgroundColor: '#0b0f17',
      autoHideMenuBar: true,
      resizable: false,
      minimizable: false,
      maximizable: false,
      fullscreenable: false,
      parent,
      modal: true,
      webPreferences: { ...HARDENED, preload: '/s.cjs', devTools: false },
    });
  });

  it('is not modal without a parent', () => {
    const options = secureWindowOptions('/s.cjs');
    expect('parent' in options).toBe(false);
    expect('modal' in options).toBe(false);
    expect(options.webPreferences.sandbox).toBe(true);
  });
});
