import type { Settings } from '../../../shared/ipc/contract';
import { call } from '../ipc/client';
import { useSettingsStore } from '../stores/settingsStore';

export type ThemeChoice = Settings['theme'];

/** The scheme a choice means now: 'system' follows prefers-color-scheme. */
export function resolveTheme(choice: ThemeChoice, systemLight: boolean): 'light' | 'dark' {
  return choice === 'system' ? (systemLight ? 'light' : 'dark') : choice;
}

/**
 * Keeps `data-theme` on the root element in step with the user's choice (settings) and the system's scheme: the
 * system's at once (before any answer from main), then the saved choice, and again whenever either changes. An
 * attribute, not a style: the CSP allows no inline style. Returns a function that stops following.
 */
export function followTheme(): () => void {
  const media = window.matchMedia('(prefers-color-scheme: light)');
  const apply = (): void => {
    const choice = useSettingsStore.getState().settings?.theme ?? 'system';
    document.documentElement.dataset.theme = resolveTheme(choice, media.matches);
  };
  apply();
  media.addEventListener('change', apply);
  const off = useSettingsStore.subscribe(apply);
  // Settings are readable while locked: the unlock screen already wears the saved theme.
  call('settings.get', {})
    .then((settings) => useSettingsStore.getState().setSettings(settings))
    .catch(() => {});
  return () => {
    media.removeEventListener('change', apply);
    off();
  };
}
