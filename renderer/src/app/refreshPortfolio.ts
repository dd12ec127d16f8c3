import { call } from '../ipc/client';
import { errorText } from '../ipc/errorText';
import { usePortfolioStore } from '../stores/portfolioStore';

/**
 * Asks main to read every balance and price again. Progress arrives as `portfolio.progress` events meanwhile; the
 * answer (also pushed as `portfolio.updated`) replaces the snapshot. A second click while one runs is ignored.
 */
export async function refreshPortfolio(): Promise<void> {
  const store = usePortfolioStore.getState();
  if (store.refreshing) return;
  store.setRefreshing(true);
  store.setError(null);
  try {
    usePortfolioStore.getState().setPortfolio(await call('portfolio.refresh', {}));
  } catch (error) {
    usePortfolioStore.getState().setError(errorText(error));
  } finally {
    usePortfolioStore.getState().setRefreshing(false);
  }
}
