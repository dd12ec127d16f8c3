import { StrataError, type ErrorCode } from '../../../shared/errors';

/**
 * The endpoint could not be used: unreachable, timed out, an HTTP error status, or a body that is not JSON-RPC.
 * The failover moves on to the next endpoint on this error, and only on this one. The message names the host only.
 * Its code is RPC_UNAVAILABLE, so one that escapes a caller still reaches the user with a code.
 */
export class RpcTransportError extends StrataError {
  constructor(
    readonly endpoint: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super('RPC_UNAVAILABLE', `${endpoint}: ${reason}`, options);
    this.name = 'RpcTransportError';
  }
}

/**
 * The endpoint serves another chain than the one it was configured for (its chain id was checked). The failover
 * never uses it again.
 */
export class EndpointMismatchError extends StrataError {
  constructor(message: string) {
    super('CHAIN_ID_MISMATCH', message);
    this.name = 'EndpointMismatchError';
  }
}

/**
 * The node answered with a JSON-RPC error object (a revert, "nonce too low", an unknown method, CometBFT's "tx not
 * found"): the endpoint works, so this is never a reason to fail over. It is a StrataError so that an unmapped one
 * still reaches the user with a code; callers that know the method (sending, estimating) map it to a more precise code.
 */
export class RpcResponseError extends StrataError {
  /** `rpcData` as printable text (CometBFT puts its explanation there), at most 1,000 characters */
  readonly dataText: string;

  constructor(
    readonly method: string,
    readonly rpcCode: number,
    /** the node's message, printable ASCII, at most 300 characters */
    readonly rpcMessage: string,
    readonly rpcData: unknown,
  ) {
    super(rpcResponseErrorCode(rpcCode, rpcMessage), `${method}: ${rpcMessage || `JSON-RPC error ${rpcCode}`}`, {
      details: JSON.stringify({ code: rpcCode, message: rpcMessage, data: rpcData }).slice(0, 4000),
    });
    this.name = 'RpcResponseError';
    this.dataText = sanitizeNodeText(typeof rpcData === 'string' ? rpcData : rpcData === null || rpcData === undefined ? '' : JSON.stringify(rpcData), 1000);
  }
}

/** A revert (EIP-1474 code 3, or a message that says so) is TX_FAILED; anything else the node refused is INTERNAL. */
function rpcResponseErrorCode(rpcCode: number, message: string): ErrorCode {
  return rpcCode === 3 || /revert/i.test(message) ? 'TX_FAILED' : 'INTERNAL';
}

/** A string from a remote node made safe to show: printable ASCII only, bounded. */
export function sanitizeNodeText(text: unknown, max = 300): string {
  return typeof text === 'string' ? text.replace(/[^\x20-\x7e]/g, '?').slice(0, max) : '';
}
