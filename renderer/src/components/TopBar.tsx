import { useEffect, useId, useState } from 'react';
import { forgetWalletData } from '../app/walletData';
import { call } from '../ipc/client';
import { useAppStore, type WalletPage } from '../stores/appStore';
import { Button } from './Button';
import { ChevronDownIcon, LockIcon } from './icons';
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

/**
 * Brand, page navigation and the Lock button. In a narrow window (under 1000 px) the navigation collapses behind a
 * Menu button that opens it as a list; picking a page or Escape closes it.
 */
export function TopBar() {
  const page = useAppStore((s) => s.page);
  const setPage = useAppStore((s) => s.setPage);
  const [locking, setLocking] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);
  const navId = useId();
  const current = PAGES.find((item) => item.page === page);

  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setMenuOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [menuOpen]);

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
      <button
        type="button"
        className="btn btn--secondary btn--sm topbar__menu"
        aria-expanded={menuOpen}
        aria-controls={navId}
        onClick={() => setMenuOpen((open) => !open)}
      >
        <span className="btn__label">Menu</span>
        {current ? <span className="topbar__menu-current">{current.label}</span> : null}
        <ChevronDownIcon />
      </button>
      <nav id={navId} className={menuOpen ? 'topbar__nav is-open' : 'topbar__nav'} aria-label="Main">
        <ul>
          {PAGES.map((item) => (
            <li key={item.page}>
              <button
                type="button"
                className="nav-link"
                aria-current={page === item.page ? 'page' : undefined}
                onClick={() => {
                  setPage(item.page);
                  setMenuOpen(false);
                }}
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
