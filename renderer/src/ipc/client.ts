/**
 * The renderer's only door to main. Components and stores call `call('accounts.list', {})` and get the result or a
 * thrown StrataClientError(code, message); they never touch `window.strata` themselves.
 */
import type {
  Envelope,
  EventName,
  EventPayload,
  MethodInput,
  MethodName,
  MethodOutput,
  StrataApi,
} from '../../../shared/ipc/contract';
import { StrataClientError, errorFromPayload, toClientError } from './clientError';

export { StrataClientError } from './clientError';

function api(): StrataApi {
  const bridge = window.strata;
  if (!bridge) throw new StrataClientError('INTERNAL', 'Strata’s bridge is not available in this window.');
  return bridge;
}

/** Calls one contract method; resolves with its output or rejects with a StrataClientError. */
export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  let envelope: Envelope<MethodOutput<M>>;
  try {
    // Indexing the mapped type with a generic key loses the per-method signature; the contract guarantees it.
    const fn = api()[method] as unknown as (input: MethodInput<M>) => Promise<Envelope<MethodOutput<M>>>;
    envelope = await fn(input);
  } catch (error) {
    throw toClientError(error);
  }
  if (typeof envelope !== 'object' || envelope === null) throw errorFromPayload(undefined);
  if (envelope.ok) return envelope.value;
  throw errorFromPayload(envelope.error);
}

/** Subscribes to an event pushed by main; returns the unsubscribe function (a no-op without a bridge). */
export function on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  const bridge = window.strata;
  if (!bridge) return () => {};
  return bridge.on(event, listener);
}

/** Whether this window has the app bridge (false in a plain browser tab). */
export function hasBridge(): boolean {
  return window.strata !== undefined;
}
