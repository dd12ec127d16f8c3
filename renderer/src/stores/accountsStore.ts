import { create } from 'zustand';
import type { AccountView } from '../../../shared/domain/account';

interface AccountsState {
  /** null until loaded after an unlock; cleared on lock */
  accounts: AccountView[] | null;
  setAccounts(accounts: AccountView[]): void;
  upsertAccount(account: AccountView): void;
  clear(): void;
}

/** Cache of `accounts.list`, refreshed by `accounts.changed` events and by method results. */
export const useAccountsStore = create<AccountsState>()((set) => ({
  accounts: null,
  setAccounts: (accounts) => set({ accounts }),
  upsertAccount: (account) =>
    set((state) => {
      const list = state.accounts ?? [];
      const index = list.findIndex((a) => a.id === account.id);
      if (index === -1) return { accounts: [...list, account] };
      const next = list.slice();
      next[index] = account;
      return { accounts: next };
    }),
  clear: () => set({ accounts: null }),
}));
