import type { ChainInfo } from '../../../shared/domain/chain';
import type { VaultStatus } from '../../../shared/ipc/contract';
import type { AutoLock } from '../session/autoLock';
import type { SecureSessions } from '../secure/secureSessions';
import type { SettingsStore } from '../settings/settingsStore';
import type { Vault } from '../vault/vault';
import type { Wallet } from '../wallet/wallet';
import type { StrategyStore } from '../strategy/strategyStore';
import type { PriceHistoryService } from '../prices/priceHistoryService';
import type { Rebalancer } from '../rebalance/rebalancer';
import type { Clock, EmitEvent, SecureWindowPort } from './ports';

/** Everything the handlers share. Built once by `createStrataCore`. */
export interface CoreContext {
  /** the data directory (vault, journals, stores) */
  dataDir: string;
  vault: Vault;
  settings: SettingsStore;
  strategy: StrategyStore;
  /** daily price history for the optimizer (CoinGecko market_chart, cached per coin) */
  priceHistory: PriceHistoryService;
  sessions: SecureSessions;
  autoLock: AutoLock;
  secureWindow: SecureWindowPort;
  emit: EmitEvent;
  clock: Clock;
  /** balances, prices, sends and activity; opened on first use */
  wallet(): Promise<Wallet>;
  /** drift, rebalancing plans and their execution (keeps the running executions); built with the other services */
  rebalancer: Rebalancer;
  /** the chains an account shows addresses for (built-in, devnet, custom) */
  accountChains(): Promise<ChainInfo[]>;
  appVersion: string;
  /** locks the vault, wipes open secure sessions, stops the auto-lock timer and tells the renderer */
  lock(reason: 'manual' | 'idle' | 'suspend' | 'screen-lock' | 'password-changed'): void;
  /** after an unlock or create: arms auto-lock and tells the renderer */
  unlocked(): Promise<void>;
  status(): Promise<VaultStatus>;
  /** pushes the current account list to the renderer */
  accountsChanged(): Promise<void>;
}
