/**
 * Preload of the app window (sandboxed: it may only require 'electron'). Exposes `window.strata` with exactly one
 * function per contract method plus `on(event, listener)`. Never expose ipcRenderer or a generic invoke: that
 * would hand any script in the page every channel of main.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { EventName, MethodName } from '../../shared/ipc/contract';
import {
  BRIDGE_NAME_PATTERN,
  PRELOAD_EVENT_NAMES,
  PRELOAD_METHOD_NAMES,
  preloadEventChannel,
  preloadMethodChannel,
} from './contractNames';

const knownEvents: ReadonlySet<string> = new Set(PRELOAD_EVENT_NAMES);

function buildApi(): Record<string, unknown> {
  // A plain object: contextBridge copies plain objects and functions, nothing else.
  const api: Record<string, unknown> = {};
  for (const name of PRELOAD_METHOD_NAMES) {
    if (!BRIDGE_NAME_PATTERN.test(name) || Object.hasOwn(api, name)) throw new Error(`Bad contract method name: ${name}`);
    const channel = preloadMethodChannel(name as MethodName);
    api[name] = (input: unknown) => ipcRenderer.invoke(channel, input);
  }
  api.on = (event: unknown, listener: unknown): (() => void) => {
    if (typeof event !== 'string' || !knownEvents.has(event)) throw new TypeError('Unknown event');
    if (typeof listener !== 'function') throw new TypeError('Listener must be a function');
    const channel = preloadEventChannel(event as EventName);
    // The IpcRendererEvent stays here: it carries `sender` (the ipcRenderer) and must not reach the page.
    const forward = (_event: unknown, payload: unknown) => {
      (listener as (payload: unknown) => void)(payload);
    };
    ipcRenderer.on(channel, forward);
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      ipcRenderer.removeListener(channel, forward);
    };
  };
  return api;
}

contextBridge.exposeInMainWorld('strata', Object.freeze(buildApi()));
