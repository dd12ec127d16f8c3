import type { Envelope } from '../../../shared/ipc/contract';
import { isTrustedSender, type SenderInfo, type TrustedSenders } from '../ipc/senderPolicy';

/** The part of the core the IPC edge needs (structural, so this module does not depend on the core's file). */
export interface AppCallTarget {
  call(method: string, payload: unknown): Promise<Envelope<unknown>>;
  noteActivity(): void;
}

export interface SecureCallTarget {
  callSecure(sessionId: string, method: string, payload: unknown): Promise<Envelope<unknown>>;
  noteActivity(): void;
}

export const FORBIDDEN_SENDER_ENVELOPE: Envelope<never> = Object.freeze({
  ok: false,
  error: Object.freeze({ code: 'FORBIDDEN_SENDER', message: 'This frame may not call Strata' }),
}) as Envelope<never>;

const INTERNAL_ENVELOPE: Envelope<never> = { ok: false, error: { code: 'INTERNAL', message: 'Internal error' } };

/**
 * One app-contract IPC call: refuse an untrusted sender without touching the core, else dispatch. A call is not user
 * activity (a renderer that polls must not keep the wallet unlocked): input events and session.touch are.
 * Never throws (a throw would reach the renderer as a bare message).
 */
export async function gateAppCall(
  core: AppCallTarget,
  sender: SenderInfo,
  trusted: TrustedSenders,
  method: string,
  payload: unknown,
): Promise<Envelope<unknown>> {
  if (!isTrustedSender(sender, trusted)) return FORBIDDEN_SENDER_ENVELOPE;
  try {
    return await core.call(method, payload);
  } catch {
    return INTERNAL_ENVELOPE;
  }
}

/** The secure window bound to a session: which webContents, which session. */
export interface SecureBinding {
  sessionId: string;
  trusted: TrustedSenders;
}

/**
 * One secure-contract IPC call: answered only for the secure window's own top-level frame, and always for the
 * session that window was opened for (the renderer never names the session, so it cannot pick another one).
 */
export async function gateSecureCall(
  core: SecureCallTarget,
  sender: SenderInfo,
  binding: SecureBinding | undefined,
  method: string,
  payload: unknown,
): Promise<Envelope<unknown>> {
  if (binding === undefined || !isTrustedSender(sender, binding.trusted)) return FORBIDDEN_SENDER_ENVELOPE;
  try {
    core.noteActivity();
    return await core.callSecure(binding.sessionId, method, payload);
  } catch {
    return INTERNAL_ENVELOPE;
  }
}
