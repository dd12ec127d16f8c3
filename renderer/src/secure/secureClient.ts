/**
 * The secure window's door to main: unwraps `window.strataSecure` envelopes into results or StrataClientErrors.
 * Only this window has that bridge; the app window never sees these methods or their answers.
 */
import type { Envelope } from '../../../shared/ipc/contract';
import type { SecureMethodName } from '../../../shared/ipc/secureContract';
import { StrataClientError, errorFromPayload, toClientError } from '../ipc/clientError';
import type { SecureMethodInput, SecureMethodOutput } from '../ipc/secureApi';

export { StrataClientError };

/** Calls one secure-window method; resolves with its output or rejects with a StrataClientError. */
export async function callSecure<M extends SecureMethodName>(
  method: M,
  input: SecureMethodInput<M>,
): Promise<SecureMethodOutput<M>> {
  const bridge = window.strataSecure;
  if (!bridge) throw new StrataClientError('INTERNAL', 'This window is not Strata’s secure window.');
  let envelope: Envelope<SecureMethodOutput<M>>;
  try {
    const fn = bridge[method] as unknown as (input: SecureMethodInput<M>) => Promise<Envelope<SecureMethodOutput<M>>>;
    envelope = await fn(input);
  } catch (error) {
    throw toClientError(error);
  }
  if (typeof envelope !== 'object' || envelope === null) throw errorFromPayload(undefined);
  if (envelope.ok) return envelope.value;
  throw errorFromPayload(envelope.error);
}
