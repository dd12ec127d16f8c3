import { useEffect, useRef } from 'react';
import { Button } from '../components/Button';
import { CheckIcon } from '../components/icons';

/** The secure part is finished; the app window carries on. */
export function DoneView({ title, text, onClose }: { title: string; text: string; onClose(): void }) {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="secure-done" role="status">
      <div className="done__badge">
        <CheckIcon large />
      </div>
      <h1 className="secure__title">{title}</h1>
      <p className="secure__lead">{text}</p>
      <Button ref={ref} variant="primary" size="lg" onClick={onClose}>
        Close this window
      </Button>
    </div>
  );
}
