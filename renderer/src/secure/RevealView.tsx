import { useEffect, useRef } from 'react';
import { Button } from '../components/Button';
import { WordGrid } from './WordGrid';
import { WriteDownWarning } from './WriteDownWarning';

/** Shows the wallet's recovery phrase (after main checked the password in the app window). */
export function RevealView({ words, hasPassphrase, onClose }: { words: readonly string[]; hasPassphrase: boolean; onClose(): void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <div className="secure__content">
      <h1 ref={headingRef} tabIndex={-1} className="secure__title">
        Your recovery phrase
      </h1>
      <WriteDownWarning reveal />
      <WordGrid words={words} />
      {hasPassphrase ? (
        <p className="notice">
          This wallet also uses a BIP-39 passphrase, which is not shown here. You need both to restore it.
        </p>
      ) : null}
      <div className="actions">
        <Button variant="primary" size="lg" onClick={onClose}>
          Done, close this window
        </Button>
      </div>
    </div>
  );
}
