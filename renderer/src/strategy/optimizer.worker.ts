/// <reference lib="webworker" />
/**
 * Runs the optimizer off the UI thread. One message in (a request with an id), one message out with the same id:
 * the page drops answers whose id is not its latest, so stale results never replace newer ones.
 */
import '../zodConfig';
import { computeStrategy, strategyError } from '../../../shared/strategy/computeStrategy';
import { warmUpStrategy } from '../../../shared/strategy/warmUpStrategy';
import type { WorkerAnswer, WorkerRequest } from './workerMessages';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  if ('warmUp' in event.data) {
    warmUpStrategy();
    return;
  }
  const { id, ...request } = event.data;
  const started = performance.now();
  let answer: WorkerAnswer;
  try {
    answer = { id, ok: true, result: computeStrategy(request), ms: performance.now() - started };
  } catch (error) {
    answer = { id, ok: false, error: strategyError(error), ms: performance.now() - started };
  }
  self.postMessage(answer);
};
