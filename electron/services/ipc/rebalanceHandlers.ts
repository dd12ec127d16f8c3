import type { CoreContext } from '../app/coreContext';
import { Rebalancer } from '../rebalance/rebalancer';
import type { AppHandlers } from './appHandlers';

type RebalanceMethods = 'rebalance.drift' | 'rebalance.plan' | 'rebalance.execute' | 'rebalance.status' | 'rebalance.getTarget' | 'rebalance.saveTarget';

/** One Rebalancer per core: it keeps the running executions. */
const rebalancers = new WeakMap<CoreContext, Rebalancer>();

/** The core's Rebalancer (made on first use). */
export function rebalancerOf(ctx: CoreContext): Rebalancer {
  let rebalancer = rebalancers.get(ctx);
  if (!rebalancer) {
    rebalancer = new Rebalancer({ dataDir: ctx.dataDir, vault: ctx.vault, clock: ctx.clock, emit: ctx.emit, wallet: ctx.wallet });
    rebalancers.set(ctx, rebalancer);
  }
  return rebalancer;
}

/** Handlers for drift, rebalancing plans and their execution: thin, over the Rebalancer. */
export function createRebalanceHandlers(ctx: CoreContext): Pick<AppHandlers, RebalanceMethods> {
  const rebalancer = () => rebalancerOf(ctx);
  return {
    'rebalance.drift': ({ target }) => rebalancer().drift(target ? { weights: target } : {}),
    'rebalance.plan': ({ target, rules, slippagePercent }) => rebalancer().plan({ ...(target ? { weights: target } : {}), ...(rules ? { rules } : {}), ...(slippagePercent === undefined ? {} : { slippagePercent }) }),
    'rebalance.execute': ({ planId }) => rebalancer().execute(planId),
    'rebalance.status': ({ planId }) => rebalancer().status(planId),
    'rebalance.getTarget': () => rebalancer().targets.get(),
    'rebalance.saveTarget': ({ weights, rules }) => rebalancer().targets.save(weights, rules ?? {}, ctx.clock.now()),
  };
}
