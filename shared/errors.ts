/**
 * The one error family of Strata. Every failure that reaches a user, the CLI or the IPC edge is a StrataError
 * with a stable `code`; the message is short and safe to show, `details` may carry more for logs (never secrets).
 */
export const ERROR_CODES = [
  // input and contract
  'INVALID_INPUT',
  'UNKNOWN_METHOD',
  'FORBIDDEN_SENDER',
  // vault
  'VAULT_NOT_FOUND',
  'VAULT_EXISTS',
  'VAULT_LOCKED',
  'VAULT_CORRUPT',
  'VAULT_NEWER_FORMAT',
  'WRONG_PASSWORD',
  'WEAK_PASSWORD',
  'VAULT_BUSY',
  // a symlink (or other non-file) where vault.json or vault.json.bak should be: never followed
  'VAULT_UNSAFE_PATH',
  // too many wrong passwords in a row: the message says how long to wait
  'UNLOCK_THROTTLED',
  // unlock asked of an unlocked vault (refused: it would answer "is this the password?" without a throttle)
  'VAULT_ALREADY_UNLOCKED',
  // keys
  'INVALID_MNEMONIC',
  'INVALID_PRIVATE_KEY',
  'INVALID_ADDRESS',
  // a well-formed address that must never receive a send: zero address, a token's own contract, a burn address
  'INVALID_RECIPIENT',
  'INVALID_PATH',
  'DUPLICATE_ACCOUNT',
  'ACCOUNT_NOT_FOUND',
  'NO_MNEMONIC',
  // chains, assets, amounts, transactions
  'UNKNOWN_CHAIN',
  'UNKNOWN_ASSET',
  'NO_ROUTE',
  'INVALID_AMOUNT',
  'INSUFFICIENT_FUNDS',
  'RPC_UNAVAILABLE',
  'CHAIN_ID_MISMATCH',
  'TX_REJECTED',
  'TX_FAILED',
  // a Cosmos fee below the chain's current minimum gas price (fee market): refused before signing
  'FEE_TOO_LOW',
  'DEVNET_NOT_RUNNING',
  'PRICE_UNAVAILABLE',
  // portfolio optimizer
  'PRICES_INVALID',
  'OPTIMIZER_INFEASIBLE',
  'TARGET_OUT_OF_RANGE',
  // rebalancing: no target allocation saved yet; a plan too old (or replaced) to run; a trade whose fresh quote is
  // worse than the plan the user reviewed
  'NO_TARGET',
  'PLAN_EXPIRED',
  'QUOTE_CHANGED',
  // a route losing more than 15% of its value (price impact, fees, slippage) without the user's acceptance of that
  // exact loss; a rebalancing trade whose value lost exceeds the plan's cost limit
  'PRICE_IMPACT_TOO_HIGH',
  'VALUE_LOST_TOO_HIGH',
  // a quote id (a found route) that is unknown, expired, or already started
  'QUOTE_EXPIRED',
  // a rebalancing plan id that no plan has
  'PLAN_NOT_FOUND',
  // a send review that is unknown, expired or already sent
  'REVIEW_EXPIRED',
  // secure sessions (mnemonic shown or typed outside the app renderer)
  'SESSION_NOT_FOUND',
  'SESSION_NOT_READY',
  'CONFIRMATION_MISMATCH',
  // Ledger hardware wallet: no device, device locked, the wrong (or no) app open, the user said no on the device,
  // contract data needs blind signing enabled in the app, the device went away during an exchange
  'LEDGER_NOT_FOUND',
  'LEDGER_LOCKED',
  'LEDGER_APP_NOT_OPEN',
  'LEDGER_REJECTED',
  'LEDGER_BLIND_SIGNING_REQUIRED',
  'LEDGER_DISCONNECTED',
  // anything else
  'IO_ERROR',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorPayload {
  code: ErrorCode;
  message: string;
}

export class StrataError extends Error {
  readonly code: ErrorCode;
  readonly details?: string;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown; details?: string }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'StrataError';
    this.code = code;
    this.details = options?.details;
  }

  toPayload(): ErrorPayload {
    return { code: this.code, message: this.message };
  }
}

export function isStrataError(value: unknown): value is StrataError {
  return value instanceof StrataError;
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/**
 * Maps anything thrown to the payload that crosses IPC or the CLI. Unknown errors become INTERNAL with a generic
 * message: their text may carry data we do not control (paths, secrets from a library's message).
 */
export function toErrorPayload(error: unknown): ErrorPayload {
  if (isStrataError(error)) return error.toPayload();
  return { code: 'INTERNAL', message: 'Unexpected internal error' };
}
