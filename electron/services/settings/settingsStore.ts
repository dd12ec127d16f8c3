import { join } from 'node:path';
import { z } from 'zod';
import { Settings } from '../../../shared/ipc/contract';
import { readVersionedDocument } from '../storage/readVersionedDocument';
import { ensurePrivateDir, writeFileAtomic } from '../storage/atomicWrite';

export const DEFAULT_SETTINGS: Settings = { autoLockMinutes: 15, lockOnSuspend: true, refreshBalances: true, theme: 'system' };

// Settings added after format 1 shipped are filled with their default when a file lacks them, here only: in the
// update schema a default would overwrite the saved value on every unrelated change.
const SettingsFile = z.object({
  version: z.literal(1),
  settings: Settings.extend({
    refreshBalances: z.boolean().default(DEFAULT_SETTINGS.refreshBalances),
    theme: Settings.shape.theme.default(DEFAULT_SETTINGS.theme),
  }),
});

/**
 * Non-secret preferences in `<dataDir>/settings.json`, written atomically. A missing or unreadable file gives the
 * defaults (settings are not worth refusing to start over), and the bad file is left for the user to inspect.
 */
export class SettingsStore {
  private cached: Settings | undefined;
  private readonly path: string;

  constructor(private readonly dataDir: string) {
    this.path = join(dataDir, 'settings.json');
  }

  async get(): Promise<Settings> {
    this.cached ??= await this.load();
    return { ...this.cached };
  }

  async update(patch: Partial<Settings>): Promise<Settings> {
    const next = Settings.parse({ ...(await this.get()), ...patch });
    await ensurePrivateDir(this.dataDir);
    await writeFileAtomic(this.path, JSON.stringify({ version: 1, settings: next }, null, 2) + '\n');
    this.cached = next;
    return { ...next };
  }

  private async load(): Promise<Settings> {
    // Unreadable or newer-format (IO_ERROR), missing or damaged: the defaults, the file left as it is.
    const read = await readVersionedDocument(this.path, { label: 'settings', currentVersion: 1, schema: SettingsFile, mismatch: 'not settings' }).catch(() => null);
    return read?.kind === 'ok' ? read.value.settings : { ...DEFAULT_SETTINGS };
  }
}
