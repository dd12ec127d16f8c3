import { StrataError } from '../../../shared/errors';

/** The Ledger app a call needs open on the device: named in LEDGER_APP_NOT_OPEN so the user knows which one. */
export type LedgerAppName = 'Ethereum' | 'Cosmos';

/**
 * Status words from Ledger's own sources (@ledgerhq/errors `StatusCodes`, hw-app-eth's remapping of 0x6a80):
 * 0x6985 CONDITIONS_OF_USE_NOT_SATISFIED is the answer to "Reject" on the device; 0x5515 LOCKED_DEVICE;
 * 0x6e00 CLA_NOT_SUPPORTED, 0x6e01 (the dashboard of newer firmware), 0x6d00 INS_NOT_SUPPORTED, 0x6d02 UNKNOWN_APDU and
 * 0x6511 (dashboard: no app open) all mean "this app is not the one running"; 0x6a80 INCORRECT_DATA on a signing call
 * is the Ethereum app refusing contract data while blind signing is off.
 */
// 0x6986 is the Cosmos app's "cancelled by the user".
const REJECTED = new Set([0x6985, 0x6986]);
const LOCKED = new Set([0x5515]);
const APP_NOT_OPEN = new Set([0x6e00, 0x6e01, 0x6d00, 0x6d02, 0x6511]);
const BLIND_SIGNING = new Set([0x6a80]);

interface LedgerLikeError {
  name?: unknown;
  message?: unknown;
  statusCode?: unknown;
  id?: unknown;
}

/**
 * Maps anything a Ledger transport or app throws to a StrataError with a stable code and what to do. A StrataError
 * passes through unchanged. `signing` says whether the call was a signature (0x6a80 then means blind signing).
 */
export function ledgerErrorFrom(error: unknown, app: LedgerAppName, options: { signing?: boolean } = {}): StrataError {
  if (error instanceof StrataError) return error;
  const e = (typeof error === 'object' && error !== null ? error : {}) as LedgerLikeError;
  const name = typeof e.name === 'string' ? e.name : '';
  const status = typeof e.statusCode === 'number' ? e.statusCode : null;
  const hex = status === null ? undefined : `0x${status.toString(16)}`;
  if ((status !== null && REJECTED.has(status)) || name === 'UserRefusedOnDevice') {
    return new StrataError('LEDGER_REJECTED', 'The request was rejected on the Ledger: nothing was signed or sent', { details: hex });
  }
  if ((status !== null && LOCKED.has(status)) || name === 'LockedDeviceError') {
    return new StrataError('LEDGER_LOCKED', 'The Ledger is locked: unlock it with your PIN and try again', { details: hex });
  }
  if (status !== null && APP_NOT_OPEN.has(status)) {
    return new StrataError('LEDGER_APP_NOT_OPEN', `Open the ${app} app on the Ledger and try again`, { details: hex });
  }
  // hw-app-eth turns 0x6a80 on a signature into EthAppPleaseEnableContractData before we see it.
  if ((status !== null && BLIND_SIGNING.has(status) && options.signing === true) || name === 'EthAppPleaseEnableContractData') {
    return new StrataError(
      'LEDGER_BLIND_SIGNING_REQUIRED',
      `This transaction calls a contract the ${app} app cannot display: enable "Blind signing" in the app's settings on the Ledger, then try again`,
      { details: hex },
    );
  }
  if (name === 'DisconnectedDevice' || name === 'DisconnectedDeviceDuringOperation' || name === 'TransportRaceCondition') {
    return new StrataError('LEDGER_DISCONNECTED', 'The Ledger was disconnected: plug it in, unlock it and try again', { details: name });
  }
  if (name === 'TransportError' && e.id === 'NoDevice') {
    return new StrataError('LEDGER_NOT_FOUND', 'No Ledger found: plug it in and unlock it', { details: name });
  }
  return new StrataError('INTERNAL', 'The Ledger returned an unexpected answer', { cause: error, details: hex ?? name });
}
