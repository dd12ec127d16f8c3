import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { StrataError } from '../../../shared/errors';

export type VersionedDocument<T> = { kind: 'missing' } | { kind: 'ok'; value: T } | { kind: 'damaged'; reason: string };

export interface VersionedDocumentFormat<T> {
  /** how messages name the file ("activity journal") */
  label: string;
  currentVersion: number;
  /** the current version's schema */
  schema: z.ZodType<T>;
  /** MIGRATIONS[n] turns a version-n document into version n+1 */
  migrations?: Readonly<Record<number, (document: Record<string, unknown>) => Record<string, unknown>>>;
  /** why a document that parses as JSON but not as `schema` is damaged */
  mismatch: string;
}

/**
 * Reads a versioned JSON document: missing, usable (migrated forward to the current version and validated), or
 * damaged with a reason. Never writes.
 * @throws IO_ERROR when the file cannot be read, or was written by a newer Strata (left untouched)
 */
export async function readVersionedDocument<T>(path: string, format: VersionedDocumentFormat<T>): Promise<VersionedDocument<T>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw new StrataError('IO_ERROR', `The ${format.label} cannot be read`, { cause: error });
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return { kind: 'damaged', reason: 'not JSON' };
  }
  const version = (document as { version?: unknown } | null)?.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { kind: 'damaged', reason: 'no version' };
  if (version > format.currentVersion) {
    throw new StrataError('IO_ERROR', `The ${format.label} was written by a newer Strata (format ${version}); update Strata to read it`);
  }
  let current = document as Record<string, unknown>;
  for (let v = version; v < format.currentVersion; v++) {
    const migrate = format.migrations?.[v];
    if (!migrate) return { kind: 'damaged', reason: `no migration from format ${v}` };
    current = { ...migrate(current), version: v + 1 };
  }
  const parsed = format.schema.safeParse(current);
  if (!parsed.success) return { kind: 'damaged', reason: format.mismatch };
  return { kind: 'ok', value: parsed.data };
}
