/**
 * Reading a UI harness's IPC log (test/ui/harness.ts `ipcLog`): the calls of one method as the renderer made them,
 * and the last answer main gave to it.
 */
import type { IpcLogEntry } from '../ui/harness';
import { ok } from '../ui/flows';

export type IpcCall = Extract<IpcLogEntry, { kind: 'call' }>;

/** Every call of `method`, in order. */
export function callsOf(log: readonly IpcLogEntry[], method: string): IpcCall[] {
  return log.flatMap((e) => (e.kind === 'call' && e.method === method ? [e] : []));
}

/** The last answer main gave to `method`, unwrapped. @throws when there was no such call, or it failed */
export function lastAnswerOf<T>(log: readonly IpcLogEntry[], method: string): T {
  const entry = callsOf(log, method).at(-1);
  if (!entry) throw new Error(`no ${method} call`);
  return ok<T>(entry.answer);
}
