import { StrataError } from '../../../../shared/errors';
import type { DeployContext, DeployStep } from './deployStep';

export interface StepTiming {
  name: string;
  ms: number;
}

/**
 * Runs the steps in order on one chain. A failing step stops the run; its error keeps the code and names the step.
 * Returns each step's duration.
 */
export async function runDeploySteps(ctx: DeployContext, steps: readonly DeployStep[]): Promise<StepTiming[]> {
  const names = new Set<string>();
  const timings: StepTiming[] = [];
  for (const step of steps) {
    if (names.has(step.name)) throw new StrataError('INTERNAL', `Two deploy steps are named ${step.name}`);
    names.add(step.name);
    const started = performance.now();
    try {
      await step.run(ctx);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const code = error instanceof StrataError ? error.code : 'INTERNAL';
      throw new StrataError(code, `Devnet step "${step.name}" failed on ${ctx.chain.alias}: ${message}`, { cause: error });
    }
    timings.push({ name: step.name, ms: performance.now() - started });
  }
  return timings;
}
