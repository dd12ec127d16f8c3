import { StrataError, type ErrorCode } from '../errors';

/** The stable codes the optimizer reports (the kind also travels in `details`). */
const OPTIMIZER_CODES = {
  /** The price CSV or a price table is malformed or unusable (too short, constant, non-numeric, non-positive). */
  PRICES_INVALID: 'PRICES_INVALID',
  /** The constraints (bounds, groups, chains, stablecoin share) cannot all hold together. */
  OPTIMIZER_INFEASIBLE: 'OPTIMIZER_INFEASIBLE',
  /** A target return or volatility, or the risk-free rate, lies outside what the constraints allow. */
  TARGET_OUT_OF_RANGE: 'TARGET_OUT_OF_RANGE',
} as const satisfies Record<string, ErrorCode>;

export type OptimizerErrorKind = keyof typeof OPTIMIZER_CODES;

/** The StrataError code that an optimizer error of this kind carries today. */
export function optimizerErrorCode(kind: OptimizerErrorKind): ErrorCode {
  return OPTIMIZER_CODES[kind];
}

/** Makes the StrataError for one optimizer failure; `details` names the kind so logs and tests can tell them apart. */
export function optimizerError(kind: OptimizerErrorKind, message: string): StrataError {
  return new StrataError(OPTIMIZER_CODES[kind], message, { details: kind });
}

/** Bad arguments from a caller (not from the data): always INVALID_INPUT. */
export function invalidInput(message: string): StrataError {
  return new StrataError('INVALID_INPUT', message);
}
