import { formatAmount } from '../../../shared/amounts';
import type { AssetInfo } from '../../../shared/domain/asset';
import type { ChainInfo } from '../../../shared/domain/chain';
import type { Route } from '../../../shared/domain/route';
import type { Transfer } from '../../../shared/domain/transferRecord';
import { StrataError } from '../../../shared/errors';
import { assertLossAccepted } from '../../../shared/routing/valueLostGuard';
import type { Clock, EmitEvent } from '../app/ports';
import type { ChainAdapter, ChainEndpoint } from '../chains/chainAdapter';
import type { ChainDirectory, DevnetInfo } from '../chains/chainDirectory';
import { createAxelarCosmosBridge, evmUsdcAsset } from '../bridges/axelarCosmos/axelarCosmosBridge';
import { createAxelarLcdFeeSource, type AxelarFeeSource } from '../bridges/axelarCosmos/axelarFeeSource';
import { MAINNET_AXELAR_EVM_CHAINS } from '../bridges/axelarCosmos/axelarNetwork';
import { createAxelarscanClient, type AxelarTransferStatusSource } from '../bridges/axelarCosmos/axelarscanClient';
import { listAssets } from '../assets/listAssets';
import { nativeAssetOf } from '../assets/nativeAsset';
import { gasPricesFor } from '../cosmos/registry/gasPrices';
import { processChainClients, type ChainClients } from '../chains/chainClients';
import { vaultCosmosSigner } from '../cosmos/vaultCosmosSigner';
import { addressFromPublicKey } from '../../../shared/addresses/addressFromPublicKey';
import type { PlannedStep, RoutingEnvironment } from '../routing/findRoutes';
import { QuoteBook } from '../routing/quoteBook';
import { vaultCosmosCallTransport } from '../transfers/cosmosCallTransport';
import { evmCallTransport } from '../transfers/evmCallTransport';
import { journaledStepAdapter, routeStepRunner } from '../transfers/routeStepRunners';
import type { CallTransport, StepRunner } from '../transfers/stepRunner';
import { resumeTransfers, runTransfer, type RunTransferOptions } from '../transfers/runTransfer';
import { TransferJournal } from '../transfers/transferJournal';
import type { Vault } from '../vault/vault';
import { findAccount } from './accountAddress';
import { composeRoutingEnvironment, findRoutesFor, withUsdPrices, type RouteQuery } from './routeQuery';
import { vaultSigner } from './vaultSigner';
import type { PriceSource } from './priceSource';

/** A resume that met an RPC or I/O error is tried again after this long (while unlocked). */
export const RESUME_RETRY_MS = 10_000;

export interface CrossChainOptions {
  dataDir: string;
  vault: Vault;
  clock: Clock;
  emit: EmitEvent;
  devnet?: DevnetInfo;
  prices: PriceSource;
  chains: ChainDirectory;
  target(chainId: string): ChainEndpoint;
  /** The chain adapter of a chain's family: the funds check reads balances through its getBalances. */
  adapterFor(chain: ChainInfo): ChainAdapter;
  /** executor poll period (default runTransfer's 1 s) */
  pollMs?: number;
  /** a step is delayed after its expected time × this (default runTransfer's) */
  delayFactor?: number;
  /** base URLs of Axelar's LCD and Axelarscan API, when not the public ones (tests point them at a stand-in) */
  axelarApiUrls?: AxelarApiUrls;
  /** Axelar's APIs for EVM <-> Cosmos routes (transfer fee, transfer status); default: made from axelarApiUrls */
  axelar?: { fees: AxelarFeeSource; status: AxelarTransferStatusSource };
  /** RPC clients and nonces, shared with the wallet's sends (default the process's). */
  clients?: ChainClients;
}

export interface AxelarApiUrls {
  lcd?: string;
  axelarscan?: string;
}

/**
 * One-click cross-chain swaps: finds routes (the devnet's EVM chains and the Cosmos chains), keeps each found quote
 * with its plan for QUOTE_TTL_MS (QuoteBook) so that a start runs exactly that plan, and runs transfers in the background over a TransferJournal in the data dir,
 * signing with the vault. A locked vault stops new signing (the executor leaves the transfer `running`); the next
 * unlock resumes it.
 */
export class CrossChainTransfers {
  private readonly quotes: QuoteBook;
  /** The plans of transfers started in this process, by transfer id: their steps run with the plan's adapters. */
  private readonly plans = new Map<string, PlannedStep[]>();
  private retryTimer: unknown = null;
  /** The routing environment (its RPC clients, venues, bridges), built once per change of chains or endpoints. */
  private built: { key: string; env: RoutingEnvironment } | null = null;
  /** Call transports by account, chain and endpoints (forgotten on lock). */
  private readonly transports = new Map<string, CallTransport>();

