import type { Portfolio } from '../../../shared/domain/portfolio';
import type { Transfer } from '../../../shared/domain/transferRecord';
import { routePath } from '../../../shared/domain/route';
import { formatAmount } from '../../../shared/amounts';
import { StrataError, isStrataError, toErrorPayload } from '../../../shared/errors';
import { parseDecimal } from '../../../shared/portfolio/decimal';
import { judgeTradeLoss } from '../../../shared/rebalance/judgeTradeLoss';
import { measureDrift } from '../../../shared/rebalance/measureDrift';
import {
  DEFAULT_REBALANCE_RULES,
  type DriftReport,
  type RebalanceExecution,
  type RebalancePlan,
  type RebalanceRules,
  type RebalanceTarget,
  type TargetWeights,
} from '../../../shared/rebalance/rebalanceSchemas';
import { usdFromDecimal } from '../../../shared/rebalance/usdUnits';
import type { Clock, EmitEvent } from '../app/ports';
import type { Vault } from '../vault/vault';
import type { Wallet } from '../wallet/wallet';
import { planRebalance, signableHoldings, tradeQuery } from './planRebalance';
import { RebalanceRecords, type PlanRecord } from './rebalanceRecords';
import { RebalanceTargetStore } from './rebalanceTargetStore';

export interface RebalancerOptions {
  dataDir: string;
  vault: Pick<Vault, 'isUnlocked' | 'requireUnlocked' | 'accounts'>;
  clock: Clock;
  emit: EmitEvent;
  wallet(): Promise<Wallet>;
  /** how often a running trade's transfer is looked at, ms (default 500) */
  pollMs?: number;
}

/** What a plan or drift request may override of the saved target. */
export interface TargetOverride {
  weights?: TargetWeights;
  rules?: Partial<RebalanceRules>;
}

/** A plan not started yet runs only this long after it was made (quotes and balances move): 10 minutes. */
export const PLAN_TTL_MS = 10 * 60_000;

const FINAL: ReadonlySet<Transfer['status']> = new Set(['completed', 'failed', 'needs-attention']);

/**
 * Rebalancing: drift against the saved target, plans (trades routed through the cross-chain router) and their
 * execution, one trade after the other, each as one transfer of the cross-chain transfer journal. Executing a plan is
 * idempotent: a trade whose transfer exists is never started again (rebalanceRecords.ts), and a second execute
 * while one runs only reports progress.
 */
export class Rebalancer {
  readonly targets: RebalanceTargetStore;
  private recordsOpening: Promise<RebalanceRecords> | undefined;
  private readonly running = new Map<string, Promise<RebalanceExecution>>();

  constructor(private readonly options: RebalancerOptions) {
    this.targets = new RebalanceTargetStore(options.dataDir);
  }

  private records(): Promise<RebalanceRecords> {
    // A failed open (an unreadable file) is tried again on the next call rather than remembered.
    this.recordsOpening ??= RebalanceRecords.open(this.options.dataDir).catch((error: unknown) => {
      this.recordsOpening = undefined;
      throw error;
    });
    return this.recordsOpening;
  }

  private async target(override: TargetOverride): Promise<RebalanceTarget> {
    if (override.weights) {
      const saved = await this.targets.get();
      return { weights: override.weights, rules: { ...(saved?.rules ?? DEFAULT_REBALANCE_RULES), ...override.rules }, savedAt: saved?.savedAt ?? 0 };
    }
    const saved = await this.targets.require();
    return { ...saved, rules: { ...saved.rules, ...override.rules } };
  }

  private async unlockedWallet(): Promise<Wallet> {
    this.options.vault.requireUnlocked();
    return this.options.wallet();
  }

  private canSign(): (accountId: string) => boolean {
    const signing = new Set(this.options.vault.accounts().filter((a) => a.kind !== 'watch').map((a) => a.id));
    return (id) => signing.has(id);
  }

  /**
   * The portfolio's drift against the target (the saved one unless weights are given), from the last portfolio
   * snapshot. @throws NO_TARGET, VAULT_LOCKED
   */
  async drift(override: TargetOverride = {}): Promise<DriftReport & { checkEveryHours: number }> {
    const target = await this.target(override);
    const wallet = await this.unlockedWallet();
    const portfolio = await snapshot(wallet);
    return { ...measureDrift(signableHoldings(portfolio, this.canSign()), target.weights, target.rules.bandPct), checkEveryHours: target.rules.checkEveryHours };
  }

