import { expect } from 'vitest';
import { StrataError, type ErrorCode } from '../../shared/errors';

/** Asserts that `fn` throws (or rejects with) a StrataError with exactly this code, and optionally a message. */
export function expectStrataError(fn: () => unknown, code: ErrorCode, message?: RegExp): void {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  assertError(thrown, code, message);
}

export async function expectStrataRejection(promise: Promise<unknown>, code: ErrorCode, message?: RegExp): Promise<void> {
  let thrown: unknown;
  try {
    await promise;
  } catch (error) {
    thrown = error;
  }
  assertError(thrown, code, message);
}

function assertError(thrown: unknown, code: ErrorCode, message?: RegExp): void {
  expect(thrown, `expected a StrataError ${code}`).toBeInstanceOf(StrataError);
  expect((thrown as StrataError).code).toBe(code);
  if (message) expect((thrown as StrataError).message).toMatch(message);
}
