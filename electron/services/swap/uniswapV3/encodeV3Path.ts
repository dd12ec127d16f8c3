import { concatHex, numberToHex, type Hex } from 'viem';
import { StrataError } from '../../../../shared/errors';

/**
 * A Uniswap V3 multi-pool path as the router and quoter take it: token (20 bytes), fee (3 bytes), token, ... for
 * `tokens.length - 1` pools.
 * @throws StrataError INVALID_INPUT when the counts do not fit or a fee is outside uint24
 */
export function encodeV3Path(tokens: readonly `0x${string}`[], fees: readonly number[]): Hex {
  if (tokens.length < 2 || fees.length !== tokens.length - 1) throw new StrataError('INVALID_INPUT', 'A Uniswap V3 path needs n tokens and n - 1 fees');
  const parts: Hex[] = [tokens[0] as Hex];
  fees.forEach((fee, i) => {
    if (!Number.isInteger(fee) || fee < 0 || fee >= 2 ** 24) throw new StrataError('INVALID_INPUT', `Fee ${fee} is not a uint24`);
    parts.push(numberToHex(fee, { size: 3 }), tokens[i + 1] as Hex);
  });
  return concatHex(parts).toLowerCase() as Hex;
}
