import { create } from 'zustand';
import type { ActivityEntry } from '../../../shared/domain/send';

interface ActivityState {
  /** newest first; null until loaded (and after a lock) */
  entries: ActivityEntry[] | null;
  error: string | null;
  setEntries(entries: ActivityEntry[]): void;
  /** adds or replaces one entry (from `activity.changed` or `send.confirm`), keeping newest first */
  upsert(entry: ActivityEntry): void;
  setError(error: string | null): void;
  clear(): void;
}

function newestFirst(a: ActivityEntry, b: ActivityEntry): number {
  return b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/** Cache of `activity.list`, kept current by `activity.changed` events. */
export const useActivityStore = create<ActivityState>()((set) => ({
  entries: null,
  error: null,
  setEntries: (entries) => set({ entries: [...entries].sort(newestFirst), error: null }),
  upsert: (entry) =>
    set((state) => {
      const list = state.entries ?? [];
      const known = list.find((e) => e.id === entry.id);
      // Events can overtake the answer of the call that caused them: never let an older view win.
      if (known && known.updatedAt > entry.updatedAt) return state;
      return { entries: [...list.filter((e) => e.id !== entry.id), entry].sort(newestFirst) };
    }),
  setError: (error) => set({ error }),
  clear: () => set({ entries: null, error: null }),
}));
