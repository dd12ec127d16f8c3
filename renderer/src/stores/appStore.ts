import { create } from 'zustand';
import type { VaultStatus } from '../../../shared/ipc/contract';

/** Which top-level screen the app window shows. */
export type Route = 'loading' | 'onboarding' | 'unlock' | 'wallet' | 'boot-error';
/** Pages inside the unlocked wallet ('send' and 'receive' are reached from buttons, not from the top bar). */
export type WalletPage = 'portfolio' | 'accounts' | 'activity' | 'strategy' | 'settings' | 'send' | 'swap' | 'receive';
/** What the send form starts with when opened from a holding ("Send" on a USDC row). */
export interface SendPreset {
  accountId?: string;
  chain?: string;
  asset?: string;
}
export type LockReason = 'manual' | 'idle' | 'suspend' | 'screen-lock' | 'password-changed';

interface AppState {
  route: Route;
  page: WalletPage;
  /** last vault status answered by main; null before the first answer */
  status: VaultStatus | null;
  /** why the vault locked last, to explain it on the unlock screen */
  lockReason: LockReason | null;
  bootError: string | null;
  /** prefill for the next send form; taken (and cleared) by the form when it opens */
  sendPreset: SendPreset | null;
  setRoute(route: Route): void;
  setPage(page: WalletPage): void;
  /** opens the send form, optionally prefilled */
  openSend(preset?: SendPreset): void;
  setStatus(status: VaultStatus): void;
  setLocked(reason: LockReason): void;
  setBootError(message: string): void;
}

/** Navigation and vault status: a cache of main's state, never the source of truth. */
export const useAppStore = create<AppState>()((set) => ({
  route: 'loading',
  page: 'portfolio',
  status: null,
  lockReason: null,
  bootError: null,
  sendPreset: null,
  setRoute: (route) => set({ route }),
  setPage: (page) => set({ page }),
  openSend: (preset) => set({ page: 'send', sendPreset: preset ?? null }),
  setStatus: (status) => set({ status }),
  setLocked: (reason) =>
    set((state) => ({
      lockReason: reason,
      route: 'unlock',
      page: 'portfolio',
      sendPreset: null,
      status: state.status ? { ...state.status, unlocked: false } : state.status,
    })),
  setBootError: (message) => set({ bootError: message, route: 'boot-error' }),
}));
