import { StrataError } from '../../../shared/errors';

/**
 * Readers for values in JSON-RPC results. A node is outside our control: an answer of the wrong shape is reported as
 * an unusable node (RPC_UNAVAILABLE), never as a SyntaxError from BigInt().
 */
export function quantity(value: unknown, what: string): bigint {
  if (typeof value !== 'string' || !/^0x[0-9a-fA-F]{1,64}$/.test(value)) {
    throw new StrataError('RPC_UNAVAILABLE', `The node gave an unusable ${what}`);
  }
  return BigInt(value);
}

/** 0x-prefixed hex data (possibly empty, `0x`). */
export function hexData(value: unknown, what: string): string {
  if (typeof value !== 'string' || !/^0x([0-9a-fA-F]{2})*$/.test(value)) {
    throw new StrataError('RPC_UNAVAILABLE', `The node gave unusable ${what}`);
  }
  return value.toLowerCase();
}

/** A bigint as a JSON-RPC quantity (`0x0`, `0x1a`). */
export function toRpcQuantity(value: bigint): string {
  return `0x${value.toString(16)}`;
}
