import { create } from 'zustand';
import type { Settings } from '../../../shared/ipc/contract';

interface SettingsState {
  settings: Settings | null;
  setSettings(settings: Settings): void;
}

/** Cache of `settings.get`, refreshed by `settings.changed` events. */
export const useSettingsStore = create<SettingsState>()((set) => ({
  settings: null,
  setSettings: (settings) => set({ settings }),
}));
