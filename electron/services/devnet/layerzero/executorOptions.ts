import { concat, numberToHex } from 'viem';
import { StrataError } from '../../../../shared/errors';
import type { Hex } from '../deploy/deployStep';

const MAX_UINT128 = (1n << 128n) - 1n;

/**
 * Type-3 options with one executor lzReceive option (gas only, no native drop):
 * 0x0003 | worker 01 (executor) | size 0011 | option 01 (lzReceive) | gas uint128. The same bytes as
 * `Options.newOptions().addExecutorLzReceiveOption(gas, 0).toHex()` from @layerzerolabs/lz-v2-utilities.
 * @throws StrataError INVALID_INPUT when gas is not a uint128 above zero
 */
export function lzReceiveGasOption(gas: bigint): Hex {
  if (gas <= 0n || gas > MAX_UINT128) throw new StrataError('INVALID_INPUT', 'lzReceive gas must be a uint128 above zero');
  return concat(['0x0003', '0x01', '0x0011', '0x01', numberToHex(gas, { size: 16 })]);
}
