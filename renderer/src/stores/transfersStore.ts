import { create } from 'zustand';
import type { Transfer } from '../../../shared/domain/transferRecord';

interface TransfersState {
  /** cross-chain transfers, newest first; null until loaded (and after a lock) */
  transfers: Transfer[] | null;
  error: string | null;
  setTransfers(transfers: Transfer[]): void;
  /** adds or replaces one transfer (from `transfers.changed`, `transfers.start` or `transfers.get`) */
  upsert(transfer: Transfer): void;
  setError(error: string | null): void;
  clear(): void;
}

function newestFirst(a: Transfer, b: Transfer): number {
  return b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/** Cache of main's transfer journal (`transfers.list`), kept current by `transfers.changed` events. */
export const useTransfersStore = create<TransfersState>()((set) => ({
  transfers: null,
  error: null,
  setTransfers: (transfers) =>
    set((state) => {
      // A list read while events arrive must not roll a transfer back to an older state.
      const known = new Map((state.transfers ?? []).map((t) => [t.id, t]));
      const merged = transfers.map((t) => {
        const mine = known.get(t.id);
        return mine && mine.updatedAt > t.updatedAt ? mine : t;
      });
      return { transfers: merged.sort(newestFirst), error: null };
    }),
  upsert: (transfer) =>
    set((state) => {
      const list = state.transfers ?? [];
      const known = list.find((t) => t.id === transfer.id);
      // Events can overtake the answer of the call that caused them: never let an older view win.
      if (known && known.updatedAt > transfer.updatedAt) return state;
      return { transfers: [...list.filter((t) => t.id !== transfer.id), transfer].sort(newestFirst) };
    }),
  setError: (error) => set({ error }),
  clear: () => set({ transfers: null, error: null }),
}));
