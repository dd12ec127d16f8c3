import { useEffect, useRef } from 'react';
import { Button } from '../../components/Button';
import { CheckIcon } from '../../components/icons';
import type { OnboardingMode } from './types';

/** The wallet exists and is unlocked; one button into it. */
export function DoneStep({ mode, accountLabel, onOpen }: { mode: OnboardingMode; accountLabel: string | null; onOpen(): void }) {
  const buttonRef = useRef<HTMLButtonElement>(null);
  useEffect(() => buttonRef.current?.focus(), []);
  return (
    <div className="done">
      <div className="done__badge">
        <CheckIcon large />
      </div>
      <h1 className="onboarding__title">{mode === 'create' ? 'Your wallet is ready' : 'Your wallet is restored'}</h1>
      <p className="onboarding__lead" role="status">
        {accountLabel ? `${accountLabel} is ready to use. ` : ''}
        {mode === 'create'
          ? 'Keep your recovery phrase offline and private: it is the only way to restore this wallet.'
          : 'Strata will ask for your password each time it unlocks.'}
      </p>
      <Button ref={buttonRef} variant="primary" size="lg" onClick={onOpen}>
        Open wallet
      </Button>
    </div>
  );
}