  private constructor(
    private readonly options: CrossChainOptions,
    readonly journal: TransferJournal,
  ) {
    this.quotes = new QuoteBook(() => options.clock.now());
  }

  static async open(options: CrossChainOptions): Promise<CrossChainTransfers> {
    const journal = await TransferJournal.open(options.dataDir, {
      onChange: (transfer) => options.emit('transfers.changed', transfer),
      now: () => options.clock.now(),
    });
    return new CrossChainTransfers(options, journal);
  }

  /**
   * The devnet's EVM chains (when one runs), the bundled Cosmos chains over the directory's endpoints, and Axelar
   * between the EVM chains with an Axelar gateway (over their directory endpoints) and the Cosmos chains. Built once
   * and kept while the chains and their endpoints stay the same, so its RPC clients keep their failover state; it has
   * no prices (a search applies them, `withUsdPrices`).
   */
  private environment(): RoutingEnvironment {
    const key = JSON.stringify(this.options.chains.list().map((c) => [c.id, this.options.chains.endpoints(c.id)]));
    if (this.built?.key !== key) {
      const axelar = this.options.axelar ?? axelarApis(this.options.axelarApiUrls ?? {});
      const { clients = processChainClients } = this.options;
      this.built = { key, env: composeRoutingEnvironment(this.options.devnet, this.options.chains, (env) => withAxelarCosmos(env, this.options.chains, axelar, clients), clients) };
    }
    return this.built.env;
  }

  /**
   * Every route for the query, best first, each under a fresh quote id kept for QUOTE_TTL_MS with its plan.
   * @throws NO_ROUTE (no path), UNKNOWN_CHAIN, UNKNOWN_ASSET, INVALID_AMOUNT, INVALID_INPUT, RPC_UNAVAILABLE
   */
  async findRoutes(query: RouteQuery): Promise<Route[]> {
    // Prices are applied at quote time, once per search (Axelar's EVM chains are in the environment: one request).
    const routes = await findRoutesFor(await withUsdPrices(this.environment(), this.options.prices), this.options.chains, query);
    this.quotes.keep(routes);
    return routes.map((r) => r.route);
  }

  /**
   * Starts exactly a found quote for an account: checks the balance (nothing is sent when short), records the
   * transfer and runs the quote's plan in the background (progress as transfers.changed events). A quote starts once.
   * @throws VAULT_LOCKED, QUOTE_EXPIRED (unknown, expired or already started), ACCOUNT_NOT_FOUND, INVALID_INPUT
   *   (watch-only), INSUFFICIENT_FUNDS, RPC_UNAVAILABLE, PRICE_IMPACT_TOO_HIGH (a route losing more than 15% without
   *   `acceptedLossBps` of at least its loss: shared/routing/valueLostGuard)
   */
  async startTransfer(quoteId: string, accountId: string, acceptedLossBps?: number): Promise<Transfer> {
    const { route, plan, accountId: id } = await this.checkStart(quoteId, accountId, acceptedLossBps);
    // Taken again after the balance check: a concurrent start of the same quote got it first.
    this.quotes.get(quoteId);
    this.quotes.remove(quoteId);
    const created = await this.journal.create(route, { accountId: id });
    this.plans.set(created.id, plan);
    this.run(created.id);
    return created;
  }

  /**
   * Every check startTransfer makes, changing nothing: what the secure window's confirmation is built from, before
   * the user is asked. @throws like startTransfer
   */
  async checkStart(quoteId: string, accountId: string, acceptedLossBps?: number): Promise<{ route: Route; plan: PlannedStep[]; accountId: string; accountLabel: string }> {
    const { vault } = this.options;
    vault.requireUnlocked();
    const { route, plan } = this.quotes.get(quoteId);
    const record = findAccount(vault, accountId);
    if (record.kind === 'watch') throw new StrataError('INVALID_INPUT', 'A watch-only account cannot send');
    await this.assertFunds(route, record.id);
    assertLossAccepted(route, acceptedLossBps);
    return { route, plan, accountId: record.id, accountLabel: record.label };
  }

  list(): Transfer[] {
    return this.journal.list();
  }

  /** @throws INVALID_INPUT for an unknown id */
  get(id: string): Transfer {
    const transfer = this.journal.get(id);
    if (!transfer) throw new StrataError('INVALID_INPUT', 'No transfer has this id');
    return transfer;
  }

