import { formatAmount } from '../../../shared/amounts';
import { StrataError } from '../../../shared/errors';
import { TargetWeights, type RebalanceExecution, type RebalancePlan } from '../../../shared/rebalance/rebalanceSchemas';
import { Vault } from '../../services/vault/vault';
import { integerOption, parseOptions, passwordFromEnv, requireString } from '../args';
import { openCliRebalancer } from '../cliWallet';
import type { CliIo, CommandResult } from '../io';

export const REBALANCE_USAGE = `  rebalance --dir <path> --plan | --execute [--plan-id <id>] --yes [--target <key=weight,...> [--save-target]]
            [--slippage <percent>] [--timeout-s N]
                                           the trades back to the saved target allocation (routes, fees, total
                                           cost, skipped trades); --execute runs them one after the other`;

/**
 * `strata rebalance --dir <vault> --plan --json` prints a plan against the saved target (`{"plan": ...}`);
 * `--execute --yes` makes one and runs it (or runs the kept plan `--plan-id`, which must be the newest and less than
 * 10 minutes old unless it has started; again on the same plan starts nothing twice, even next to the app), waits until it ends or the timeout and prints `{"planId", "status", "trades": [{index, transferId,
 * status, ...}]}`. `--target ethereum=0.5,usd-coin=0.5` plans against other weights (`--save-target` saves them).
 * Prices come from CoinGecko or STRATA_PRICE_API_URL; the vault password from STRATA_PASSWORD.
 * @throws NO_TARGET without a saved or given target, PLAN_EXPIRED, TX_FAILED when a trade fails (or the code of why it
 * could not start), and the router's errors
 */
export async function rebalanceCommand(argv: string[], io: CliIo): Promise<CommandResult> {
  const opts = parseOptions(argv, {
    dir: { type: 'string' },
    plan: { type: 'boolean' },
    execute: { type: 'boolean' },
    'plan-id': { type: 'string' },
    yes: { type: 'boolean' },
    target: { type: 'string' },
    'save-target': { type: 'boolean' },
    slippage: { type: 'string' },
    'timeout-s': { type: 'string' },
  });
  const dir = requireString(opts.dir, 'dir');
  if (opts.plan === opts.execute) throw new StrataError('INVALID_INPUT', 'Say --plan or --execute');
  const weights = opts.target === undefined ? undefined : parseTarget(opts.target);
  const slippagePercent = opts.slippage === undefined ? undefined : Number(opts.slippage);
  if (slippagePercent !== undefined && !(slippagePercent >= 0.01 && slippagePercent <= 50)) throw new StrataError('INVALID_INPUT', '--slippage must be a percent from 0.01 to 50');
  const timeoutMs = integerOption(opts['timeout-s'], 'timeout-s', 600) * 1000;
  if (opts.execute && !opts.yes) throw new StrataError('INVALID_INPUT', 'Nothing was sent: add --yes to run the plan (see it first with --plan)');
  const vault = new Vault({ dir });
  await vault.unlock(passwordFromEnv(io.env));
  try {
    const rebalancer = await openCliRebalancer(dir, vault, io.env);
    if (weights && opts['save-target']) await rebalancer.targets.save(weights, {}, Date.now());
    const override = { ...(weights ? { weights } : {}), ...(slippagePercent === undefined ? {} : { slippagePercent }) };
    if (opts.plan) {
      const plan = await rebalancer.plan(override);
      return { json: { plan }, text: planText(plan) };
    }
    const plan = typeof opts['plan-id'] === 'string' ? null : await rebalancer.plan(override);
    if (plan) io.stderr(planText(plan) + '\n');
    const planId = plan?.id ?? (opts['plan-id'] as string);
    await rebalancer.execute(planId);
    const ended = await Promise.race([rebalancer.settled(planId), new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs).unref())]);
    const execution = ended ?? (await rebalancer.status(planId));
    // A trade that could not start says why (QUOTE_CHANGED, INSUFFICIENT_FUNDS...); one that failed on chain is TX_FAILED.
    if (execution.status === 'failed') throw new StrataError(execution.code ?? 'TX_FAILED', execution.message ?? 'A trade failed', { details: planId });
    return { json: execution, text: executionText(execution) };
  } finally {
    vault.lock();
  }
}

/** `ethereum=0.5,usd-coin=0.5` -> weights. @throws INVALID_INPUT */
function parseTarget(text: string): TargetWeights {
  const entries = text.split(',').map((part) => {
    const match = /^\s*([^=\s]{1,64})\s*=\s*([0-9]*\.?[0-9]+)\s*$/.exec(part);
    if (!match) throw new StrataError('INVALID_INPUT', '--target must look like ethereum=0.5,usd-coin=0.5');
    return [match[1] as string, Number(match[2])] as const;
  });
  const parsed = TargetWeights.safeParse(Object.fromEntries(entries));
  if (!parsed.success) throw new StrataError('INVALID_INPUT', '--target weights must be between 0 and 1, at least one positive');
  return parsed.data;
}

function planText(plan: RebalancePlan): string {
  const lines = [`Plan ${plan.id}: $${plan.drift.totalUsd} rebalanced, band ${plan.rules.bandPct} pp`];
  for (const a of plan.drift.assets) lines.push(`  ${a.symbol.padEnd(8)} ${a.currentPct.toFixed(2).padStart(7)}% now, ${a.targetPct.toFixed(2).padStart(7)}% target${a.outOfBand ? '  OUT OF BAND' : ''}`);
  for (const t of plan.trades) {
    lines.push(`  trade ${t.index + 1}: sell ${formatAmount(BigInt(t.amountIn), t.sell.decimals)} ${t.sell.symbol} ($${t.usd}) for ${t.buy.symbol}: ${t.route.steps.map((s) => s.provider).join(' → ')}, fees $${t.feesUsd ?? '?'}, value lost up to $${t.valueLostUsd ?? '?'}`);
  }
  for (const s of plan.skipped) lines.push(`  skipped: ${s.message}`);
  lines.push(plan.trades.length === 0 ? '  Nothing to trade.' : `  Total cost (value lost: fees, price impact and slippage): $${plan.totalCostUsd ?? '?'}`);
  return lines.join('\n');
}

function executionText(execution: RebalanceExecution): string {
  return [`${execution.status}: plan ${execution.planId}`, ...execution.trades.map((t) => `  trade ${t.index + 1}: ${t.status}${t.transferId ? ` (transfer ${t.transferId})` : ''}`)].join('\n');
}
