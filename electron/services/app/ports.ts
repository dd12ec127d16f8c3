/**
 * What the main-side services need from their host. The Electron shell implements these with BrowserWindows and
 * webContents.send; the CLI and the tests implement them in plain Node (or with Playwright pages).
 */
import type { EventName, EventPayload } from '../../../shared/ipc/contract';

/** Opens and closes the secure window for a session (create, reveal, import of secrets). */
export interface SecureWindowPort {
  open(sessionId: string): void;
  close(sessionId: string): void;
}

/** Pushes an event to every app window. */
export type EmitEvent = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const handle = setTimeout(fn, ms);
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};
