import { useState } from 'react';
import { forgetWalletData } from '../app/walletData';
import { call } from '../ipc/client';
import { useAppStore, type WalletPage } from '../stores/appStore';
import { Button } from './Button';
import { LockIcon } from './icons';
import { StrataMark } from './StrataMark';

const PAGES: Array<{ page: WalletPage; label: string }> = [
  { page: 'portfolio', label: 'Portfolio' },
  // next to Portfolio: the target allocation is about the portfolio (and keeps the other pages' tab order)
  { page: 'strategy', label: 'Strategy' },
  { page: 'swap', label: 'Swap & bridge' },
  { page: 'accounts', label: 'Accounts' },
  { page: 'activity', label: 'Activity' },
  { page: 'settings', label: 'Settings' },
];

/** Brand, page navigation and the Lock button. */
export function TopBar() {
  const page = useAppStore((s) => s.page);
  const setPage = useAppStore((s) => s.setPage);
  const [locking, setLocking] = useState(false);

  async function lock() {
    setLocking(true);
    try {
      await call('vault.lock', {});
      // main also pushes vault.locked; doing it here too keeps the UI right if that event is late.
      forgetWalletData();
      useAppStore.getState().setLocked('manual');
    } catch {
      setLocking(false);
    }
  }

  return (
    <header className="topbar">
      <div className="topbar__brand">
        <StrataMark />
        <span className="topbar__name">Strata</span>
      </div>
      <nav className="topbar__nav" aria-label="Main">
        <ul>
          {PAGES.map((item) => (
            <li key={item.page}>
              <button
                type="button"
                className="nav-link"
                aria-current={page === item.page ? 'page' : undefined}
                onClick={() => setPage(item.page)}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <div className="topbar__actions">
        <Button variant="secondary" size="sm" icon={<LockIcon />} onClick={() => void lock()} busy={locking} busyText="Locking…">
          Lock
        </Button>
      </div>
    </header>
  );
}
