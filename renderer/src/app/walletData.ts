import type { VaultStatus } from '../../../shared/ipc/contract';
import { call } from '../ipc/client';
import { errorText } from '../ipc/errorText';
import { useAccountsStore } from '../stores/accountsStore';
import { useActivityStore } from '../stores/activityStore';
import { useAppStore } from '../stores/appStore';
import { useAssetsStore } from '../stores/assetsStore';
import { useChainsStore } from '../stores/chainsStore';
import { usePortfolioStore } from '../stores/portfolioStore';
import { useSettingsStore } from '../stores/settingsStore';

/**
 * Fills the caches that need an unlocked vault (accounts) and the ones that do not (chains, settings), then, without
 * waiting, the portfolio snapshot, the activity journal and the asset list: a page that needs them shows its own
 * loading or error state, and a slow chain service never keeps the wallet closed.
 */
export async function loadWalletData(): Promise<void> {
  const [accounts, chains, settings] = await Promise.all([call('accounts.list', {}), call('chains.list', {}), call('settings.get', {})]);
  useAccountsStore.getState().setAccounts(accounts);
  useChainsStore.getState().setChains(chains);
  useSettingsStore.getState().setSettings(settings);
  void loadPortfolio();
  void loadActivity();
  void loadAssets();
}

/** Reads main's last portfolio snapshot (no refresh). */
export async function loadPortfolio(): Promise<void> {
  const store = usePortfolioStore.getState();
  try {
    store.setPortfolio(await call('portfolio.get', {}));
  } catch (error) {
    store.setError(errorText(error));
  }
}

/** Reads the activity journal. */
export async function loadActivity(): Promise<void> {
  try {
    useActivityStore.getState().setEntries(await call('activity.list', {}));
  } catch (error) {
    useActivityStore.getState().setError(errorText(error));
  }
}

/** Reads the assets of every chain (the send form's choices when a chain has no balance yet). */
export async function loadAssets(): Promise<void> {
  try {
    useAssetsStore.getState().setAssets(await call('assets.list', {}));
  } catch {
    // The send form falls back to each chain's native asset.
  }
}

/** Forgets everything that needs the vault: a locked wallet shows nothing but the unlock screen. */
export function forgetWalletData(): void {
  useAccountsStore.getState().clear();
  usePortfolioStore.getState().clear();
  useActivityStore.getState().clear();
}

/** Shows the wallet after an unlock (or a create) once its data is loaded. */
export async function enterWallet(status: VaultStatus): Promise<void> {
  useAppStore.getState().setStatus(status);
  await loadWalletData();
  useAppStore.setState({ route: 'wallet', page: 'portfolio', lockReason: null, sendPreset: null });
}

/** Re-reads the vault status (e.g. after an account was added, `hasMnemonic` and counts may change). */
export async function refreshStatus(): Promise<VaultStatus> {
  const status = await call('vault.status', {});
  useAppStore.getState().setStatus(status);
  return status;
}
