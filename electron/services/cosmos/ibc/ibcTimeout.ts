import { StrataError } from '../../../../shared/errors';

/** An IBC timeout: a height on the receiving chain (revision number + height) and a time in unix nanoseconds. */
export interface IbcTimeout {
  revisionNumber: bigint;
  revisionHeight: bigint;
  timestampNs: bigint;
}

/** Default: 1000 blocks of the receiving chain (about 1.5 h at 5-6 s blocks) and 10 minutes of wall time. */
export const DEFAULT_TIMEOUT_BLOCKS = 1000n;
export const DEFAULT_TIMEOUT_SECONDS = 600;

/**
 * The revision number of a chain id, as ibc-go's ParseChainID reads it: the number after the last `-` when the id is
 * `{name}-{number}` (`cosmoshub-4` -> 4, `osmosis-1` -> 1), else 0 (`celestia`, `evmos_9001-2` -> 2).
 */
export function revisionNumberOf(chainId: string): bigint {
  const match = /^.*[^\n-]-([1-9][0-9]*|0)$/.exec(chainId);
  return match ? BigInt(match[1] as string) : 0n;
}

/**
 * The timeout of a packet sent now: height = the receiving chain's latest height + `blocks` in its revision, time =
 * now + `seconds`, in nanoseconds (whichever comes first ends the packet).
 * @throws StrataError INVALID_INPUT for a negative height or a non-positive window
 */
export function ibcTimeout(destChainId: string, latestHeight: bigint, nowMs: number, options: { blocks?: bigint; seconds?: number } = {}): IbcTimeout {
  const blocks = options.blocks ?? DEFAULT_TIMEOUT_BLOCKS;
  const seconds = options.seconds ?? DEFAULT_TIMEOUT_SECONDS;
  if (latestHeight < 0n || blocks <= 0n || !(seconds > 0) || !Number.isInteger(nowMs)) throw new StrataError('INVALID_INPUT', 'Invalid IBC timeout window');
  return {
    revisionNumber: revisionNumberOf(destChainId),
    revisionHeight: latestHeight + blocks,
    timestampNs: (BigInt(nowMs) + BigInt(Math.round(seconds * 1000))) * 1_000_000n,
  };
}
