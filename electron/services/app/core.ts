import { methods } from '../../../shared/ipc/contract';
import type { Envelope, VaultStatus } from '../../../shared/ipc/contract';
import { secureMethods } from '../../../shared/ipc/secureContract';
import { accountViews } from '../accounts/accountViews';
import type { DevnetInfo } from '../chains/chainDirectory';
import { createAppHandlers } from '../ipc/appHandlers';
import { openHidTransport, type LedgerConnector } from '../ledger/openLedgerTransport';
import { createDispatcher } from '../ipc/dispatch';
import { createSecureHandlers } from '../ipc/secureHandlers';
import { SecureSessions } from '../secure/secureSessions';
import { AutoLock } from '../session/autoLock';
import { SettingsStore } from '../settings/settingsStore';
import { StrategyStore } from '../strategy/strategyStore';
import { PriceHistoryService } from '../prices/priceHistoryService';
import { Rebalancer } from '../rebalance/rebalancer';
import { RateLimitBackoff } from '../prices/rateLimitBackoff';
import { Vault } from '../vault/vault';
import { Wallet } from '../wallet/wallet';
import { BalanceRefresher } from '../wallet/balanceRefresher';
import { createAssetCatalogue, createPriceSource } from '../wallet/walletSources';
import type { AxelarApiUrls } from '../wallet/crossChainTransfers';
import type { ScryptParams } from '../vault/vault';
import type { CoreContext } from './coreContext';
import { systemClock, type Clock, type EmitEvent, type SecureWindowPort } from './ports';

export interface StrataCoreOptions {
  dataDir: string;
  secureWindow: SecureWindowPort;
  emit: EmitEvent;
  clock?: Clock;
  /** KDF defaults; tests lower N for speed, production uses the vault's defaults */
  kdf?: Partial<ScryptParams>;
  appVersion?: string;
  /** called with the method name and the error of every failed call (never the payload) */
  onError?: (method: string, error: unknown) => void;
  /** a running devnet: its chains join the directory and become the chains the portfolio reads */
  devnet?: DevnetInfo;
  /** CoinGecko-compatible API base URL (tests point it at a local server) */
  priceApiUrl?: string;
  /** Axelar's LCD and Axelarscan base URLs, when not the public ones (tests point them at a stand-in) */
  axelarApiUrls?: AxelarApiUrls;
  /** cross-chain executor timing: poll period, and when a step counts as delayed (× its expected time) */
  transferTiming?: { pollMs?: number; delayFactor?: number };
  /**
   * Live balances: a refresh on every unlock, then in the background while unlocked (the user's `refreshBalances`
   * setting turns it off). Absent, balances are read only when asked (the CLI; tests, which must not reach public
   * endpoints, opt in with a local devnet).
   */
  balanceRefresh?: { intervalMs?: number; maxBackoffMs?: number };
  /** opens the Ledger for a Ledger account's signature; default: the first Ledger on USB (never a replay) */
  ledger?: LedgerConnector;
}

/** The main-side services behind both contracts: what the Electron shell, the test bridge and the CLI drive. */
export interface StrataCore {
  /** validated dispatch of an app-contract method; never throws */
  call(method: string, payload: unknown): Promise<Envelope<unknown>>;
  /** dispatch of a secure-window method for the session that window belongs to; never throws */
  callSecure(sessionId: string, method: string, payload: unknown): Promise<Envelope<unknown>>;
  /** user activity seen by the shell (input events): postpones auto-lock */
  noteActivity(): void;
  /** system suspend or screen lock */
  lockFor(reason: 'suspend' | 'screen-lock'): Promise<void>;
  dispose(): Promise<void>;
}

