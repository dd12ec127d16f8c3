import { create } from 'zustand';
import type { AssetInfo } from '../../../shared/domain/asset';

interface AssetsState {
  /** every asset Strata tracks, on every chain; null until loaded */
  assets: AssetInfo[] | null;
  setAssets(assets: AssetInfo[]): void;
}

/** Cache of `assets.list` (reloaded when the chains change). */
export const useAssetsStore = create<AssetsState>()((set) => ({
  assets: null,
  setAssets: (assets) => set({ assets }),
}));
