import { on } from '../ipc/client';
import { useAccountsStore } from '../stores/accountsStore';
import { useAppStore } from '../stores/appStore';
import { useSecureStore } from '../stores/secureStore';
import { useSettingsStore } from '../stores/settingsStore';
import { loadWalletData } from './walletData';

/** Keeps the stores in step with what main pushes. Returns a function that unsubscribes everything. */
export function bindEvents(): () => void {
  const offs = [
    on('vault.locked', ({ reason }) => {
      // Forget everything that needs the vault: a locked wallet shows nothing but the unlock screen.
      useAccountsStore.getState().clear();
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
      if (useAppStore.getState().status?.unlocked) useAccountsStore.getState().setAccounts(accounts);
    }),
    on('settings.changed', (settings) => useSettingsStore.getState().setSettings(settings)),
    on('secure.changed', (view) => useSecureStore.getState().record(view)),
  ];
  return () => offs.forEach((off) => off());
}
