import type { CoreContext } from '../app/coreContext';
import type { AppHandlers } from './appHandlers';

type RebalanceMethods = 'rebalance.drift' | 'rebalance.plan' | 'rebalance.execute' | 'rebalance.status' | 'rebalance.getTarget' | 'rebalance.saveTarget';

/** Handlers for drift, rebalancing plans and their execution: thin, over the core's Rebalancer (built in app/core.ts). */
export function createRebalanceHandlers(ctx: CoreContext): Pick<AppHandlers, RebalanceMethods> {
  const rebalancer = () => ctx.rebalancer;
  return {
    'rebalance.drift': ({ target }) => rebalancer().drift(target ? { weights: target } : {}),
    'rebalance.plan': ({ target, rules, slippagePercent }) => rebalancer().plan({ ...(target ? { weights: target } : {}), ...(rules ? { rules } : {}), ...(slippagePercent === undefined ? {} : { slippagePercent }) }),
    'rebalance.execute': ({ planId }) => rebalancer().execute(planId),
    'rebalance.status': ({ planId }) => rebalancer().status(planId),
    'rebalance.getTarget': () => rebalancer().targets.get(),
    'rebalance.saveTarget': ({ weights, rules }) => rebalancer().targets.save(weights, rules ?? {}, ctx.clock.now()),
  };
}
