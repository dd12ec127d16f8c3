import type { AppCallTarget } from './ipcGate';

/**
 * What happens when the user closes a secure window: an unfinished session (`open`) is cancelled, which wipes its
 * secret; a `ready` session is kept so the app window can still finish (e.g. vault.create). Returns the state the
 * session was found in, or null when it could not be read (already gone). Never throws.
 */
export async function cancelUnlessReady(core: Pick<AppCallTarget, 'call'>, sessionId: string): Promise<string | null> {
  try {
    const status = await core.call('secure.status', { sessionId });
    if (!status.ok) return null;
    const state = (status.value as { state?: unknown }).state;
    if (state === 'open') await core.call('secure.cancel', { sessionId });
    return typeof state === 'string' ? state : null;
  } catch {
    return null;
  }
}
