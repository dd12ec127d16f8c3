import { toErrorPayload } from '../../../shared/errors';
import type { CoreContext } from '../app/coreContext';
import type { AppHandlers } from './appHandlers';

type RebalanceMethods = 'rebalance.drift' | 'rebalance.plan' | 'rebalance.execute' | 'rebalance.status' | 'rebalance.getTarget' | 'rebalance.saveTarget';

/** Handlers for drift, rebalancing plans and their execution: thin, over the core's Rebalancer (built in app/core.ts). */
export function createRebalanceHandlers(ctx: CoreContext): Pick<AppHandlers, RebalanceMethods> {
  const rebalancer = () => ctx.rebalancer;
  return {
    'rebalance.drift': ({ target }) => rebalancer().drift(target ? { weights: target } : {}),
    'rebalance.plan': ({ target, rules, slippagePercent }) => rebalancer().plan({ ...(target ? { weights: target } : {}), ...(rules ? { rules } : {}), ...(slippagePercent === undefined ? {} : { slippagePercent }) }),
    // Only asks (when something would be signed): main checks the plan now (PLAN_NOT_FOUND, PLAN_EXPIRED answer here),
    // the secure window shows main's kept plan and gives the confirmation, then main runs it (checked again) and tells
    // it as confirmation.outcome. The CLI calls the Rebalancer directly (`--yes`).
    'rebalance.execute': async ({ planId }) => {
      const { plan, now } = await rebalancer().checkExecute(planId);
      if (now.status !== 'ready' && now.status !== 'paused') return now;
      if (plan.trades.length === 0) return rebalancer().execute(planId); // nothing to sign
      const labels = new Map(ctx.vault.accounts().map((a) => [a.id, a.label]));
      let sessionId = '';
      const view = ctx.sessions.beginConfirmation({
        purpose: 'confirm-rebalance',
        rebalance: {
          planId,
          trades: plan.trades.map((t) => ({
            accountLabel: labels.get(t.accountId) ?? t.accountId,
            steps: t.route.steps,
            amountIn: t.amountIn,
            minAmountOut: t.route.minAmountOut,
            priceImpactBps: t.route.priceImpactBps,
            usd: t.usd,
            feesUsd: t.feesUsd,
          })),
          alreadyStarted: now.trades.filter((t) => t.transferId !== null).length,
          totalCostUsd: plan.totalCostUsd,
          passwordRequired: false,
        },
        run: async () => {
          try {
            const execution = await rebalancer().execute(planId);
            ctx.emit('confirmation.outcome', { sessionId, ok: true, execution });
          } catch (error) {
            ctx.emit('confirmation.outcome', { sessionId, ok: false, error: toErrorPayload(error) });
            throw error;
          }
        },
      });
      sessionId = view.sessionId;
      ctx.secureWindow.open(view.sessionId);
      return view;
    },
    'rebalance.status': ({ planId }) => rebalancer().status(planId),
    'rebalance.getTarget': () => rebalancer().targets.get(),
    'rebalance.saveTarget': ({ weights, rules }) => rebalancer().targets.save(weights, rules ?? {}, ctx.clock.now()),
  };
}
