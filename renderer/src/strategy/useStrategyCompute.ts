import { useEffect, useRef, useState } from 'react';
import type { StrategyRequest } from '../../../shared/strategy/computeStrategy';
import { optimizerWorker } from './optimizerWorker';
import type { WorkerAnswer, WorkerRequest } from './workerMessages';

/** Wait this long after the last change before computing: sliders fire on every pixel. */
export const DEBOUNCE_MS = 50;

export interface ComputeState {
  answer: WorkerAnswer | null;
  computing: boolean;
}

/** Computes the strategy in a Web Worker whenever the request changes (debounced); only the latest answer counts. */
export function useStrategyCompute(request: StrategyRequest | null): ComputeState {
  const workerRef = useRef<Worker | null>(null);
  const latest = useRef(0);
  const [state, setState] = useState<ComputeState>({ answer: null, computing: false });

  useEffect(() => {
    // The window's one worker, already warm when the app started it (warmOptimizerWorker); kept when the page goes.
    const worker = optimizerWorker();
    worker.onmessage = (event: MessageEvent<WorkerAnswer>) => {
      if (event.data.id !== latest.current) return;
      setState({ answer: event.data, computing: false });
    };
    workerRef.current = worker;
    return () => {
      worker.onmessage = null;
      workerRef.current = null;
    };
  }, []);

  useEffect(() => {
    if (request === null) return;
    const id = ++latest.current;
    setState((s) => ({ ...s, computing: true }));
    const message: WorkerRequest = { ...request, id };
    const timer = setTimeout(() => workerRef.current?.postMessage(message), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [request]);

  return state;
}
