import type { EventPayload, SecureSessionView } from '../../../shared/ipc/contract';
import type { SettingConfirmation } from '../../../shared/ipc/secureContract';
import { toErrorPayload } from '../../../shared/errors';
import type { CoreContext } from '../app/coreContext';

/** What a confirmed change tells the app along with `ok` (the new settings, endpoints or accounts). */
type Outcome = Omit<Extract<EventPayload<'confirmation.outcome'>, { ok: true }>, 'sessionId' | 'ok'>;

/** Auto-lock above this many minutes (or off) weakens the wallet's protection (#12). */
export const AUTO_LOCK_CONFIRM_ABOVE_MINUTES = 60;

/** Whether moving auto-lock from `from` to `to` minutes (0 = off) weakens it and so needs the secure window. */
export function weakensAutoLock(from: number, to: number): boolean {
  const weak = (m: number) => m === 0 || m > AUTO_LOCK_CONFIRM_ABOVE_MINUTES;
  return to !== from && weak(to);
}

/**
 * Asks the secure window to confirm a security-weakening change (purpose confirm-setting) and answers its session.
 * `apply` runs only when the secure window confirms, at most once; its answer (or its error) goes out as
 * confirmation.outcome.
 */
export function confirmSetting(ctx: CoreContext, setting: SettingConfirmation, apply: () => Promise<Outcome>): SecureSessionView {
  let sessionId = '';
  const view = ctx.sessions.beginConfirmation({
    purpose: 'confirm-setting',
    setting,
    run: async () => {
      try {
        const outcome = await apply();
        ctx.emit('confirmation.outcome', { sessionId, ok: true, ...outcome });
      } catch (error) {
        ctx.emit('confirmation.outcome', { sessionId, ok: false, error: toErrorPayload(error) });
        throw error;
      }
    },
  });
  sessionId = view.sessionId;
  ctx.secureWindow.open(view.sessionId);
  return view;
}
