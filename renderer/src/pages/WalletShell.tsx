import { lazy, Suspense, useEffect, useRef, type ReactNode } from 'react';
import { TopBar } from '../components/TopBar';
import { useAppStore, type WalletPage } from '../stores/appStore';
import { AccountsPage } from './accounts/AccountsPage';
import { ActivityPage } from './activity/ActivityPage';
import { PortfolioPage } from './portfolio/PortfolioPage';
import { SendPage } from './send/SendPage';
import { SettingsPage } from './settings/SettingsPage';

// The Strategy page (frontier chart, demo prices, questionnaire) loads when first opened: it is the largest page and
// not needed for the first paint.
const StrategyPage = lazy(() => import('./strategy/StrategyPage').then((m) => ({ default: m.StrategyPage })));
// The Swap page (routes, progress) and Receive (its QR encoder) load on first use too: not needed for the first paint.
const SwapPage = lazy(() => import('./swap/SwapPage').then((m) => ({ default: m.SwapPage })));
const ReceivePage = lazy(() => import('./receive/ReceivePage').then((m) => ({ default: m.ReceivePage })));

function Loading({ children }: { children: ReactNode }) {
  return <Suspense fallback={<p className="muted">Loading…</p>}>{children}</Suspense>;
}

function Page({ page }: { page: WalletPage }) {
  switch (page) {
    case 'portfolio':
      return <PortfolioPage />;
    case 'accounts':
      return <AccountsPage />;
    case 'activity':
      return <ActivityPage />;
    case 'send':
      return <SendPage />;
    case 'strategy':
      return (
        <Loading>
          <StrategyPage />
        </Loading>
      );
    case 'swap':
      return (
        <Loading>
          <SwapPage />
        </Loading>
      );
    case 'settings':
      return <SettingsPage />;
    case 'receive':
      return (
        <Loading>
          <ReceivePage />
        </Loading>
      );
  }
}

/** The unlocked app: top bar and the current page. */
export function WalletShell() {
  const page = useAppStore((s) => s.page);
  const sendPreset = useAppStore((s) => s.sendPreset);
  const mainRef = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    // Move focus to the new page on navigation (not on first render) so keyboard users land on its heading.
    if (first.current) {
      first.current = false;
      return;
    }
    mainRef.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [page, sendPreset]);
  return (
    <div className="shell">
      <TopBar />
      <main ref={mainRef} className={`page page--${page}`}>
        {/* A new preset (another holding's "Send") starts a fresh form. */}
        <Page key={page === 'send' ? `send:${JSON.stringify(sendPreset)}` : page} page={page} />
      </main>
    </div>
  );
}
