import { useEffect, useRef, useState } from 'react';
import type { SecurePurpose } from '../../../../shared/ipc/contract';
import { SecureWait } from '../../components/SecureWait';
import { beginSecureSession, cancelSecureSession, useSecureSession } from '../../app/secureSession';
import { enterWallet, loadWalletData } from '../../app/walletData';
import { call } from '../../ipc/client';
import { errorCode, errorText } from '../../ipc/errorText';
import { useAccountsStore } from '../../stores/accountsStore';
import { useAppStore } from '../../stores/appStore';
import { DoneStep } from './DoneStep';
import { PasswordStep } from './PasswordStep';
import type { OnboardingMode } from './types';
import { WelcomeStep } from './WelcomeStep';

type Step = 'welcome' | 'password' | 'secure' | 'done';

const PURPOSE: Record<OnboardingMode, (wordCount: 12 | 24) => SecurePurpose> = {
  create: (wordCount) => ({ purpose: 'create-mnemonic', wordCount }),
  'import-mnemonic': () => ({ purpose: 'import-mnemonic' }),
  'import-private-key': () => ({ purpose: 'import-private-key' }),
};

const EXPLANATION: Record<OnboardingMode, string> = {
  create:
    'Strata opened a secure window that shows your new recovery phrase. Write the words down on paper, then type back the ones it asks for.',
  'import-mnemonic': 'Strata opened a secure window. Type your recovery phrase there.',
  'import-private-key': 'Strata opened a secure window. Paste your private key there.',
};

/**
 * First run: welcome → password → secure window → done. The password stays in this component's memory until
 * `vault.create` has used it; the secret itself is only ever in the secure window and main.
 */
export function Onboarding() {
  const [step, setStep] = useState<Step>('welcome');
  const [mode, setMode] = useState<OnboardingMode>('create');
  const [password, setPassword] = useState('');
  const [sessionId, setSessionId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [creating, setCreating] = useState(false);
  const session = useSecureSession(sessionId);
  const accounts = useAccountsStore((s) => s.accounts);
  const createdFor = useRef<string | null>(null);

  async function start(nextPassword: string, wordCount: 12 | 24) {
    setPassword(nextPassword);
    setError(null);
    setNotice(null);
    // main keeps a ready session's secret when vault.create fails (e.g. a disk error): retry without redoing it.
    if (sessionId && session?.state === 'ready') {
      setStep('secure');
      void createVault(sessionId, nextPassword);
      return;
    }
    setStarting(true);
    try {
      const view = await beginSecureSession(PURPOSE[mode](wordCount));
      createdFor.current = null;
      setSessionId(view.sessionId);
      setStep('secure');
    } catch (e) {
      setError(errorText(e));
    } finally {
      setStarting(false);
    }
  }

  // React to the secure window: ready → create the vault; cancelled/expired → back to the password step.
  useEffect(() => {
    if (step !== 'secure' || !session) return;
    if (session.state === 'ready' && createdFor.current !== session.sessionId) {
      createdFor.current = session.sessionId;
      void createVault(session.sessionId, password);
    } else if (session.state === 'cancelled' || session.state === 'expired') {
      setStep('password');
      setSessionId(null);
      setCancelling(false);
      setNotice(
        session.state === 'expired'
          ? 'The secure window timed out. Continue to open it again.'
          : 'The secure window was closed before it finished. Continue to open it again.',
      );
    }
  }, [step, session, password]);

  async function createVault(id: string, vaultPassword: string) {
    setCreating(true);
    try {
      const status = await call('vault.create', { sessionId: id, password: vaultPassword });
      useAppStore.getState().setStatus(status);
      await loadWalletData();
      setPassword('');
      setSessionId(null);
      setStep('done');
    } catch (e) {
      const code = errorCode(e);
      setStep('password');
      setError(
        errorText(e, {
          SESSION_NOT_FOUND: 'The secure window was closed or timed out. Continue to open it again.',
          SESSION_NOT_READY: 'The secure window was closed or timed out. Continue to open it again.',
        }),
      );
      if (code === 'VAULT_EXISTS') useAppStore.getState().setRoute('unlock');
    } finally {
      setCreating(false);
    }
  }

  async function cancel() {
    if (!sessionId) return;
    setCancelling(true);
    await cancelSecureSession(sessionId);
  }

  return (
    <main className="onboarding">
      <div className="onboarding__card">
        {step === 'welcome' ? (
          <WelcomeStep
            onChoose={(chosen) => {
              setMode(chosen);
              setError(null);
              setNotice(null);
              setStep('password');
            }}
          />
        ) : null}
        {step === 'password' ? (
          <PasswordStep
            mode={mode}
            initialPassword={password}
            error={error}
            notice={notice}
            busy={starting}
            onBack={() => {
              // A session kept for a retry belongs to this choice; going back discards it.
              if (sessionId) void cancelSecureSession(sessionId);
              setSessionId(null);
              setPassword('');
              setStep('welcome');
            }}
            onSubmit={(p, wordCount) => void start(p, wordCount)}
          />
        ) : null}
        {step === 'secure' ? (
          <SecureWait
            explanation={EXPLANATION[mode]}
            finishingText={creating ? (mode === 'create' ? 'Creating your wallet…' : 'Restoring your wallet…') : null}
            onCancel={() => void cancel()}
            cancelling={cancelling}
          />
        ) : null}
        {step === 'done' ? (
          <DoneStep
            mode={mode}
            accountLabel={accounts?.[0]?.label ?? null}
            onOpen={() => {
              const status = useAppStore.getState().status;
              if (status) void enterWallet(status);
            }}
          />
        ) : null}
      </div>
      <p className="onboarding__footer">Strata never sends your keys or recovery phrase anywhere.</p>
    </main>
  );
}
