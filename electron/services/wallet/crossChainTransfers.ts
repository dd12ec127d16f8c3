import { QueryBalanceRequest, QueryBalanceResponse } from 'cosmjs-types/cosmos/bank/v1beta1/query';
import { decodeFunctionResult, encodeFunctionData, erc20Abi } from 'viem';
import { formatAmount } from '../../../shared/amounts';
import type { AssetInfo } from '../../../shared/domain/asset';
import type { ChainInfo } from '../../../shared/domain/chain';
import type { Route } from '../../../shared/domain/route';
import type { Transfer } from '../../../shared/domain/transferRecord';
import { StrataError } from '../../../shared/errors';
import { assertLossAccepted } from '../../../shared/routing/valueLostGuard';
import type { Clock, EmitEvent } from '../app/ports';
import type { ChainEndpoint } from '../chains/chainAdapter';
import type { ChainDirectory, DevnetInfo } from '../chains/chainDirectory';
import { createAxelarCosmosBridge, evmUsdcAsset } from '../bridges/axelarCosmos/axelarCosmosBridge';
import { createAxelarLcdFeeSource, type AxelarFeeSource } from '../bridges/axelarCosmos/axelarFeeSource';
import { MAINNET_AXELAR_EVM_CHAINS } from '../bridges/axelarCosmos/axelarNetwork';
import { createAxelarscanClient, type AxelarTransferStatusSource } from '../bridges/axelarCosmos/axelarscanClient';
import { nativeAssetOf } from '../assets/nativeAsset';
import { gasPricesFor } from '../cosmos/registry/gasPrices';
import { createEvmRpc } from '../evm/createEvmRpc';
import { abciQuery, CosmosQueryError } from '../cosmos/rpc/abciQuery';
import { createCosmosRpc, type CosmosRpc } from '../cosmos/rpc/createCosmosRpc';
import { vaultCosmosSigner } from '../cosmos/vaultCosmosSigner';
import { addressFromPublicKey } from '../../../shared/addresses/addressFromPublicKey';
import { devnetUniswapV2 } from '../devnet/uniswap/devnetUniswapV2';
import { quantity } from '../evm/rpcValues';
import type { FoundRoute, RoutingEnvironment } from '../routing/findRoutes';
import { vaultCosmosCallTransport } from '../transfers/cosmosCallTransport';
import { evmCallTransport } from '../transfers/evmCallTransport';
import { routeStepRunner } from '../transfers/routeStepRunners';
import type { StepRunner } from '../transfers/stepRunner';
import { resumeTransfers, runTransfer, type RunTransferOptions } from '../transfers/runTransfer';
import { TransferJournal } from '../transfers/transferJournal';
import type { Vault } from '../vault/vault';
import { findAccount } from './accountAddress';
import { findRoutesFor, routingEnvironment, type RouteQuery } from './routeQuery';
import { vaultSigner } from './vaultSigner';
import type { PriceSource } from './wallet';

/** How long a found route can be started: quotes move, so an older one must be found again. */
export const ROUTE_TTL_MS = 5 * 60_000;
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
  /** executor poll period (default runTransfer's 1 s) */
  pollMs?: number;
  /** a step is delayed after its expected time × this (default runTransfer's) */
  delayFactor?: number;
  /** base URLs of Axelar's LCD and Axelarscan API, when not the public ones (tests point them at a stand-in) */
  axelarApiUrls?: AxelarApiUrls;
  /** Axelar's APIs for EVM <-> Cosmos routes (transfer fee, transfer status); default: made from axelarApiUrls */
  axelar?: { fees: AxelarFeeSource; status: AxelarTransferStatusSource };
}

export interface AxelarApiUrls {
  lcd?: string;
  axelarscan?: string;
}

/**
 * One-click cross-chain swaps: finds routes (the devnet's EVM chains and the Cosmos chains), keeps the found ones for ROUTE_TTL_MS so that a
 * start runs exactly the quoted route, and runs transfers in the background over a TransferJournal in the data dir,
 * signing with the vault. A locked vault stops new signing (the executor leaves the transfer `running`); the next
 * unlock resumes it.
 */
export class CrossChainTransfers {
  private readonly found = new Map<string, { found: FoundRoute; expiresAt: number }>();
  private retryTimer: unknown = null;

  private constructor(
    private readonly options: CrossChainOptions,
    readonly journal: TransferJournal,
  ) {}

  static async open(options: CrossChainOptions): Promise<CrossChainTransfers> {
    const journal = await TransferJournal.open(options.dataDir, {
      onChange: (transfer) => options.emit('transfers.changed', transfer),
      now: () => options.clock.now(),
    });
    return new CrossChainTransfers(options, journal);
  }

  /**
   * The devnet's EVM chains (when one runs), the bundled Cosmos chains over the directory's endpoints, and Axelar
   * between the EVM chains with an Axelar gateway (over their directory endpoints) and the Cosmos chains.
   */
  private async environment(): Promise<RoutingEnvironment> {
    const axelar = this.options.axelar ?? axelarApis(this.options.axelarApiUrls ?? {});
    // Axelar's EVM chains join before pricing, so one price request covers every chain.
    return routingEnvironment(this.options.devnet, this.options.prices, this.options.chains, (env) => withAxelarCosmos(env, this.options.chains, axelar));
  }

