import type { Envelope, EventName } from '../../../shared/ipc/contract';
import type { DriftReport } from '../../../shared/rebalance/rebalanceSchemas';
import { systemClock, type Clock, type EmitEvent } from '../app/ports';
import { driftNotification } from './driftNotification';
import { DriftWatch } from './driftWatch';

/**
 * The drift check as the Electron shell runs it, over the core: scheduled portfolio refreshes, a check after every
 * `portfolio.updated`, and for assets outside their band a `strategy.drift` event and a desktop notification.
 * The shell passes every event it emits to `onEvent`: the schedule runs from `vault.unlocked` to `vault.locked`, and
 * the shell calls `stop` when it quits.
 */
export function startDriftCheck(options: { core: { call(method: string, payload: unknown): Promise<Envelope<unknown>> }; emit: EmitEvent; notify(message: { title: string; body: string }): void; clock?: Clock }) {
  const { core } = options;
  const watch = new DriftWatch({
    clock: options.clock ?? systemClock,
    check: async () => {
      const answer = await core.call('rebalance.drift', {});
      return answer.ok ? (answer.value as DriftReport & { checkEveryHours: number }) : null;
    },
    refresh: () => core.call('portfolio.refresh', {}),
    onDrift: (report) => {
      options.emit('strategy.drift', report);
      options.notify(driftNotification(report));
    },
  });
  return {
    onEvent(name: EventName): void {
      // Only while unlocked: a locked wallet has no balances to refresh, and a scheduled refresh would keep failing.
      if (name === 'vault.unlocked') watch.start();
      if (name === 'vault.locked') watch.stop();
      if (name === 'portfolio.updated') void watch.poke();
    },
    stop: () => watch.stop(),
  };
}
