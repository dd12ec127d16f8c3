import { useCallback } from 'react';
import type { SecurePurpose, SecureSessionView } from '../../../shared/ipc/contract';
import { call } from '../ipc/client';
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