  /**
   * Every route for the query, best first, each kept for ROUTE_TTL_MS under its id.
   * @throws NO_ROUTE (no path), UNKNOWN_CHAIN, UNKNOWN_ASSET, INVALID_AMOUNT, INVALID_INPUT, RPC_UNAVAILABLE
   */
  async findRoutes(query: RouteQuery): Promise<Route[]> {
    const routes = await findRoutesFor(await this.environment(), this.options.chains, query);
    this.prune();
    const expiresAt = this.options.clock.now() + ROUTE_TTL_MS;
    for (const found of routes) this.found.set(found.route.id, { found, expiresAt });
    return routes.map((r) => r.route);
  }

  /**
   * Starts exactly a found route for an account: checks the balance (nothing is sent when short), records the
   * transfer and runs it in the background (progress as transfers.changed events).
   * @throws VAULT_LOCKED, SESSION_NOT_FOUND (route unknown or expired), ACCOUNT_NOT_FOUND, INVALID_INPUT (watch-only),
   *   QUOTE_CHANGED (not the quote `reviewed` describes), PRICE_IMPACT_TOO_HIGH (a route losing more than 15% without
   *   `acceptedLossBps` of at least its loss: shared/routing/valueLostGuard), INSUFFICIENT_FUNDS, RPC_UNAVAILABLE
   */
  async startTransfer(routeId: string, accountId: string, reviewed?: { amountIn: string; minAmountOut: string }, acceptedLossBps?: number): Promise<Transfer> {
    const { vault } = this.options;
    if (!vault.isUnlocked) throw new StrataError('VAULT_LOCKED', 'Unlock the vault first');
    this.prune();
    const kept = this.found.get(routeId);
    if (!kept) throw new StrataError('SESSION_NOT_FOUND', 'This route has expired or was already started: find routes again');
    const record = findAccount(vault, accountId);
    if (record.kind === 'watch') throw new StrataError('INVALID_INPUT', 'A watch-only account cannot send');
    const route = kept.found.route;
    // Route ids name a path, not a quote: a later search for the same path (another page, a rebalancing plan) keeps
    // its own quote under the same id. Start only what the user saw, or one that gives at least as much for as much.
    if (reviewed && (route.amountIn !== reviewed.amountIn || BigInt(route.minAmountOut) < BigInt(reviewed.minAmountOut))) {
      throw new StrataError('QUOTE_CHANGED', 'The quote changed since you reviewed it: review the route again');
    }
    await this.assertFunds(route, record.id);
    assertLossAccepted(route, acceptedLossBps);
    this.found.delete(routeId);
    const created = await this.journal.create(route, { accountId: record.id });
    this.run(created.id);
    return created;
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
    this.found.clear();
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
      .catch(() => {
        // Left `running` (RPC down, vault locked): the next unlock, or the retry, resumes it.
        if (this.options.vault.isUnlocked) this.scheduleRetry();
      });
  }

  private async runOptions(): Promise<RunTransferOptions> {
    const env = await this.environment();
    const { devnet } = this.options;
    const weth = devnet ? devnetUniswapV2(devnet.contracts).weth : '';
    return {
      journal: this.journal,
      pollMs: this.options.pollMs,
      delayFactor: this.options.delayFactor,
      now: () => this.options.clock.now(),
      runnerFor: (step, _index, transfer) => {
        const accountId = transfer.accountId;
        if (accountId === undefined) throw new StrataError('INTERNAL', 'This transfer names no account to sign with');
        return whileUnlocked(this.options.vault, routeStepRunner(step, {
          env,
          wethOf: () => weth,
          now: () => this.options.clock.now(),
          transportFor: (chainId) => {
            const target = this.options.target(chainId);
            if (target.chain.family === 'cosmos') return vaultCosmosCallTransport(this.options.vault, accountId, target);
            return evmCallTransport(target, vaultSigner(this.options.vault, accountId, target.chain));
          },
        }));
      },
    };
  }

  /**
   * The route's input must be in the account, and for native input also the native fees the route names on that
   * chain (gas at its upper estimate, messaging). @throws INSUFFICIENT_FUNDS
   */
  private async assertFunds(route: Route, accountId: string): Promise<void> {
    const first = route.steps[0];
    if (!first) throw new StrataError('INVALID_INPUT', 'This route has no step');
    const target = this.options.target(first.fromChain);
    if (target.chain.family === 'cosmos') return this.assertCosmosFunds(route, accountId, target);
    const owner = vaultSigner(this.options.vault, accountId, target.chain).address;
    const env = await this.environment();
    const rpc = env.rpc(first.fromChain);
    const asset = first.assetIn;
    let needed = BigInt(route.amountIn);
    let balance: bigint;
    if (asset.ref === 'native') {
      needed += route.fees.filter((f) => f.chain === first.fromChain && f.asset.ref === 'native' && (f.kind === 'gas' || f.kind === 'messaging')).reduce((sum, f) => sum + BigInt(f.amount), 0n);
      balance = quantity(await rpc('eth_getBalance', [owner, 'latest']), 'balance');
    } else {
      const data = encodeFunctionData({ abi: erc20Abi, functionName: 'balanceOf', args: [owner as `0x${string}`] });
      const raw = await rpc<`0x${string}`>('eth_call', [{ to: asset.ref, data }, 'latest']);
      balance = decodeFunctionResult({ abi: erc20Abi, functionName: 'balanceOf', data: raw });
    }
    if (balance < needed) {
      throw new StrataError('INSUFFICIENT_FUNDS', `This route needs ${formatAmount(needed, asset.decimals)} ${asset.symbol} (fees included) and the account has ${formatAmount(balance, asset.decimals)}`);
    }
  }

