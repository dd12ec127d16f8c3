import type { BalanceRead } from './balanceRead';
import { decodeBalanceOf } from './erc20Abi';

/** One sub-call's result as a balance: a uint256, or an error for a revert or an empty answer (no contract there). */
export function decodeBalance(success: boolean, returnData: string): BalanceRead {
  if (!success) return { ok: false, error: 'balanceOf reverted: not an ERC-20 contract, or a contract that refuses this read' };
  if (returnData === '0x') return { ok: false, error: 'No contract answered: there is no ERC-20 at this address on this chain' };
  try {
    return { ok: true, amount: decodeBalanceOf(returnData) };
  } catch {
    return { ok: false, error: 'The contract gave an answer that is not a balance' };
  }
}