  /** On unlock: continues every running transfer; one that met an RPC or I/O error is tried again later. */
  resume(): void {
    // Without a devnet, Cosmos transfers (over the configured endpoints) still resume.
    if (this.retryTimer !== null) return;
    if (!this.journal.list().some((t) => t.status === 'running')) return;
    void (async () => {
      let failed: boolean;
      try {
        failed = (await resumeTransfers(await this.runOptions())).some((r) => r.error);
      } catch {
        // e.g. the devnet lacks a deployment the route needs, or an RPC or Cosmos node is down: try again later
        failed = true;
      }
      if (failed && this.options.vault.isUnlocked) this.scheduleRetry();
    })();
  }

  /** On lock: forgets found routes and the retry timer. Transfers mid-flight stop at their next signature. */
  lock(): void {
    this.quotes.clear();
    this.transports.clear();
    if (this.retryTimer !== null) this.options.clock.clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private scheduleRetry(): void {
    this.retryTimer = this.options.clock.setTimeout(() => {
      this.retryTimer = null;
      if (this.options.vault.isUnlocked) this.resume();
    }, RESUME_RETRY_MS);
  }

  private run(id: string): void {
    void this.runOptions()
      .then((options) => runTransfer(id, options))
      .then(() => {
        // A transfer that ended needs its plan no more (one left running keeps it for the retry).
        if (this.journal.get(id)?.status !== 'running') this.plans.delete(id);
      })
      .catch(() => {
        // Left `running` (RPC down, vault locked): the next unlock, or the retry, resumes it.
        if (this.options.vault.isUnlocked) this.scheduleRetry();
      });
  }

  private async runOptions(): Promise<RunTransferOptions> {
    const env = this.environment();
    return {
      journal: this.journal,
      pollMs: this.options.pollMs,
      delayFactor: this.options.delayFactor,
      now: () => this.options.clock.now(),
      runnerFor: (step, index, transfer) => {
        const accountId = transfer.accountId;
        if (accountId === undefined) throw new StrataError('INTERNAL', 'This transfer names no account to sign with');
        // Started here: the quote's own adapters. Resumed after a restart: the environment's adapter that carries the step.
        const adapter = this.plans.get(transfer.id)?.[index] ?? journaledStepAdapter(step, env);
        return whileUnlocked(this.options.vault, routeStepRunner(step, adapter, {
          env,
          now: () => this.options.clock.now(),
          transportFor: (chainId) => this.transportFor(accountId, chainId),
        }));
      },
    };
  }

  /** The account's call transport on a chain, one per account, chain and endpoint list (its RPC client kept). */
  private transportFor(accountId: string, chainId: string): CallTransport {
    const target = this.options.target(chainId);
    const key = JSON.stringify([accountId, target.chain.id, target.endpoints]);
    let transport = this.transports.get(key);
    if (transport === undefined) {
      const clients = this.options.clients ?? processChainClients;
      transport = target.chain.family === 'cosmos'
        ? vaultCosmosCallTransport(this.options.vault, accountId, target, clients)
        : evmCallTransport(target, vaultSigner(this.options.vault, accountId, target.chain), clients);
      this.transports.set(key, transport);
    }
    return transport;
  }

  /**
   * The route's input must be in the account on its first chain, and the native fees the route names there (gas at
   * its upper estimate, messaging) in that chain's fee coin; both added up when they are one asset. Read through the
   * chain adapter's getBalances (one round trip). @throws INSUFFICIENT_FUNDS, RPC_UNAVAILABLE
   */
  private async assertFunds(route: Route, accountId: string): Promise<void> {
    const first = route.steps[0];
    if (!first) throw new StrataError('INVALID_INPUT', 'This route has no step');
    const target = this.options.target(first.fromChain);
    const { chain } = target;
    const owner = chain.family === 'cosmos'
      ? addressFromPublicKey(vaultCosmosSigner(this.options.vault, accountId, chain).pubkey, chain)
      : vaultSigner(this.options.vault, accountId, chain).address;
    const needs = new Map<string, { asset: AssetInfo; amount: bigint }>();
    // One entry per denom: on Cosmos `native` and the coin's denom are one balance.
    const keyOf = (asset: AssetInfo) => (chain.family === 'cosmos' && asset.ref === 'native' ? chain.nativeAsset.denom : asset.ref);
    const add = (asset: AssetInfo, amount: bigint) => needs.set(keyOf(asset), { asset, amount: (needs.get(keyOf(asset))?.amount ?? 0n) + amount });
    add(first.assetIn, BigInt(route.amountIn));
    const fees = route.fees.filter((f) => f.chain === chain.id && (f.kind === 'gas' || f.kind === 'messaging')).reduce((sum, f) => sum + BigInt(f.amount), 0n);
    if (fees > 0n) add(feeAssetOf(chain), fees);
    const wanted = [...needs.values()];
    const [balances] = await this.options.adapterFor(chain).getBalances(target, [owner], wanted.map((n) => n.asset));
    for (const [i, need] of wanted.entries()) {
      const balance = balances?.[i] ?? 0n;
      if (balance < need.amount) {
        const { decimals, symbol } = need.asset;
        throw new StrataError('INSUFFICIENT_FUNDS', `This route needs ${formatAmount(need.amount, decimals)} ${symbol} on ${chain.name} (fees included) and the account has ${formatAmount(balance, decimals)} ${symbol}`);
      }
    }
  }
}

/**
 * A runner that starts nothing new while the vault is locked: signing, the next call and delivery tracking throw
 * VAULT_LOCKED (the executor leaves the transfer `running` for the next unlock); looking up and re-broadcasting a
 * transaction already signed go on, so nothing mid-flight is cut short.
 */
function whileUnlocked(vault: Pick<Vault, 'isUnlocked'>, runner: StepRunner): StepRunner {
  const check = (): void => {
    if (!vault.isUnlocked) throw new StrataError('VAULT_LOCKED', 'The vault is locked: the transfer goes on after the next unlock');
  };
  const { transport, trackDelivery } = runner;
  return {
    ...runner,
    transport: {
      ...transport,
      sign: async (call) => {
        check();
        return transport.sign(call);
      },
    },
    nextCall: async (ctx) => {
      check();
      return runner.nextCall(ctx);
    },
    trackDelivery: trackDelivery && (async (ctx) => {
      check();
      return trackDelivery(ctx);
    }),
  };
}

/** The asset gas is paid in on a chain: its native coin (EVM), or the fee denom chain-registry names (Cosmos). */
function feeAssetOf(chain: ChainInfo): AssetInfo {
  const native = nativeAssetOf(chain);
  if (chain.family !== 'cosmos') return native;
  const denom = gasPricesFor(chain).denom;
  if (denom === chain.nativeAsset.denom) return native;
  return listAssets(chain).find((a) => a.ref === denom) ?? { ...native, ref: denom, symbol: denom, decimals: 0, priceId: null };
}

/** Axelar's fee and status APIs, at the given base URLs or the public ones. */
function axelarApis(urls: AxelarApiUrls): { fees: AxelarFeeSource; status: AxelarTransferStatusSource } {
  return { fees: createAxelarLcdFeeSource(urls.lcd ? { baseUrl: urls.lcd } : {}), status: createAxelarscanClient(urls.axelarscan ? { baseUrl: urls.axelarscan } : {}) };
}

/**
 * `env` with Axelar's EVM <-> Cosmos bridge and the EVM chains it serves (Ethereum, Arbitrum, Optimism, Base,
 * Polygon): their native coin and the gateway's USDC, reached over the directory's endpoints (the router prices their
 * gas over them; routingEnvironment prices their assets). Chains the environment already has (a devnet) keep their own.
 */
function withAxelarCosmos(env: RoutingEnvironment, chains: ChainDirectory, apis: { fees: AxelarFeeSource; status: AxelarTransferStatusSource }, clients: ChainClients): RoutingEnvironment {
  const known = chains.list();
  const added = MAINNET_AXELAR_EVM_CHAINS.flatMap((axelar) => {
    const chain = known.find((c) => c.id === axelar.chain);
    return chain === undefined || env.chains.some((c) => c.id === chain.id) ? [] : [{ chain, assets: [nativeAssetOf(chain), evmUsdcAsset(axelar)] }];
  });
  const rpcOf = (chain: ChainInfo) => clients.evm({ chain, endpoints: chains.endpoints(chain.id) });
  const addedOn = (id: string) => added.find((a) => a.chain.id === id);
  const bridge = createAxelarCosmosBridge({ fees: apis.fees, status: apis.status });
  return {
    ...env,
    chains: [...env.chains, ...added.map((a) => a.chain)],
    assets: (chain) => addedOn(chain)?.assets ?? env.assets(chain),
    rpc(chain) {
      const evm = addedOn(chain);
      if (evm === undefined) return env.rpc(chain);
      const rpc = rpcOf(evm.chain);
      return rpc.request;
    },
    bridges: [...env.bridges, bridge],
  };
}
