import { assertSendableRecipient } from '../../../shared/addresses/assertSendableRecipient';
import { formatAmount, parseAmount } from '../../../shared/amounts';
import type { AssetInfo } from '../../../shared/domain/asset';
import type { ChainInfo } from '../../../shared/domain/chain';
import type { Portfolio } from '../../../shared/domain/portfolio';
import type { ActivityEntry, FeeQuote, FeeTier, SendReview } from '../../../shared/domain/send';
import type { SendConfirmation } from '../../../shared/ipc/secureContract';
import { StrataError } from '../../../shared/errors';
import type { PriceSource } from './priceSource';
import { sendWithJournal } from '../activity/sendWithJournal';
import { ActivityJournal } from '../activity/activityJournal';
import type { Clock, EmitEvent } from '../app/ports';
import type { ChainAdapter, ChainEndpoint } from '../chains/chainAdapter';
import { createChainClients } from '../chains/chainClients';
import { ChainDirectory, type DevnetInfo } from '../chains/chainDirectory';
import { createCosmosAdapter } from '../cosmos/cosmosAdapter';
import { createEvmAdapter, type EvmChainAdapter } from '../evm/createEvmAdapter';
import { ledgerSigner } from '../ledger/ledgerSigner';
import type { LedgerConnector } from '../ledger/openLedgerTransport';
import type { Vault } from '../vault/vault';
import { accountAddress, findAccount } from './accountAddress';
import { CrossChainTransfers, type AxelarApiUrls } from './crossChainTransfers';
import { PortfolioSnapshot } from './portfolioSnapshot';
import { refreshPortfolio } from './refreshPortfolio';
import { SendReviews } from './sendReviews';
import { vaultSigner } from './vaultSigner';

/** The assets Strata tracks on each chain. */
export interface AssetCatalogue {
  list(chain: ChainInfo): AssetInfo[];
  /** @throws UNKNOWN_ASSET */
  resolve(chain: ChainInfo, ref: string): AssetInfo;
}

// Its own file so that crossChainTransfers.ts and routeQuery.ts need not import this one (no import circle).
export type { PriceSource } from './priceSource';

export interface WalletOptions {
  dataDir: string;
  vault: Vault;
  clock: Clock;
  emit: EmitEvent;
  devnet?: DevnetInfo;
  assets: (chains: ChainDirectory) => AssetCatalogue;
  prices: PriceSource;
  /** cross-chain transfers: Axelar API base URLs, and the executor's timing (tests shorten it) */
  axelarApiUrls?: AxelarApiUrls;
  pollMs?: number;
  delayFactor?: number;
  /** opens the Ledger for a Ledger account's signature (the CLI's reads STRATA_LEDGER_REPLAY; tests pass a device) */
  ledger?: LedgerConnector;
}

/** Pending transfers are looked up this often at first (a block is 2 to 12 s on the chains we support)… */
const PENDING_POLL_MS = 1_500;
/** …backing off to this when nothing settles (an unreachable chain must not be polled hard). */
const PENDING_POLL_MAX_MS = 30_000;

const EMPTY_PORTFOLIO: Portfolio = {
  updatedAt: null, currency: 'USD', totalUsd: '0.00', holdings: [], byChain: [], byAsset: [], pricesStale: false, pricesAt: null, errors: [],
};

/**
 * Balances, prices, sends and activity across chains: what the portfolio, send and activity handlers call. Owns the
 * chain directory, the activity journal, the chain adapters and the pending transfer reviews.
 */
export class Wallet {
  private portfolio: Portfolio = EMPTY_PORTFOLIO;
  private refreshing: Promise<Portfolio> | null = null;
  private readonly reviews: SendReviews;
  /** the timer of the next pending-transfer lookup, or null when none is scheduled */
  private pendingTimer: unknown = null;
  private pendingDelay = PENDING_POLL_MS;
  private readonly snapshot: PortfolioSnapshot;

  private constructor(
    private readonly options: WalletOptions,
    readonly chains: ChainDirectory,
    readonly journal: ActivityJournal,
    readonly assets: AssetCatalogue,
    /** routes and multi-step transfers (one-click cross-chain swaps) */
    readonly crossChain: CrossChainTransfers,
    /** one chain adapter per family, shared with crossChain (its funds check reads balances through them) */
    private readonly adapters: { evm: EvmChainAdapter; cosmos: ChainAdapter },
  ) {
    this.reviews = new SendReviews(options.clock);
    this.snapshot = new PortfolioSnapshot(options.dataDir);
  }

