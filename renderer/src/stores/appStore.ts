import { create } from 'zustand';
import type { VaultStatus } from '../../../shared/ipc/contract';

/** Which top-level screen the app window shows. */
export type Route = 'loading' | 'onboarding' | 'unlock' | 'wallet' | 'boot-error';
/** Pages inside the unlocked wallet. */
export type WalletPage = 'accounts' | 'settings';
export type LockReason = 'manual' | 'idle' | 'suspend' | 'screen-lock' | 'password-changed';

interface AppState {
  route: Route;
  page: WalletPage;
  /** last vault status answered by main; null before the first answer */
  status: VaultStatus | null;
  /** why the vault locked last, to explain it on the unlock screen */
  lockReason: LockReason | null;
  bootError: string | null;
  setRoute(route: Route): void;
  setPage(page: WalletPage): void;
  setStatus(status: VaultStatus): void;
  setLocked(reason: LockReason): void;
  setBootError(message: string): void;
}

/** Navigation and vault status: a cache of main's state, never the source of truth. */
export const useAppStore = create<AppState>()((set) => ({
  route: 'loading',
  page: 'accounts',
  status: null,
  lockReason: null,
  bootError: null,
  setRoute: (route) => set({ route }),
  setPage: (page) => set({ page }),
  setStatus: (status) => set({ status }),
  setLocked: (reason) =>
    set((state) => ({
      lockReason: reason,
      route: 'unlock',
      page: 'accounts',
      status: state.status ? { ...state.status, unlocked: false } : state.status,
    })),
  setBootError: (message) => set({ bootError: message, route: 'boot-error' }),
}));
