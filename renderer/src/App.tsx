import { useEffect } from 'react';
import { trackActivity } from './app/activity';
import { boot } from './app/boot';
import { bindEvents } from './app/events';
import { Button } from './components/Button';
import { Spinner } from './components/Spinner';
import { StrataMark } from './components/StrataMark';
import { Onboarding } from './pages/onboarding/Onboarding';
import { Unlock } from './pages/Unlock';
import { WalletShell } from './pages/WalletShell';
import { useAppStore } from './stores/appStore';

/** Routes between first run, the unlock screen and the wallet, following main's state. */
export function App() {
  const route = useAppStore((s) => s.route);
  const bootError = useAppStore((s) => s.bootError);

  useEffect(() => {
    const unbind = bindEvents();
    const untrack = trackActivity();
    void boot();
    return () => {
      unbind();
      untrack();
    };
  }, []);

  switch (route) {
    case 'loading':
      return (
        <main className="splash" aria-busy="true">
          <StrataMark className="mark--hero" />
          <p className="splash__text" role="status">
            <Spinner /> Starting Strata…
          </p>
        </main>
      );
    case 'boot-error':
      return (
        <main className="splash">
          <StrataMark className="mark--hero" />
          <h1 className="onboarding__title">Strata could not start</h1>
          <p className="onboarding__lead" role="alert">
            {bootError}
          </p>
          <Button variant="primary" onClick={() => void boot()}>
            Try again
          </Button>
        </main>
      );
    case 'onboarding':
      return <Onboarding />;
    case 'unlock':
      return <Unlock />;
    case 'wallet':
      return <WalletShell />;
  }
}
