import { useEffect, useState } from 'react';
import type { SecureView } from '../../../shared/ipc/secureContract';
import { LockIcon } from '../components/icons';
import { Spinner } from '../components/Spinner';
import { StrataMark } from '../components/StrataMark';
import { errorText } from '../ipc/errorText';
import { ConfirmSendView } from './ConfirmSendView';
import { ConfirmRebalanceView } from './ConfirmRebalanceView';
import { ConfirmSettingView } from './ConfirmSettingView';
import { ConfirmTransferView } from './ConfirmTransferView';
import { CreateMnemonicView } from './CreateMnemonicView';
import { ImportKeyView } from './ImportKeyView';
import { ImportMnemonicView } from './ImportMnemonicView';
import { RevealView } from './RevealView';
import { callSecure } from './secureClient';

/**
 * The secure window: the only page that shows or takes a recovery phrase or private key. It holds the secret in
 * React state only as long as the view is on screen, and tells main when the user is done (`secure.close`).
 */
export function SecureApp() {
  const [view, setView] = useState<SecureView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [closed, setClosed] = useState(false);

  useEffect(() => {
    let live = true;
    callSecure('secure.view', {})
      .then((v) => live && setView(v))
      .catch((e: unknown) => live && setLoadError(errorText(e)));
    return () => {
      live = false;
    };
  }, []);

  async function close() {
    // Drop the secret from this page first; main then closes the window.
    setView(null);
    setClosed(true);
    try {
      await callSecure('secure.close', {});
    } catch {
      // The session may already be gone; the window is useless either way.
    }
  }

  let body: React.ReactNode;
  if (closed) {
    body = <p className="secure__lead" role="status">You can close this window.</p>;
  } else if (loadError) {
    body = (
      <div className="secure__content">
        <h1 className="secure__title">This secure session has ended</h1>
        <p className="secure__lead" role="alert">
          {loadError}
        </p>
        <p className="secure__lead">Close this window and start again from the Strata window.</p>
      </div>
    );
  } else if (!view) {
    body = (
      <p className="secure__lead" role="status">
        <Spinner /> Loading…
      </p>
    );
  } else if (view.purpose === 'create-mnemonic') {
    body = (
      <CreateMnemonicView
        words={view.words}
        confirmPositions={view.confirmPositions}
        onClose={() => void close()}
        onSessionEnded={(message) => {
          setView(null);
          setLoadError(message);
        }}
      />
    );
  } else if (view.purpose === 'reveal-mnemonic') {
    body = <RevealView words={view.words} hasPassphrase={view.hasPassphrase} onClose={() => void close()} />;
  } else if (view.purpose === 'confirm-transfer') {
    body = <ConfirmTransferView transfer={view.transfer} onClose={() => void close()} />;
  } else if (view.purpose === 'confirm-rebalance') {
    body = <ConfirmRebalanceView rebalance={view.rebalance} onClose={() => void close()} />;
  } else if (view.purpose === 'confirm-setting') {
    body = <ConfirmSettingView setting={view.setting} onClose={() => void close()} />;
  } else if (view.purpose === 'confirm-send') {
    body = <ConfirmSendView send={view.send} onClose={() => void close()} />;
  } else if (view.purpose === 'import-mnemonic') {
    body = <ImportMnemonicView onClose={() => void close()} />;
  } else {
    body = <ImportKeyView onClose={() => void close()} />;
  }

  return (
    <div className="secure">
      <header className="secure__bar">
        <div className="secure__brand">
          <StrataMark />
          <span>Strata</span>
          <span className="secure__badge">
            <LockIcon />
            Secure window
          </span>
        </div>
        {!closed ? (
          <button type="button" className="btn btn--ghost btn--sm" onClick={() => void close()}>
            <span className="btn__label">{view?.purpose === 'reveal-mnemonic' ? 'Close' : 'Cancel and close'}</span>
          </button>
        ) : null}
      </header>
      <main className="secure__main">{body}</main>
    </div>
  );
}
