/**
 * Preload of the secure window (sandboxed). Exposes `window.strataSecure` with one function per secure-contract
 * method and nothing else. Main answers these channels only for this window's own webContents, for the session the
 * window was opened for, so the page never names a session.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { SecureMethodName } from '../../shared/ipc/secureContract';
import { BRIDGE_NAME_PATTERN, PRELOAD_SECURE_METHOD_NAMES, preloadSecureChannel } from './contractNames';

function buildSecureApi(): Record<string, unknown> {
  // A plain object: contextBridge copies plain objects and functions, nothing else.
  const api: Record<string, unknown> = {};
  for (const name of PRELOAD_SECURE_METHOD_NAMES) {
    if (!BRIDGE_NAME_PATTERN.test(name) || Object.hasOwn(api, name)) throw new Error(`Bad secure method name: ${name}`);
    const channel = preloadSecureChannel(name as SecureMethodName);
    api[name] = (input: unknown) => ipcRenderer.invoke(channel, input);
  }
  return api;
}

contextBridge.exposeInMainWorld('strataSecure', Object.freeze(buildSecureApi()));
