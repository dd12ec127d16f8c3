import { useEffect, useRef } from 'react';
import { TopBar } from '../components/TopBar';
import { useAppStore } from '../stores/appStore';
import { AccountsPage } from './accounts/AccountsPage';
import { SettingsPage } from './settings/SettingsPage';

/** The unlocked app: top bar and the current page. */
export function WalletShell() {
  const page = useAppStore((s) => s.page);
  const mainRef = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    // Move focus to the new page on navigation (not on first render) so keyboard users land on its heading.
    if (first.current) {
      first.current = false;
      return;
    }
    mainRef.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [page]);
  return (
    <div className="shell">
      <TopBar />
      <main ref={mainRef} className="page">
        {page === 'accounts' ? <AccountsPage /> : <SettingsPage />}
      </main>
    </div>
  );
}