  /**
   * A plan from the balances and prices of the last portfolio snapshot (the one the user sees; a fresh one when there
   * is none yet): the trades back to the target, each with its best route, fees and the total cost; skipped trades
   * with their reasons. Kept (rebalances.json) for execute.
   * @throws NO_TARGET, VAULT_LOCKED, RPC_UNAVAILABLE, INVALID_INPUT
   */
  async plan(override: TargetOverride & { slippagePercent?: number } = {}): Promise<RebalancePlan> {
    const target = await this.target(override);
    const wallet = await this.unlockedWallet();
    const portfolio = await snapshot(wallet);
    const plan = await planRebalance({
      holdings: signableHoldings(portfolio, this.canSign()),
      weights: target.weights,
      available: wallet.activeChains().flatMap((c) => wallet.assets.list(c)),
      rules: target.rules,
      findRoutes: (query) => wallet.crossChain.findRoutes(query),
      slippagePercent: override.slippagePercent,
      now: this.options.clock.now(),
    });
    await (await this.records()).add(plan);
    return plan;
  }

  /**
   * Runs a plan's trades one after the other in the background (progress: rebalance.changed and transfers.changed)
   * and answers where it stands now. Again on the same plan: reports, continues a paused one, never starts a trade
   * whose transfer exists. A plan not started yet runs only while it is the newest plan and younger than
   * PLAN_TTL_MS; each trade starts only if its fresh quote is as good as the planned one (startTrade).
   * @throws PLAN_NOT_FOUND for an unknown plan, PLAN_EXPIRED (nothing changes), VAULT_LOCKED
   */
  async execute(planId: string): Promise<RebalanceExecution> {
    const { now, wallet } = await this.checkExecute(planId);
    if (now.status === 'completed' || now.status === 'failed' || this.running.has(planId)) return now;
    const run = this.run(planId, wallet).finally(() => this.running.delete(planId));
    this.running.set(planId, run);
    run.catch(() => undefined);
    return { ...now, status: 'running' };
  }

  /**
   * What `execute` would do, without doing it: the plan and where it stands (a completed, failed or running plan has
   * nothing to sign; a ready or paused one would sign its remaining trades). The app asks the secure window between
   * this and `execute`. @throws PLAN_NOT_FOUND, PLAN_EXPIRED, VAULT_LOCKED
   */
  async checkExecute(planId: string): Promise<{ plan: RebalancePlan; now: RebalanceExecution; wallet: Wallet }> {
    const wallet = await this.unlockedWallet();
    const records = await this.records();
    const record = await records.get(planId);
    if (!record) throw new StrataError('PLAN_NOT_FOUND', 'No such rebalancing plan: make a plan first');
    const now = this.execution(record, wallet);
    if (now.status === 'ready') {
      if (this.options.clock.now() - record.plan.createdAt > PLAN_TTL_MS) {
        throw new StrataError('PLAN_EXPIRED', 'This plan is more than 10 minutes old: prices and balances have moved, make a new plan');
      }
      if ((await records.newestPlanId()) !== planId) throw new StrataError('PLAN_EXPIRED', 'A newer plan replaces this one: run the newest plan');
    }
    return { plan: record.plan, now, wallet };
  }

  /** Where a plan's execution stands. @throws PLAN_NOT_FOUND, VAULT_LOCKED */
  async status(planId: string): Promise<RebalanceExecution> {
    const wallet = await this.unlockedWallet();
    const record = await (await this.records()).get(planId);
    if (!record) throw new StrataError('PLAN_NOT_FOUND', 'No such rebalancing plan: make a plan first');
    return this.execution(record, wallet);
  }

  /** Resolves when the plan's background run ends (at once when none runs). */
  async settled(planId: string): Promise<RebalanceExecution> {
    return (await this.running.get(planId)) ?? this.status(planId);
  }

  private execution(record: PlanRecord, wallet: Wallet): RebalanceExecution {
    const trades = record.plan.trades.map((t, i) => {
      const kept = record.trades[i];
      const transfer = kept?.transferId ? wallet.crossChain.journal.get(kept.transferId) : null;
      return { index: t.index, transferId: kept?.transferId ?? null, status: transfer ? transfer.status : kept?.error ? ('failed' as const) : ('pending' as const) };
    });
    const failedAt = trades.findIndex((t) => t.status === 'failed' || t.status === 'needs-attention');
    if (failedAt >= 0) {
      const kept = record.trades[failedAt];
      return { planId: record.plan.id, status: 'failed', trades, message: kept?.error ?? failureText(wallet, trades[failedAt]?.transferId ?? null, failedAt), code: kept?.error ? kept.code : null };
    }
    const done = trades.every((t) => t.status === 'completed');
    const started = record.trades.some((t) => t.startedAt !== null);
    const status = done ? 'completed' : this.running.has(record.plan.id) ? 'running' : started ? 'paused' : 'ready';
    return { planId: record.plan.id, status, trades, message: null, code: null };
  }

  private async emitNow(planId: string, wallet: Wallet): Promise<RebalanceExecution> {
    const record = (await (await this.records()).get(planId)) as PlanRecord;
    const now = this.execution(record, wallet);
    this.options.emit('rebalance.changed', now);
    return now;
  }