export function createStrataCore(options: StrataCoreOptions): StrataCore {
  const clock = options.clock ?? systemClock;
  const vault = new Vault({ dir: options.dataDir, kdf: options.kdf });
  const settings = new SettingsStore(options.dataDir);
  const sessions = new SecureSessions(clock, (view) => {
    options.emit('secure.changed', view);
    // A cancelled or expired session must not leave its window open: after a lock, a revealed phrase would stay on
    // screen.
    if (view.state === 'cancelled' || view.state === 'expired') options.secureWindow.close(view.sessionId);
  });
  const autoLock = new AutoLock(clock, () => ctx.lock('idle'));
  // One CoinGecko back-off for spot prices and price history: a 429 on either holds both back.
  const priceBackoff = new RateLimitBackoff(() => clock.now());
  let walletOpening: Promise<Wallet> | undefined;
  const wallet = (): Promise<Wallet> =>
    (walletOpening ??= Wallet.open({
      dataDir: options.dataDir,
      vault,
      clock,
      emit: options.emit,
      devnet: options.devnet,
      assets: createAssetCatalogue,
      prices: createPriceSource({ dataDir: options.dataDir, baseUrl: options.priceApiUrl, clock, backoff: priceBackoff }),
      axelarApiUrls: options.axelarApiUrls,
      ...options.transferTiming,
      ledger: options.ledger ?? openHidTransport,
    }));
  const accountChains = async () => (await wallet()).chains.list();
  const refresher = options.balanceRefresh
    ? new BalanceRefresher({
        clock,
        ...options.balanceRefresh,
        refresh: async () => (await wallet()).refresh(),
        enabled: async () => vault.isUnlocked && (await settings.get()).refreshBalances,
      })
    : null;

  const ctx: CoreContext = {
    dataDir: options.dataDir,
    vault,
    settings,
    strategy: new StrategyStore(options.dataDir),
    priceHistory: new PriceHistoryService(options.dataDir, { baseUrl: options.priceApiUrl, now: () => clock.now(), backoff: priceBackoff }),
    sessions,
    autoLock,
    secureWindow: options.secureWindow,
    emit: options.emit,
    clock,
    wallet,
    rebalancer: new Rebalancer({ dataDir: options.dataDir, vault, clock, emit: options.emit, wallet }),
    accountChains,
    appVersion: options.appVersion ?? '0.0.0',
    lock(reason) {
      const wasUnlocked = vault.isUnlocked;
      vault.lock();
      refresher?.stop();
      void walletOpening?.then((w) => w.lock());
      sessions.cancelAll();
      autoLock.disarm();
      if (wasUnlocked) options.emit('vault.locked', { reason });
    },
    async unlocked() {
      autoLock.arm((await settings.get()).autoLockMinutes);
      options.emit('vault.unlocked', {});
      await ctx.accountsChanged();
      // The last known figures at once, then fresh ones (before the pending transfers: those can wait).
      void wallet()
        .then(async (w) => {
          await w.restoreLastPortfolio();
          if (vault.isUnlocked) await refresher?.start();
        })
        .catch((error: unknown) => options.onError?.('portfolio.refresh', error));
      // Pending transfers from before a restart are settled against their chains in the background.
      void wallet()
        .then(async (w) => {
          // Multi-step transfers left running (a restart, a lock) go on where their journal stands.
          w.crossChain.resume();
          await w.recheckActivity();
          w.watchPending();
        })
        .catch((error: unknown) => options.onError?.('activity.recheck', error));
    },
    async status(): Promise<VaultStatus> {
      const unlocked = vault.isUnlocked;
      return {
        exists: await vault.exists(),
        unlocked,
        hasMnemonic: unlocked ? vault.hasMnemonic() : false,
        accountCount: unlocked ? vault.accounts().length : 0,
      };
    },
    async accountsChanged() {
      if (!vault.isUnlocked) return;
      const chains = await accountChains();
      if (vault.isUnlocked) options.emit('accounts.changed', { accounts: accountViews(vault, chains) });
    },
  };

  const appHandlers = createAppHandlers(ctx);
  const dispatchApp = createDispatcher(methods, appHandlers, options.onError);

  return {
    // Calls are not activity: a renderer that polls must not keep the wallet unlocked. Only user input counts
    // (session.touch from the renderer, input events seen by the shell).
    call: (method, payload) => dispatchApp(method, payload),
    callSecure: (sessionId, method, payload) =>
      createDispatcher(secureMethods, createSecureHandlers(ctx, sessionId), options.onError)(method, payload),
    noteActivity: () => autoLock.touch(),
    lockFor: async (reason) => {
      if ((await settings.get()).lockOnSuspend) ctx.lock(reason);
    },
    dispose: async () => {
      ctx.lock('manual');
    },
  };
}