  static async open(options: WalletOptions): Promise<Wallet> {
    const chains = await ChainDirectory.open(options.dataDir, { devnet: options.devnet });
    const journal = await ActivityJournal.open(options.dataDir, {
      onChange: (entry) => options.emit('activity.changed', entry),
      now: () => options.clock.now(),
    });
    const target = (chainId: string): ChainEndpoint => {
      const chain = chains.resolve(chainId);
      const endpoints = chains.endpoints(chain.id);
      if (endpoints.length === 0) throw new StrataError('RPC_UNAVAILABLE', `No RPC endpoint is configured for ${chain.name}`);
      return { chain, endpoints };
    };
    // One set of RPC clients and nonces for the wallet's sends, balances and route steps: one nonce rule per account.
    const clients = createChainClients();
    const adapters = { evm: createEvmAdapter({ clients }), cosmos: createCosmosAdapter({ clients }) };
    const adapterFor = (chain: ChainInfo): ChainAdapter => (chain.family === 'evm' ? adapters.evm : adapters.cosmos);
    const crossChain = await CrossChainTransfers.open({ ...options, chains, target, clients, adapterFor });
    return new Wallet(options, chains, journal, options.assets(chains), crossChain, adapters);
  }

  /** The chains the portfolio reads: the devnet's alone when one is configured, else every other chain. */
  activeChains(): ChainInfo[] {
    const all = this.chains.list();
    const devnet = all.filter((c) => c.alias.startsWith('devnet-'));
    return this.options.devnet ? devnet : all.filter((c) => !c.alias.startsWith('devnet-'));
  }

  adapterFor(chain: ChainInfo): ChainAdapter {
    return chain.family === 'evm' ? this.adapters.evm : this.adapters.cosmos;
  }

  target(chain: ChainInfo): ChainEndpoint {
    const endpoints = this.chains.endpoints(chain.id);
    if (endpoints.length === 0) throw new StrataError('RPC_UNAVAILABLE', `No RPC endpoint is configured for ${chain.name}`);
    return { chain, endpoints };
  }

  lastPortfolio(): Portfolio {
    return this.portfolio;
  }

