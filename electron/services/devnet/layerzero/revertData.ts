import type { StrataError } from '../../../../shared/errors';
import type { Hex } from '../deploy/deployStep';

/**
 * The revert data of a reverted eth_call, from the JSON-RPC error the devnet keeps in `details` (`data` is the hex
 * revert data, as geth and EDR answer: code 3). 0x when the node gave none.
 */
export function revertDataOf(error: StrataError): Hex {
  try {
    const parsed = JSON.parse(error.details ?? '{}') as { data?: unknown };
    const data = typeof parsed.data === 'object' && parsed.data !== null ? (parsed.data as { data?: unknown }).data : parsed.data;
    if (typeof data === 'string' && /^0x([0-9a-fA-F]{2})*$/.test(data)) return data as Hex;
  } catch {
    // details cut short or not JSON: no revert data
  }
  return '0x';
}
