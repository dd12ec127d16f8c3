import { useCallback } from 'react';
import type { EventPayload, SecurePurpose, SecureSessionView } from '../../../shared/ipc/contract';
import { call, on } from '../ipc/client';
import { errorFromPayload } from '../ipc/clientError';
import { useSecureStore } from '../stores/secureStore';

/** Opens the secure window for a purpose and records the session; rejects with a StrataClientError. */
export async function beginSecureSession(purpose: SecurePurpose): Promise<SecureSessionView> {
  const view = await call('secure.begin', purpose);
  useSecureStore.getState().record(view);
  return view;
}

/** Records a session main opened itself (e.g. `vault.revealMnemonic`). */
export function recordSecureSession(view: SecureSessionView): void {
  useSecureStore.getState().record(view);
}

/** Cancels a session (closes the secure window); errors are ignored because the session may already be gone. */
export async function cancelSecureSession(sessionId: string): Promise<void> {
  try {
    useSecureStore.getState().record(await call('secure.cancel', { sessionId }));
  } catch {
    const known = useSecureStore.getState().sessions[sessionId];
    if (known) useSecureStore.getState().record({ ...known, state: 'cancelled' });
  }
}

/** The latest known view of a session (from results and `secure.changed` events), or null. */
export function useSecureSession(sessionId: string | null): SecureSessionView | null {
  const selector = useCallback(
    (state: ReturnType<typeof useSecureStore.getState>) => (sessionId ? (state.sessions[sessionId] ?? null) : null),
    [sessionId],
  );
  return useSecureStore(selector);
}

/**
 * Records a confirmation session main opened (a security-weakening setting) and waits for the user's word in the
 * secure window: resolves with the confirmation.outcome, rejects with its error, or with SESSION_NOT_FOUND when the
 * session was cancelled or expired.
 */
export function awaitConfirmation(view: SecureSessionView): Promise<Extract<EventPayload<'confirmation.outcome'>, { ok: true }>> {
  recordSecureSession(view);
  return new Promise((resolve, reject) => {
    const stops: Array<() => void> = [];
    const stop = () => stops.forEach((s) => s());
    stops.push(
      on('confirmation.outcome', (outcome) => {
        if (outcome.sessionId !== view.sessionId) return;
        stop();
        if (outcome.ok) resolve(outcome);
        else reject(errorFromPayload(outcome.error));
      }),
      on('secure.changed', (changed) => {
        if (changed.sessionId !== view.sessionId || (changed.state !== 'cancelled' && changed.state !== 'expired')) return;
        stop();
        reject(errorFromPayload({ code: 'SESSION_NOT_FOUND', message: 'Not changed: it was not confirmed in the secure window.' }));
      }),
    );
  });
}
