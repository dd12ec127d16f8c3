import { useEffect, useState } from 'react';
import type { MethodOutput } from '../../../../shared/ipc/contract';
import { Button } from '../../components/Button';
import { SeedIcon } from '../../components/icons';
import { call } from '../../ipc/client';
import { useAppStore } from '../../stores/appStore';
import { ChangePasswordSection } from './ChangePasswordSection';
import { NetworksSection } from './NetworksSection';
import { PreferencesSection } from './PreferencesSection';
import { RevealDialog } from './RevealDialog';
import { SecuritySection } from './SecuritySection';

/** Locking, password, recovery phrase and version. */
export function SettingsPage() {
  const hasMnemonic = useAppStore((s) => s.status?.hasMnemonic ?? false);
  const [revealing, setRevealing] = useState(false);
  const [info, setInfo] = useState<MethodOutput<'app.info'> | null>(null);

  useEffect(() => {
    let live = true;
    call('app.info', {})
      .then((value) => live && setInfo(value))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, []);

  return (
    <>
      <div className="page__header">
        <div>
          <h1 className="page__title" tabIndex={-1}>
            Settings
          </h1>
          <p className="page__subtitle">Security of this wallet on this computer, and the networks it talks to.</p>
        </div>
      </div>
      <div className="settings">
        <SecuritySection />
        <PreferencesSection />
        <ChangePasswordSection />
        <section className="card settings-section" aria-labelledby="phrase-title">
          <h2 id="phrase-title" className="section__title">
            Recovery phrase
          </h2>
          <p className="section__text">
            {hasMnemonic
              ? 'Your recovery phrase restores every HD account in this wallet. Strata shows it only in a secure window, after asking for your password.'
              : 'This wallet was created from a private key and has no recovery phrase.'}
          </p>
          <div className="actions actions--start">
            <Button icon={<SeedIcon />} onClick={() => setRevealing(true)} disabled={!hasMnemonic}>
              Show recovery phrase
            </Button>
          </div>
        </section>
        <NetworksSection />
        <p className="settings__about">
          {info ? `${info.name} ${info.version} · ${info.platform}` : '\u00a0'}
        </p>
      </div>
      {revealing ? <RevealDialog onClose={() => setRevealing(false)} /> : null}
    </>
  );
}
