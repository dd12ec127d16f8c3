import { useId, useState } from 'react';
import type { Settings } from '../../../../shared/ipc/contract';
import { FormMessage } from '../../components/FormMessage';
import { call } from '../../ipc/client';
import { errorText } from '../../ipc/errorText';
import { autoLockLabel } from '../../lib/format';
import { useSettingsStore } from '../../stores/settingsStore';
import { awaitConfirmation } from '../../app/secureSession';

/** The choices offered for auto-lock, in minutes (0 = never). */
export const AUTO_LOCK_CHOICES = [1, 5, 15, 30, 60, 0] as const;

/** Auto-lock delay and lock-on-suspend; each change is saved at once with `settings.update`. */
export function SecuritySection() {
  const settings = useSettingsStore((s) => s.settings);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const selectId = useId();
  const switchId = useId();

  async function update(patch: Partial<Settings>, done: string) {
    setSaving(true);
    setError(null);
    setStatus(null);
    try {
      const answer = await call('settings.update', patch);
      if ('sessionId' in answer) {
        // Weakens the wallet's protection: main asks the secure window first.
        setStatus('Confirm this change in the secure window.');
        const outcome = await awaitConfirmation(answer);
        useSettingsStore.getState().setSettings(outcome.settings ?? (await call('settings.get', {})));
      } else {
        useSettingsStore.getState().setSettings(answer);
      }
      setStatus(done);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  }

  // A stored value outside the offered choices (set elsewhere) is still shown rather than silently replaced.
  const choices: number[] = [...AUTO_LOCK_CHOICES];
  if (settings && !choices.includes(settings.autoLockMinutes)) choices.unshift(settings.autoLockMinutes);

  return (
    <section className="card settings-section" aria-labelledby="security-title">
      <h2 id="security-title" className="section__title">
        Locking
      </h2>
      <div className="setting-row">
        <div className="setting-row__text">
          <label htmlFor={selectId} className="setting-row__label">
            Auto-lock
          </label>
          <p className="setting-row__hint">Lock Strata after this long without activity.</p>
        </div>
        <select
          id={selectId}
          className="input select setting-row__control"
          value={settings?.autoLockMinutes ?? ''}
          disabled={!settings || saving}
          onChange={(e) => {
            const minutes = Number(e.target.value);
            void update({ autoLockMinutes: minutes }, `Auto-lock set to ${autoLockLabel(minutes).toLowerCase()}.`);
          }}
        >
          {choices.map((minutes) => (
            <option key={minutes} value={minutes}>
              {autoLockLabel(minutes)}
            </option>
          ))}
        </select>
      </div>
      <div className="setting-row">
        <div className="setting-row__text">
          <label htmlFor={switchId} className="setting-row__label">
            Lock on sleep
          </label>
          <p className="setting-row__hint">Lock Strata when this computer sleeps or its screen locks.</p>
        </div>
        <input
          id={switchId}
          type="checkbox"
          role="switch"
          className="switch setting-row__control"
          checked={settings?.lockOnSuspend ?? false}
          disabled={!settings || saving}
          onChange={(e) =>
            void update(
              { lockOnSuspend: e.target.checked },
              e.target.checked ? 'Strata will lock on sleep.' : 'Strata will stay unlocked on sleep.',
            )
          }
        />
      </div>
      <FormMessage error={error} status={status} />
    </section>
  );
}
