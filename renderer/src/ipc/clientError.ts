import { isErrorCode, StrataError, type ErrorCode } from '../../../shared/errors';

/** An error answered by main (or by the bridge itself), with the stable code from `shared/errors.ts`. */
export class StrataClientError extends StrataError {
  constructor(code: ErrorCode, message: string) {
    super(code, message);
    this.name = 'StrataClientError';
  }
}

/** Turns anything caught around an IPC call into a StrataClientError; unknown failures become INTERNAL. */
export function toClientError(error: unknown): StrataClientError {
  if (error instanceof StrataClientError) return error;
  return new StrataClientError('INTERNAL', 'Strata could not reach its background process.');
}

/** Unwraps an envelope's error payload, tolerating a malformed one (the bridge is a trust boundary too). */
export function errorFromPayload(payload: unknown): StrataClientError {
  if (typeof payload === 'object' && payload !== null) {
    const { code, message } = payload as { code?: unknown; message?: unknown };
    if (isErrorCode(code)) return new StrataClientError(code, typeof message === 'string' ? message : code);
  }
  return new StrataClientError('INTERNAL', 'Unexpected answer from Strata.');
}
