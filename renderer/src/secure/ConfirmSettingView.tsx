import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { SettingConfirmation } from '../../../shared/ipc/secureContract';
import { Button } from '../components/Button';
import { FormMessage } from '../components/FormMessage';
import { errorText } from '../ipc/errorText';
import { DoneView } from './DoneView';
import { callSecure } from './secureClient';

const minutes = (m: number) => (m === 0 ? 'never' : `after ${m} minutes`);

/** The title and the lines that say exactly what a security-weakening change does. */
function describe(setting: SettingConfirmation): { title: string; lines: string[] } {
  switch (setting.change) {
    case 'auto-lock':
      return {
        title: setting.toMinutes === 0 ? 'Turn auto-lock off?' : 'Lock the wallet later?',
        lines: [`Auto-lock now: ${minutes(setting.fromMinutes)}`, `Auto-lock after this change: ${minutes(setting.toMinutes)}`, 'An unattended unlocked wallet can move your funds.'],
      };
    case 'remove-account':
      return {
        title: 'Remove this imported key?',
        lines: [`Account: ${setting.accountLabel}`, `Address: ${setting.address}`, 'Its private key is deleted from this wallet. Without your own copy of the key, its funds are lost.'],
      };
    case 'replace-rpc':
      return {
        title: `Replace ${setting.chainName}'s RPC endpoints?`,
        lines: [`Now: ${setting.from.join(', ') || 'none'}`, `New: ${setting.to.join(', ')}`, 'These servers decide what the wallet believes about balances and transactions on this chain.'],
      };
  }
}

/** The trusted confirmation of a change that weakens the wallet's protection (#12); the only place it can be agreed to. */
export function ConfirmSettingView({ setting, onClose }: { setting: SettingConfirmation; onClose(): void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await callSecure('secure.confirm', {});
      setDone(true);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  if (done) return <DoneView title="Confirmed" text="The change is made. Return to the Strata window." onClose={onClose} />;

  const { title, lines } = describe(setting);
  return (
    <form className="secure__content" onSubmit={submit} noValidate aria-labelledby="confirm-setting-title">
      <h1 id="confirm-setting-title" ref={headingRef} tabIndex={-1} className="secure__title">
        {title}
      </h1>
      <ul className="secure__steps" aria-label="Change">
        {lines.map((line, i) => (
          <li key={i} data-confirm="setting">
            {line}
          </li>
        ))}
      </ul>
      <FormMessage error={error} />
      <div className="actions">
        <Button type="submit" variant="primary" size="lg" busy={busy} busyText="Applying…">
          Confirm the change
        </Button>
      </div>
    </form>
  );
}
