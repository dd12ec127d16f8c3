import type { z } from 'zod';
import { StrataError, toErrorPayload } from '../../../shared/errors';
import type { Envelope } from '../../../shared/ipc/contract';

type Schemas = Record<string, { input: z.ZodType; output: z.ZodType }>;
type HandlerTable<S extends Schemas> = { [K in keyof S]: (input: z.output<S[K]['input']>) => Promise<z.input<S[K]['output']>> };

/**
 * Validated dispatch, the same for the app contract and the secure-window contract: unknown method -> UNKNOWN_METHOD,
 * input that fails its schema -> INVALID_INPUT (nothing runs), output checked against its schema (a handler that
 * would leak an extra field fails closed), every failure answered as an envelope. Never throws.
 */
export function createDispatcher<S extends Schemas>(schemas: S, handlers: HandlerTable<S>, onError?: (method: string, error: unknown) => void) {
  return async function dispatch(method: string, payload: unknown): Promise<Envelope<unknown>> {
    try {
      if (typeof method !== 'string' || !Object.prototype.hasOwnProperty.call(schemas, method)) {
        throw new StrataError('UNKNOWN_METHOD', 'Unknown method');
      }
      const schema = schemas[method] as S[keyof S];
      const input = schema.input.safeParse(payload);
      if (!input.success) throw new StrataError('INVALID_INPUT', describeIssues(input.error));
      const handler = handlers[method as keyof S] as (input: unknown) => Promise<unknown>;
      const value = schema.output.parse(await handler(input.data));
      return { ok: true, value };
    } catch (error) {
      onError?.(method, error);
      return { ok: false, error: toErrorPayload(error) };
    }
  };
}

/**
 * A short message naming the fields at fault. It never echoes the offending values: a payload may hold a password.
 */
function describeIssues(error: z.ZodError): string {
  const issues = error.issues.slice(0, 3).map((issue) => {
    const path = issue.path.length > 0 ? issue.path.map(String).join('.') : 'input';
    return `${path}: ${issue.code.replace(/_/g, ' ')}`;
  });
  return `Invalid input (${issues.join('; ')})`;
}
