import { create } from 'zustand';
import type { Portfolio, RefreshProgress } from '../../../shared/domain/portfolio';

interface PortfolioState {
  /** the last snapshot main answered or pushed; null until loaded (and after a lock) */
  portfolio: Portfolio | null;
  /** the last `portfolio.progress`; null when no refresh is under way */
  progress: RefreshProgress | null;
  /** a `portfolio.refresh` this window asked for is in flight */
  refreshing: boolean;
  /** why loading or refreshing failed, in words; null when it did not */
  error: string | null;
  setPortfolio(portfolio: Portfolio): void;
  setProgress(progress: RefreshProgress): void;
  setRefreshing(refreshing: boolean): void;
  setError(error: string | null): void;
  clear(): void;
}

function isOlder(next: Portfolio, current: Portfolio | null): boolean {
  if (current === null || current.updatedAt === null) return false;
  return next.updatedAt === null || next.updatedAt < current.updatedAt;
}

/** Cache of main's portfolio snapshot, kept current by `portfolio.updated` and `portfolio.progress` events. */
export const usePortfolioStore = create<PortfolioState>()((set) => ({
  portfolio: null,
  progress: null,
  refreshing: false,
  error: null,
  // Answers and pushed snapshots can cross: an older one (a `portfolio.get` answered before the last known figures
  // were restored, or before a background refresh landed) never replaces a newer one.
  setPortfolio: (portfolio) =>
    set((state) => (isOlder(portfolio, state.portfolio) ? { error: null } : { portfolio, error: null })),
  // A progress report with everything done ends the refresh, whoever started it (main may refresh on its own).
  setProgress: (progress) => set({ progress: progress.total > 0 && progress.done >= progress.total ? null : progress }),
  setRefreshing: (refreshing) => set(refreshing ? { refreshing } : { refreshing, progress: null }),
  setError: (error) => set({ error }),
  clear: () => set({ portfolio: null, progress: null, refreshing: false, error: null }),
}));
