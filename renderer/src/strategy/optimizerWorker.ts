import type { WorkerRequest } from './workerMessages';

let worker: Worker | null = null;

/** The one optimizer worker of this window, started on first use and kept (the Strategy page reattaches to it). */
export function optimizerWorker(): Worker {
  // Vite bundles this as a same-origin module file: allowed by script-src 'self' (a blob: worker would not be).
  worker ??= new Worker(new URL('./optimizer.worker.ts', import.meta.url), { type: 'module' });
  return worker;
}

/**
 * Starts the worker and has it run the optimizer once over the demo data (no answer comes back), so the Strategy
 * page's first result comes from compiled code instead of a cold engine. Called once the app has painted.
 */
export function warmOptimizerWorker(): void {
  const request: WorkerRequest = { warmUp: true };
  optimizerWorker().postMessage(request);
}
