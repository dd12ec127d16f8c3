/**
 * A recording stand-in for the parts of the `electron` module the main bundle uses. No Electron binary can run on
 * these machines, so this is how the built dist/main/main.cjs is exercised end to end in plain Node (with the REAL
 * core behind it): every registration is recorded, and windows, webContents and frames are small event emitters the
 * test drives. It models only what main.cjs touches; anything else throws, so a new Electron call shows up here.
 */
import { EventEmitter } from 'node:events';

export class FakeFrame {
  parent: FakeFrame | null = null;
  constructor(
    public url: string,
    public frameTreeNodeId: number,
  ) {}
}

export class FakeWebContents extends EventEmitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly mainFrame = new FakeFrame('', this.id * 100);
  readonly sent: Array<[string, unknown]> = [];
  windowOpenHandler: ((details: unknown) => unknown) | null = null;

  send(channel: string, payload: unknown): void {
    this.sent.push([channel, structuredClone(payload)]);
  }

  setWindowOpenHandler(handler: (details: unknown) => unknown): void {
    this.windowOpenHandler = handler;
  }

  /** An IPC invoke event as Electron builds it, from the main frame or from a sub-frame. */
  invokeEvent(frame: 'main' | 'sub' = 'main') {
    if (frame === 'main') return { sender: this, senderFrame: this.mainFrame };
    const sub = new FakeFrame(this.mainFrame.url, this.mainFrame.frameTreeNodeId + 1);
    sub.parent = this.mainFrame;
    return { sender: this, senderFrame: sub };
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static all: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly calls: string[] = [];
  destroyed = false;
  contentProtection = false;

  constructor(public readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.all.push(this);
    fake.events.emit('web-contents-created', {}, this.webContents);
  }

  async loadURL(url: string): Promise<void> {
    this.calls.push(`loadURL ${url}`);
    this.webContents.mainFrame.url = url;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {
    this.calls.push('restore');
  }
  show(): void {
    this.calls.push('show');
  }
  focus(): void {
    this.calls.push('focus');
  }
  setContentProtection(enable: boolean): void {
    this.contentProtection = enable;
  }
  /** The user (or main) closes the window. */
  close(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit('closed');
  }
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.all.filter((window) => !window.destroyed);
  }
}

/** Electron's Notification: `show()` records what the desktop would have shown. */
export class FakeNotification extends EventEmitter {
  static isSupported(): boolean {
    return true;
  }
  constructor(readonly options: { title: string; body: string }) {
    super();
  }
  show(): void {
    fake.notifications.push({ title: this.options.title, body: this.options.body });
  }
}

type Handler = (...args: never[]) => unknown;

/** Everything main.cjs registered, for the test to inspect and drive. */
export const fake = {
  events: new EventEmitter(),
  log: [] as string[],
  userData: '/nonexistent',
  /** app.isPackaged as the bundle sees it (set before loading the bundle) */
  isPackaged: false,
  privilegedSchemes: [] as unknown[],
  protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
  ipcHandlers: new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>(),
  sessionHandlers: {} as Record<string, Handler>,
  powerMonitor: new EventEmitter(),
  ready: null as null | (() => void),
  applicationMenu: 'default' as unknown,
  /** every desktop notification shown, in order */
  notifications: [] as Array<{ title: string; body: string }>,
};

let readyPromise: Promise<void>;

export function resetFake(): void {
  fake.events.removeAllListeners();
  fake.log.length = 0;
  fake.privilegedSchemes.length = 0;
  fake.protocolHandlers.clear();
  fake.ipcHandlers.clear();
  fake.sessionHandlers = {};
  fake.powerMonitor.removeAllListeners();
  fake.notifications.length = 0;
  FakeBrowserWindow.all = [];
  readyPromise = new Promise((resolve) => {
    fake.ready = resolve;
  });
}
resetFake();

const app = {
  setPath(name: string, value: string) {
    fake.log.push(`app.setPath ${name}`);
    if (name === 'userData') fake.userData = value;
  },
  getPath(name: string) {
    if (name !== 'userData') throw new Error(`fake app.getPath(${name}) not modelled`);
    return fake.userData;
  },
  enableSandbox: () => fake.log.push('app.enableSandbox'),
  requestSingleInstanceLock: () => {
    fake.log.push('app.requestSingleInstanceLock');
    return true;
  },
  whenReady: () => readyPromise,
  on: (event: string, listener: (...args: unknown[]) => void) => fake.events.on(event, listener),
  get isPackaged() {
    return fake.isPackaged;
  },
  getVersion: () => '0.1.0',
  quit: () => fake.log.push('app.quit'),
  exit: (code: number) => fake.log.push(`app.exit ${code}`),
};

const session = {
  defaultSession: {
    setPermissionRequestHandler: (handler: Handler) => (fake.sessionHandlers.permissionRequest = handler),
    setPermissionCheckHandler: (handler: Handler) => (fake.sessionHandlers.permissionCheck = handler),
    setDevicePermissionHandler: (handler: Handler) => (fake.sessionHandlers.devicePermission = handler),
    on: (event: string, handler: Handler) => (fake.sessionHandlers[`on:${event}`] = handler),
    webRequest: { onBeforeRequest: (handler: Handler) => (fake.sessionHandlers.beforeRequest = handler) },
  },
};

/** The module object handed to the bundle's `require('electron')`. */
export const fakeElectronModule = new Proxy(
  {
    app,
    session,
    BrowserWindow: FakeBrowserWindow,
    Notification: FakeNotification,
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        fake.log.push('protocol.registerSchemesAsPrivileged');
        fake.privilegedSchemes.push(...schemes);
      },
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => fake.protocolHandlers.set(scheme, handler),
    },
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, payload: unknown) => Promise<unknown>) => {
        if (fake.ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
        fake.ipcHandlers.set(channel, handler);
      },
    },
    powerMonitor: fake.powerMonitor,
    Menu: {
      setApplicationMenu: (menu: unknown) => (fake.applicationMenu = menu),
      buildFromTemplate: (template: unknown) => ({ template }),
    },
    dialog: { showErrorBox: (title: string) => fake.log.push(`dialog.showErrorBox ${title}`) },
  } as Record<string, unknown>,
  {
    get(target, key) {
      if (typeof key === 'string' && !(key in target) && key !== '__esModule' && key !== 'default') {
        throw new Error(`fake electron does not model electron.${key}`);
      }
      return target[key as string];
    },
  },
);
