import { create } from 'zustand';
import type { SecureSessionView } from '../../../shared/ipc/contract';

/**
 * Whether `next` may replace `known`. An 'open' answer that arrives after a newer event must not roll the state
 * back, and cancelled/expired are final; 'consumed' may go back to 'ready' (main restores the secret when the vault
 * refused it, e.g. a weak password, so the user can retry without redoing the secure step).
 */
function mayReplace(known: SecureSessionView | undefined, next: SecureSessionView): boolean {
  if (!known) return true;
  if (known.state === 'cancelled' || known.state === 'expired') return false;
  return !(next.state === 'open' && known.state !== 'open');
}

interface SecureState {
  sessions: Record<string, SecureSessionView>;
  /** records a session view from a method result or a `secure.changed` event */
  record(view: SecureSessionView): void;
}

/** Latest known state of each secure session this window started. */
export const useSecureStore = create<SecureState>()((set) => ({
  sessions: {},
  record: (view) =>
    set((state) =>
      mayReplace(state.sessions[view.sessionId], view) ? { sessions: { ...state.sessions, [view.sessionId]: view } } : state,
    ),
}));
