import { on } from '../ipc/client';
import { useAccountsStore } from '../stores/accountsStore';
import { useActivityStore } from '../stores/activityStore';
import { useAppStore } from '../stores/appStore';
import { useChainsStore } from '../stores/chainsStore';
import { usePortfolioStore } from '../stores/portfolioStore';
import { useSecureStore } from '../stores/secureStore';
import { useSettingsStore } from '../stores/settingsStore';
import { useTransfersStore } from '../stores/transfersStore';
import { forgetWalletData, loadAssets, loadWalletData } from './walletData';

const unlocked = (): boolean => useAppStore.getState().status?.unlocked === true;

/** Keeps the stores in step with what main pushes. Returns a function that unsubscribes everything. */
export function bindEvents(): () => void {
  const offs = [
    on('vault.locked', ({ reason }) => {
      forgetWalletData();
      useTransfersStore.getState().clear();
      useAppStore.getState().setLocked(reason);
    }),
    on('vault.unlocked', () => {
      const app = useAppStore.getState();
      if (app.status) app.setStatus({ ...app.status, exists: true, unlocked: true });
      void loadWalletData()
        .then(() => {
          // Unlocked elsewhere (or by the unlock form, which routes itself): leave onboarding's done step alone.
          if (useAppStore.getState().route === 'unlock') useAppStore.setState({ route: 'wallet', lockReason: null });
        })
        .catch(() => {});
    }),
    on('accounts.changed', ({ accounts }) => {
      if (unlocked()) useAccountsStore.getState().setAccounts(accounts);
    }),
    on('settings.changed', (settings) => useSettingsStore.getState().setSettings(settings)),
    on('secure.changed', (view) => useSecureStore.getState().record(view)),
    on('portfolio.progress', (progress) => {
      if (unlocked()) usePortfolioStore.getState().setProgress(progress);
    }),
    on('portfolio.updated', (portfolio) => {
      if (unlocked()) usePortfolioStore.getState().setPortfolio(portfolio);
    }),
    on('activity.changed', (entry) => {
      if (unlocked()) useActivityStore.getState().upsert(entry);
    }),
    on('transfers.changed', (transfer) => {
      if (unlocked()) useTransfersStore.getState().upsert(transfer);
    }),
    on('chains.changed', ({ chains }) => {
      useChainsStore.getState().setChains(chains);
      void loadAssets();
    }),
  ];
  return () => offs.forEach((off) => off());
}
