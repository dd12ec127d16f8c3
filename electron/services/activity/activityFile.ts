import { rename } from 'node:fs/promises';
import { z } from 'zod';
import { ActivityEntry } from '../../../shared/domain/send';
import { readVersionedDocument, type VersionedDocument } from '../storage/readVersionedDocument';

export const ACTIVITY_FILE_VERSION = 1;

export const ActivityFile = z.strictObject({
  version: z.literal(ACTIVITY_FILE_VERSION),
  entries: z.array(ActivityEntry),
});
export type ActivityFile = z.infer<typeof ActivityFile>;

/**
 * Numbered migrations: MIGRATIONS[n] turns a version-n document into version n+1. Empty while there is only
 * version 1; a change to ActivityEntry adds one here and bumps ACTIVITY_FILE_VERSION.
 */
const MIGRATIONS: Record<number, (document: Record<string, unknown>) => Record<string, unknown>> = {};

export interface LoadedActivity {
  entries: ActivityEntry[];
  /** set when the file could not be used and the journal started from the backup or empty (the bad file is kept) */
  recovered: string | null;
}

/**
 * Reads the journal: `activity.json`, else its backup `activity.json.bak` when the main file is damaged. A damaged
 * file is renamed `activity.json.damaged-<ms>` rather than overwritten, so nothing is lost for good.
 * @throws IO_ERROR when the file was written by a newer Strata (it is left untouched), or cannot be read at all
 */
export async function loadActivityFile(path: string, backup: string): Promise<LoadedActivity> {
  const main = await readDocument(path);
  if (main.kind === 'missing') return { entries: [], recovered: null };
  if (main.kind === 'ok') return { entries: main.value.entries, recovered: null };
  const fallback = await readDocument(backup);
  await rename(path, `${path}.damaged-${Date.now()}`).catch(() => undefined);
  if (fallback.kind === 'ok') return { entries: fallback.value.entries, recovered: `activity.json was damaged (${main.reason}); restored from the backup` };
  return { entries: [], recovered: `activity.json was damaged (${main.reason}); the journal starts empty` };
}

function readDocument(path: string): Promise<VersionedDocument<ActivityFile>> {
  return readVersionedDocument(path, {
    label: 'activity journal',
    currentVersion: ACTIVITY_FILE_VERSION,
    schema: ActivityFile,
    migrations: MIGRATIONS,
    mismatch: 'entries do not match the format',
  });
}
