import { useEffect, useId, useRef } from 'react';
import { ChevronRightIcon, KeyIcon, SeedIcon, SparkIcon } from '../../components/icons';
import { StrataMark } from '../../components/StrataMark';
import type { OnboardingMode } from './types';

const CHOICES: Array<{ mode: OnboardingMode; title: string; text: string; icon: React.ReactNode }> = [
  {
    mode: 'create',
    title: 'Create a new wallet',
    text: 'Get a new 12 or 24-word recovery phrase.',
    icon: <SparkIcon />,
  },
  {
    mode: 'import-mnemonic',
    title: 'Import a recovery phrase',
    text: 'Restore a wallet from its 12 or 24 words.',
    icon: <SeedIcon />,
  },
  {
    mode: 'import-private-key',
    title: 'Import a private key',
    text: 'Use a single account’s private key.',
    icon: <KeyIcon />,
  },
];

/** First screen: what Strata is and the three ways to start. */
export function WelcomeStep({ onChoose }: { onChoose(mode: OnboardingMode): void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const idPrefix = useId();
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <div className="welcome">
      <StrataMark className="mark--hero" />
      <h1 ref={headingRef} tabIndex={-1} className="onboarding__title">
        Welcome to Strata
      </h1>
      <p className="onboarding__lead">
        One wallet for Ethereum and Cosmos chains. Your keys are encrypted and never leave this computer.
      </p>
      <ul className="choices" aria-label="Get started">
        {CHOICES.map((choice) => (
          <li key={choice.mode}>
            <button
              type="button"
              className={choice.mode === 'create' ? 'choice choice--primary' : 'choice'}
              onClick={() => onChoose(choice.mode)}
              aria-labelledby={`${idPrefix}-${choice.mode}-title`}
              aria-describedby={`${idPrefix}-${choice.mode}-text`}
            >
              <span className="choice__icon">{choice.icon}</span>
              <span className="choice__body">
                <span id={`${idPrefix}-${choice.mode}-title`} className="choice__title">
                  {choice.title}
                </span>
                <span id={`${idPrefix}-${choice.mode}-text`} className="choice__text">
                  {choice.text}
                </span>
              </span>
              <ChevronRightIcon />
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
