import { create } from 'zustand';
import type { ChainInfo } from '../../../shared/domain/chain';

interface ChainsState {
  chains: ChainInfo[];
  byId: Record<string, ChainInfo>;
  setChains(chains: ChainInfo[]): void;
}

/** Cache of `chains.list` (built-in, custom and devnet chains), refreshed by `chains.changed` events. */
export const useChainsStore = create<ChainsState>()((set) => ({
  chains: [],
  byId: {},
  setChains: (chains) => set({ chains, byId: Object.fromEntries(chains.map((c) => [c.id, c])) }),
}));
