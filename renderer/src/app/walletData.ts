import type { VaultStatus } from '../../../shared/ipc/contract';
import { call } from '../ipc/client';
import { useAccountsStore } from '../stores/accountsStore';
import { useAppStore } from '../stores/appStore';
import { useChainsStore } from '../stores/chainsStore';
import { useSettingsStore } from '../stores/settingsStore';

/** Fills the caches that need an unlocked vault (accounts) and the ones that do not (chains, settings). */
export async function loadWalletData(): Promise<void> {
  const [accounts, chains, settings] = await Promise.all([
    call('accounts.list', {}),
    useChainsStore.getState().chains.length > 0 ? Promise.resolve(null) : call('chains.list', {}),
    call('settings.get', {}),
  ]);
  useAccountsStore.getState().setAccounts(accounts);
  if (chains) useChainsStore.getState().setChains(chains);
  useSettingsStore.getState().setSettings(settings);
}

/** Shows the wallet after an unlock (or a create) once its data is loaded. */
export async function enterWallet(status: VaultStatus): Promise<void> {
  useAppStore.getState().setStatus(status);
  await loadWalletData();
  useAppStore.setState({ route: 'wallet', page: 'accounts', lockReason: null });
}

/** Re-reads the vault status (e.g. after an account was added, `hasMnemonic` and counts may change). */
export async function refreshStatus(): Promise<VaultStatus> {
  const status = await call('vault.status', {});
  useAppStore.getState().setStatus(status);
  return status;
}
