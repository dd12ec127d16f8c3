import type { StrategyError } from '../../../../shared/strategy/computeStrategy';

/** The optimizer's error in words, by code; the optimizer's own message follows as the detail. */
export function strategyErrorText(error: StrategyError): string {
  switch (error.code) {
    case 'PRICES_INVALID':
      return `The price file cannot be used: ${error.message}`;
    case 'OPTIMIZER_INFEASIBLE':
      return `No portfolio meets these constraints together: ${error.message}. Loosen the weight bounds or the stablecoin share.`;
    case 'TARGET_OUT_OF_RANGE':
      return `The target is out of reach under these constraints: ${error.message}`;
    case 'INVALID_INPUT':
      return `These settings do not work together: ${error.message}`;
    default:
      return `The optimizer failed: ${error.message}`;
  }
}
