import { StrataError } from '../../../../shared/errors';
import { formatDecimal, mulCeil } from './decimal';
import type { ChainGasPrice } from './queryChainGasPrice';

/**
 * Refuses, before anything is signed, a fee the chain would not accept: below ceil(gas * the chain's current
 * minimum gas price) in that denom (what x/feemarket's and Osmosis' CheckTx demand). A chain without a fee market
 * (`minimum` null) has no minimum to check here.
 * @throws StrataError FEE_TOO_LOW
 */
export function assertFeeCoversMinimum(fee: { denom: string; amount: bigint }, gas: bigint, minimum: ChainGasPrice | null): void {
  if (minimum === null || minimum.denom !== fee.denom) return;
  const required = mulCeil(gas, minimum.price);
  if (fee.amount >= required) return;
  throw new StrataError('FEE_TOO_LOW', `The fee is below what the chain accepts now (${required}${fee.denom} for ${gas} gas); nothing was signed`, {
    details: `fee=${fee.amount}${fee.denom} gas=${gas} minGasPrice=${formatDecimal(minimum.price)} source=${minimum.source}`,
  });
}