  private async run(planId: string, wallet: Wallet): Promise<RebalanceExecution> {
    const records = await this.records();
    const plan = ((await records.get(planId)) as PlanRecord).plan;
    for (const trade of plan.trades) {
      const kept = ((await records.get(planId)) as PlanRecord).trades[trade.index];
      let transferId = kept?.transferId ?? null;
      if (transferId === null && kept?.startedAt != null) {
        // Marked started but no id recorded: a crash between the two writes. The journal knows.
        transferId = wallet.crossChain.list().find((t) => t.route.id === kept.routeId && t.route.amountIn === trade.amountIn && t.createdAt >= (kept.startedAt as number))?.id ?? null;
        if (transferId !== null) await records.updateTrade(planId, trade.index, { transferId });
      }
      if (transferId === null) {
        try {
          transferId = await this.startTrade(plan, trade, wallet, records);
        } catch (error) {
          if (isStrataError(error) && error.code === 'VAULT_LOCKED') return this.emitNow(planId, wallet);
          const payload = toErrorPayload(error);
          await records.updateTrade(planId, trade.index, { error: `Trade ${trade.index + 1} did not start: ${payload.message}`, code: payload.code });
          return this.emitNow(planId, wallet);
        }
        // Claimed by another process (the app and the CLI on one data dir): it runs the trade; this run pauses.
        if (transferId === null) return this.emitNow(planId, wallet);
      }
      await this.emitNow(planId, wallet);
      const transfer = await this.waitForTransfer(wallet, transferId);
      if (transfer === null) return this.emitNow(planId, wallet);
      if (transfer.status !== 'completed') return this.emitNow(planId, wallet);
    }
    return this.emitNow(planId, wallet);
  }

  /**
   * Quotes the trade again (quotes move) and starts it only on what the user reviewed: the same path, at least the
   * planned minimum out (scaled to the amount in), value lost still within the plan's limit. The trade is claimed (marked
   * started) before its transfer exists; null when another process claimed it first.
   * @throws NO_ROUTE (the path is no longer offered), QUOTE_CHANGED, and startTransfer's errors
   */
  private async startTrade(plan: RebalancePlan, trade: RebalancePlan['trades'][number], wallet: Wallet, records: RebalanceRecords): Promise<string | null> {
    const routes = await wallet.crossChain.findRoutes(tradeQuery({ sell: trade.sell, buy: trade.buy, amountIn: BigInt(trade.amountIn) }, plan.slippagePercent));
    const route = routes.find((r) => routePath(r) === routePath(trade.route));
    if (!route) throw new StrataError('NO_ROUTE', 'The planned route is no longer offered: make a new plan');
    const planned = trade.route;
    // fresh.min / fresh.in < planned.min / planned.in, without division.
    if (BigInt(route.minAmountOut) * BigInt(planned.amountIn) < BigInt(planned.minAmountOut) * BigInt(route.amountIn)) {
      const { decimals, symbol } = trade.buy;
      throw new StrataError(
        'QUOTE_CHANGED',
        `The route now guarantees ${formatAmount(BigInt(route.minAmountOut), decimals)} ${symbol}, less than the ${formatAmount(BigInt(planned.minAmountOut), decimals)} ${symbol} planned: make a new plan`,
      );
    }
    const tooDear = judgeTradeLoss(usdFromDecimal(parseDecimal(trade.usd)), route, plan.rules.maxFeePercent);
    if (tooDear) throw new StrataError('QUOTE_CHANGED', `${tooDear} now: make a new plan`);
    if (!(await records.claimTrade(plan.id, trade.index, { routeId: route.id, startedAt: this.options.clock.now() }))) return null;
    // The fresh quote judged above is the one started (its id names it alone; other searches keep their own).
    const transfer = await wallet.crossChain.startTransfer(route.id, trade.accountId);
    await records.updateTrade(plan.id, trade.index, { transferId: transfer.id });
    return transfer.id;
  }

  /** Polls the journal until the transfer ends; null when the vault locks meanwhile (the run pauses). */
  private async waitForTransfer(wallet: Wallet, id: string): Promise<Transfer | null> {
    for (;;) {
      const transfer = wallet.crossChain.journal.get(id);
      if (transfer && FINAL.has(transfer.status)) return transfer;
      if (!this.options.vault.isUnlocked) return null;
      await new Promise<void>((resolve) => this.options.clock.setTimeout(resolve, this.options.pollMs ?? 500));
    }
  }
}

/** The last portfolio snapshot, or a fresh one when there is none yet (a new process, e.g. the CLI). */
function snapshot(wallet: Wallet): Promise<Portfolio> {
  return wallet.lastPortfolio().updatedAt === null ? wallet.refresh() : Promise.resolve(wallet.lastPortfolio());
}

function failureText(wallet: Wallet, transferId: string | null, index: number): string {
  const transfer = transferId ? wallet.crossChain.journal.get(transferId) : null;
  const failure = transfer?.steps.find((s) => s.failure !== null)?.failure;
  return failure ? `Trade ${index + 1} failed: ${failure.message}. ${failure.summary}` : `Trade ${index + 1} needs attention`;
}