  /**
   * On a Cosmos chain: the bank balance of the input denom covers the amount, and that of the chain's fee token the
   * gas the route names there (both added up when they are one denom). @throws INSUFFICIENT_FUNDS, RPC_UNAVAILABLE
   */
  private async assertCosmosFunds(route: Route, accountId: string, target: ChainEndpoint): Promise<void> {
    const { chain } = target;
    const first = route.steps[0] as Route['steps'][number];
    const owner = addressFromPublicKey(vaultCosmosSigner(this.options.vault, accountId, chain).pubkey, chain);
    const feeDenom = gasPricesFor(chain).denom;
    const gas = route.fees.filter((f) => f.chain === chain.id && f.kind === 'gas').reduce((sum, f) => sum + BigInt(f.amount), 0n);
    const needs = new Map<string, { amount: bigint; asset: Pick<AssetInfo, 'symbol' | 'decimals'> }>();
    const add = (denom: string, amount: bigint, asset: Pick<AssetInfo, 'symbol' | 'decimals'>) => needs.set(denom, { amount: (needs.get(denom)?.amount ?? 0n) + amount, asset });
    add(cosmosDenomOf(chain, first.assetIn), BigInt(route.amountIn), first.assetIn);
    if (gas > 0n) add(feeDenom, gas, feeDenom === chain.nativeAsset.denom ? chain.nativeAsset : { symbol: feeDenom, decimals: 0 });
    const rpc = createCosmosRpc(target.endpoints, chain);
    for (const [denom, need] of needs) {
      const balance = await cosmosBankBalance(rpc, owner, denom);
      if (balance < need.amount) {
        throw new StrataError('INSUFFICIENT_FUNDS', `This route needs ${formatAmount(need.amount, need.asset.decimals)} ${need.asset.symbol} on ${chain.name} (fees included) and the account has ${formatAmount(balance, need.asset.decimals)}`);
      }
    }
  }

  private prune(): void {
    const now = this.options.clock.now();
    for (const [id, kept] of this.found) if (kept.expiresAt <= now) this.found.delete(id);
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

/** The bank denom of a Cosmos asset (`native` is the chain's own coin). */
function cosmosDenomOf(chain: ChainInfo, asset: Pick<AssetInfo, 'ref'>): string {
  return asset.ref === 'native' ? chain.nativeAsset.denom : asset.ref;
}

/** One denom's bank balance (`/cosmos.bank.v1beta1.Query/Balance`): 0 for an account the chain has never seen. @throws RPC_UNAVAILABLE */
async function cosmosBankBalance(rpc: CosmosRpc, address: string, denom: string): Promise<bigint> {
  return rpc.withNode(async (node) => {
    try {
      const bytes = await abciQuery(node, '/cosmos.bank.v1beta1.Query/Balance', QueryBalanceRequest.encode({ address, denom }).finish());
      const amount = QueryBalanceResponse.decode(bytes).balance?.amount ?? '0';
      if (!/^[0-9]{1,78}$/.test(amount)) throw new StrataError('RPC_UNAVAILABLE', 'The node returned a malformed balance');
      return BigInt(amount);
    } catch (error) {
      if (error instanceof CosmosQueryError) throw new StrataError('RPC_UNAVAILABLE', `${node.label} could not answer the balance query`, { details: error.message });
      throw error;
    }
  });
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
function withAxelarCosmos(env: RoutingEnvironment, chains: ChainDirectory, apis: { fees: AxelarFeeSource; status: AxelarTransferStatusSource }): RoutingEnvironment {
  const known = chains.list();
  const added = MAINNET_AXELAR_EVM_CHAINS.flatMap((axelar) => {
    const chain = known.find((c) => c.id === axelar.chain);
    return chain === undefined || env.chains.some((c) => c.id === chain.id) ? [] : [{ chain, assets: [nativeAssetOf(chain), evmUsdcAsset(axelar)] }];
  });
  const rpcs = new Map<string, ReturnType<typeof createEvmRpc>>();
  const rpcOf = (chain: ChainInfo) => {
    let rpc = rpcs.get(chain.id);
    if (rpc === undefined) {
      rpc = createEvmRpc({ chain, endpoints: chains.endpoints(chain.id) });
      rpcs.set(chain.id, rpc);
    }
    return rpc;
  };
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
