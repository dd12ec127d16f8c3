import { call } from '../ipc/client';
import { errorText } from '../ipc/errorText';
import { useAppStore } from '../stores/appStore';
import { enterWallet } from './walletData';

/** Asks main where we are (no vault, locked, unlocked) and routes there. */
export async function boot(): Promise<void> {
  const app = useAppStore.getState();
  try {
    const status = await call('vault.status', {});
    app.setStatus(status);
    if (!status.exists) app.setRoute('onboarding');
    else if (status.unlocked) await enterWallet(status);
    else app.setRoute('unlock');
  } catch (error) {
    app.setBootError(errorText(error));
  }
}
