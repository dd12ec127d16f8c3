import type { ErrorCode } from '../../../shared/errors';
import { StrataClientError } from './clientError';

/** What a person should read for each error code; the main process's message is only a fallback. */
const TEXT: Partial<Record<ErrorCode, string>> = {
  INVALID_INPUT: 'Some of the information entered is not valid.',
  VAULT_NOT_FOUND: 'No wallet was found on this computer.',
  VAULT_EXISTS: 'A wallet already exists on this computer.',
  VAULT_LOCKED: 'Strata is locked. Unlock it to continue.',
  VAULT_CORRUPT: 'The wallet file is damaged and cannot be opened. Restore it from a backup or from your recovery phrase.',
  VAULT_NEWER_FORMAT: 'This wallet was saved by a newer version of Strata. Update Strata to open it.',
  WRONG_PASSWORD: 'That password is not correct.',
  WEAK_PASSWORD: 'That password is too weak. Use at least 8 characters.',
  VAULT_BUSY: 'Strata is busy with another operation. Try again in a moment.',
  INVALID_MNEMONIC: 'That recovery phrase is not valid.',
  INVALID_PRIVATE_KEY: 'That private key is not valid.',
  INVALID_ADDRESS: 'That address is not valid for the selected network.',
  DUPLICATE_ACCOUNT: 'This account is already in your wallet.',
  ACCOUNT_NOT_FOUND: 'That account no longer exists.',
  NO_MNEMONIC: 'This wallet has no recovery phrase.',
  UNKNOWN_CHAIN: 'That network is not supported.',
  UNKNOWN_ASSET: 'Strata does not know that asset on this network.',
  INVALID_AMOUNT: 'That amount is not valid. Write it as a number, e.g. 1.25.',
  INSUFFICIENT_FUNDS: 'Not enough funds: the amount plus the network fee is more than this account holds.',
  RPC_UNAVAILABLE: 'No RPC endpoint of this network answered. Check your connection or the network’s endpoints in Settings.',
  CHAIN_ID_MISMATCH: 'The RPC endpoint answered for a different network. Check the endpoint in Settings.',
  TX_REJECTED: 'The network refused the transaction. Nothing was sent.',
  TX_FAILED: 'The transaction failed on the network.',
  FEE_TOO_LOW: 'The network’s fee rose since the fee was estimated. Nothing was sent: review the send again.',
  PRICE_UNAVAILABLE: 'Prices could not be loaded right now.',
  DEVNET_NOT_RUNNING: 'The local devnet is not running.',
  NO_ROUTE: 'No route was found between these assets.',
  QUOTE_CHANGED: 'The price changed since you reviewed it. Nothing was sent: review the new quote.',
  PRICE_IMPACT_TOO_HIGH: 'This route loses more than 15% of its value. Nothing was sent unless you accept that exact loss.',
  VALUE_LOST_TOO_HIGH: 'This trade would lose more than the plan’s cost limit. Nothing was sent.',
  QUOTE_EXPIRED: 'This quote has expired or was already used. Nothing was sent: find routes again.',
  PLAN_NOT_FOUND: 'This plan is no longer known. Nothing was sent: make a new plan.',
  REVIEW_EXPIRED: 'This review has expired or was already sent. Nothing was sent: review the transfer again.',
  NO_TARGET: 'No target allocation is saved yet. Pick one on the efficient frontier first.',
  PLAN_EXPIRED: 'This plan is out of date. Nothing was sent: make a new plan.',
  SESSION_NOT_FOUND: 'The secure window was closed or timed out. Please start again.',
  SESSION_NOT_READY: 'The secure window has not finished yet.',
  CONFIRMATION_MISMATCH: 'The words did not match. Check your written copy and try again.',
  IO_ERROR: 'Strata could not read or write its files on this computer.',
  INTERNAL: 'Something went wrong inside Strata. Please try again.',
};

/** Human text for an error caught around a `call(...)`, optionally overridden per code by the caller. */
export function errorText(error: unknown, overrides?: Partial<Record<ErrorCode, string>>): string {
  if (error instanceof StrataClientError) {
    return overrides?.[error.code] ?? TEXT[error.code] ?? error.message;
  }
  return TEXT.INTERNAL ?? 'Something went wrong.';
}

/** The code of a caught error, or null when it is not a StrataClientError. */
export function errorCode(error: unknown): ErrorCode | null {
  return error instanceof StrataClientError ? error.code : null;
}
