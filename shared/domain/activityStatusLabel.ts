import type { ActivityEntry } from './send';

/**
 * Whether a journaled transaction failed in a block and so cost its fee (out of gas, a revert): included, with a
 * non-zero fee. One refused before any block (no block number) cost nothing.
 */
export function failedWithFeeCharged(entry: Pick<ActivityEntry, 'status' | 'fee' | 'blockNumber'>): boolean {
  return entry.status === 'failed' && entry.blockNumber !== null && entry.fee !== '0';
}

/** The status in a few words, the same in the app and the CLI: "failed, fee charged" for a failure that cost its fee. */
export function activityStatusLabel(entry: Pick<ActivityEntry, 'status' | 'fee' | 'blockNumber'>): string {
  return failedWithFeeCharged(entry) ? 'failed, fee charged' : entry.status;
}
