import { useId, useState } from 'react';
import type { Settings } from '../../../../shared/ipc/contract';
import { FormMessage } from '../../components/FormMessage';
import { call } from '../../ipc/client';
import { errorText } from '../../ipc/errorText';
import { useSettingsStore } from '../../stores/settingsStore';
import { awaitConfirmation } from '../../app/secureSession';

const THEME_LABELS: Record<Settings['theme'], string> = { system: 'Same as system', light: 'Light', dark: 'Dark' };

/** How the wallet looks and keeps itself up to date; each change is saved at once with `settings.update`. */
export function PreferencesSection() {
  const settings = useSettingsStore((s) => s.settings);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const refreshId = useId();
  const themeId = useId();

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

  return (
    <section className="card settings-section" aria-labelledby="preferences-title">
      <h2 id="preferences-title" className="section__title">
        Display and balances
      </h2>
      <div className="setting-row">
        <div className="setting-row__text">
          <label htmlFor={themeId} className="setting-row__label">
            Theme
          </label>
          <p className="setting-row__hint">Light or dark, or the same as this computer.</p>
        </div>
        <select
          id={themeId}
          className="input select setting-row__control"
          value={settings?.theme ?? 'system'}
          disabled={!settings || saving}
          onChange={(e) => {
            const theme = e.target.value as Settings['theme'];
            void update({ theme }, `Theme set to ${THEME_LABELS[theme].toLowerCase()}.`);
          }}
        >
          {(Object.keys(THEME_LABELS) as Array<Settings['theme']>).map((theme) => (
            <option key={theme} value={theme}>
              {THEME_LABELS[theme]}
            </option>
          ))}
        </select>
      </div>
      <div className="setting-row">
        <div className="setting-row__text">
          <label htmlFor={refreshId} className="setting-row__label">
            Live balances
          </label>
          <p className="setting-row__hint">
            Read balances and prices when you unlock, then every few minutes while Strata is unlocked (less often when a
            network does not answer).
          </p>
        </div>
        <input
          id={refreshId}
          type="checkbox"
          role="switch"
          className="switch setting-row__control"
          checked={settings?.refreshBalances ?? false}
          disabled={!settings || saving}
          onChange={(e) =>
            void update(
              { refreshBalances: e.target.checked },
              e.target.checked ? 'Balances will refresh in the background.' : 'Balances will refresh only when you ask.',
            )
          }
        />
      </div>
      <FormMessage error={error} status={status} />
    </section>
  );
}