  /** One refresh at a time: a second call while one runs gets the same result. */
  refresh(): Promise<Portfolio> {
    this.refreshing ??= this.runRefresh().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async runRefresh(): Promise<Portfolio> {
    const { vault } = this.options;
    const records = vault.accounts();
    const portfolio = await refreshPortfolio(
      {
        chains: this.activeChains(),
        endpoints: (chain) => this.chains.endpoints(chain.id),
        addressesOn: (chain) =>
          records.flatMap((record) => {
            const found = accountAddress(vault, record, chain);
            return found ? [{ accountId: record.id, address: found.address }] : [];
          }),
        assetsOn: (chain) => this.assets.list(chain),
        adapterFor: (chain) => this.adapterFor(chain),
        prices: (ids) => this.options.prices.getPrices(ids),
        now: () => this.options.clock.now(),
      },
      this.portfolio,
      (progress) => this.options.emit('portfolio.progress', progress),
    );
    this.portfolio = portfolio;
    this.options.emit('portfolio.updated', portfolio);
    // A cache: a full disk costs the next unlock its instant figures, not this refresh.
    await this.snapshot.save(portfolio).catch(() => undefined);
    return portfolio;
  }

  /**
   * After an unlock: the last saved portfolio (with its `updatedAt`) becomes the current one, unless a refresh got
   * there first, and goes out as `portfolio.updated`, so the figures show before the next refresh answers.
   */
  async restoreLastPortfolio(): Promise<void> {
    if (this.portfolio.updatedAt !== null) return;
    const saved = await this.snapshot.load();
    if (saved === null || !this.options.vault.isUnlocked || this.portfolio.updatedAt !== null) return;
    this.portfolio = saved;
    this.options.emit('portfolio.updated', saved);
  }

  /** Validates and prices a transfer for the review screen; nothing is signed. */
  async prepareSend(input: { accountId: string; chain: string; to: string; asset: string; amount: string; tier: FeeTier; endpoints?: string[] }): Promise<SendReview> {
    const { vault } = this.options;
    const chain = this.chains.resolve(input.chain);
    const record = findAccount(vault, input.accountId);
    if (record.kind === 'watch') throw new StrataError('INVALID_INPUT', 'A watch-only account cannot send');
    const from = accountAddress(vault, record, chain);
    if (!from) throw new StrataError('INVALID_INPUT', 'This account has no address on that chain');
    const asset = this.assets.resolve(chain, input.asset);
    assertSendableRecipient(input.to, asset.ref);
    const amount = parseAmount(input.amount, asset.decimals);
    const target = input.endpoints ? { chain, endpoints: input.endpoints } : this.target(chain);
    const prepared = await this.adapterFor(chain).prepareTransfer(target, {
      from: from.address, publicKey: from.publicKey, to: input.to, asset, amount, tier: input.tier,
    });
    const { reviewId, expiresAt } = this.reviews.add({ accountId: record.id, target, prepared });
    const quote = (tier: FeeTier): FeeQuote => ({ tier, amount: prepared.fees[tier].toString(), feeAsset: prepared.feeAsset });
    const sameAsset = prepared.feeAsset.ref === asset.ref;
    return {
      reviewId,
      chain: chain.id,
      accountId: record.id,
      from: prepared.from,
      to: prepared.to,
      asset,
      amount: amount.toString(),
      fee: quote(input.tier),
      fees: { slow: quote('slow'), normal: quote('normal'), fast: quote('fast') },
      total: sameAsset ? (amount + prepared.fees[input.tier]).toString() : null,
      expiresAt,
    };
  }

  /** The most that can be sent (the fee set aside when the asset is the native one). */
  async maxSend(input: { accountId: string; chain: string; asset: string; tier: FeeTier }): Promise<{ amount: string; formatted: string }> {
    const { vault } = this.options;
    const chain = this.chains.resolve(input.chain);
    const record = findAccount(vault, input.accountId);
    const from = accountAddress(vault, record, chain);
    if (!from || record.kind === 'watch') throw new StrataError('INVALID_INPUT', 'This account cannot send on that chain');
    const asset = this.assets.resolve(chain, input.asset);
    const max = await this.adapterFor(chain).maxSendable(this.target(chain), { from: from.address, publicKey: from.publicKey, asset, tier: input.tier });
    return { amount: max.toString(), formatted: formatAmount(max, asset.decimals) };
  }

  /**
   * What the secure window shows for a review, from the prepared transfer main will sign: chain, accounts, asset,
   * amount, the most the fee can cost, and whether the wallet ever sent to this recipient on this chain.
   * @throws REVIEW_EXPIRED when the review is unknown, spent or expired
   */
  sendConfirmation(reviewId: string): Omit<SendConfirmation, 'passwordRequired'> {
    const { prepared, accountId } = this.reviews.peek(reviewId);
    const record = findAccount(this.options.vault, accountId);
    const to = prepared.to.toLowerCase();
    const history = this.journal.list();
    return {
      chain: prepared.chain.id,
      chainName: prepared.chain.name,
      accountLabel: record.label,
      from: prepared.from,
      to: prepared.to,
      asset: prepared.asset,
      amount: prepared.amount.toString(),
      maxFee: prepared.fees[prepared.tier].toString(),
      feeAsset: prepared.feeAsset,
      firstTimeRecipient: !history.some((entry) => entry.chain === prepared.chain.id && entry.to.toLowerCase() === to),
    };
  }

  /** Signs and broadcasts exactly a reviewed transfer, journaled before the broadcast. */
  async confirmSend(reviewId: string): Promise<ActivityEntry> {
    const review = this.reviews.take(reviewId);
    const record = findAccount(this.options.vault, review.accountId);
    const signer = record.ledger ? ledgerSigner(this.requireLedger(), record.ledger) : vaultSigner(this.options.vault, review.accountId, review.target.chain);
    if (signer.address !== review.prepared.from) throw new StrataError('INTERNAL', 'The signing key does not match the reviewed sender');
    const entry = await sendWithJournal({
      journal: this.journal,
      adapter: this.adapterFor(review.target.chain),
      target: review.target,
      prepared: review.prepared,
      signer,
      accountId: review.accountId,
      now: () => this.options.clock.now(),
    });
    this.pendingDelay = PENDING_POLL_MS;
    this.watchPending();
    return entry;
  }

  /**
   * Looks pending transfers up until none is left, while unlocked (changes go out as activity.changed). The delay
   * doubles, up to PENDING_POLL_MAX_MS, for as long as a round settles nothing.
   */
  watchPending(): void {
    if (this.pendingTimer !== null) return;
    const tick = async (): Promise<void> => {
      const before = this.pendingCount();
      await this.recheckActivity().catch(() => undefined);
      this.pendingTimer = null;
      const left = this.pendingCount();
      if (!this.options.vault.isUnlocked || left === 0) return;
      this.pendingDelay = left < before ? PENDING_POLL_MS : Math.min(this.pendingDelay * 2, PENDING_POLL_MAX_MS);
      this.pendingTimer = this.options.clock.setTimeout(() => void tick(), this.pendingDelay);
    };
    this.pendingTimer = this.options.clock.setTimeout(() => void tick(), this.pendingDelay);
  }

  private requireLedger(): LedgerConnector {
    if (!this.options.ledger) throw new StrataError('LEDGER_NOT_FOUND', 'No Ledger connection is set up in this process');
    return this.options.ledger;
  }

  private pendingCount(): number {
    return this.journal.list().filter((e) => e.status === 'pending').length;
  }

  /** Settles pending journal entries against their chains (on start, and after a send). */
  async recheckActivity(): Promise<void> {
    await this.journal.recheck((chainId) => {
      const chain = this.chains.list().find((c) => c.id === chainId);
      if (!chain) return null;
      try {
        return { adapter: this.adapterFor(chain), target: this.target(chain) };
      } catch {
        return null;
      }
    });
  }

  /** Forgets reviews and balances on lock (they name addresses and amounts). */
  lock(): void {
    if (this.pendingTimer !== null) this.options.clock.clearTimeout(this.pendingTimer);
    this.pendingTimer = null;
    this.reviews.clear();
    this.crossChain.lock();
    this.portfolio = EMPTY_PORTFOLIO;
  }
}
