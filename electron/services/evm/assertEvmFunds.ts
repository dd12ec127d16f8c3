import { formatAmount } from '../../../shared/amounts';
import type { AssetInfo } from '../../../shared/domain/asset';
import { StrataError } from '../../../shared/errors';

export interface FundsCheck {
  asset: Pick<AssetInfo, 'symbol' | 'decimals'>;
  feeAsset: Pick<AssetInfo, 'symbol' | 'decimals'>;
  native: boolean;
  amount: bigint;
  /** the most the fee can be, in the native coin */
  fee: bigint;
  /** balance of the asset sent */
  balance: bigint;
  /** balance of the native coin (the same as `balance` when the asset is native) */
  nativeBalance: bigint;
}

/**
 * Checks that the account can pay for the transfer INCLUDING the fee: native -> amount + max fee ≤ balance; token ->
 * amount ≤ token balance and max fee ≤ native balance.
 * @throws INSUFFICIENT_FUNDS with amounts in whole units
 */
export function assertEvmFunds(check: FundsCheck): void {
  const show = (units: bigint, unit: Pick<AssetInfo, 'symbol' | 'decimals'>): string => `${formatAmount(units, unit.decimals)} ${unit.symbol}`;
  if (check.native) {
    const total = check.amount + check.fee;
    if (total > check.balance) {
      throw new StrataError(
        'INSUFFICIENT_FUNDS',
        `Sending ${show(check.amount, check.asset)} with a network fee of up to ${show(check.fee, check.feeAsset)} needs ${show(total, check.asset)}; this account has ${show(check.balance, check.asset)}`,
      );
    }
    return;
  }
  if (check.amount > check.balance) {
    throw new StrataError('INSUFFICIENT_FUNDS', `Sending ${show(check.amount, check.asset)} needs more than this account has (${show(check.balance, check.asset)})`);
  }
  if (check.fee > check.nativeBalance) {
    throw new StrataError(
      'INSUFFICIENT_FUNDS',
      `The network fee of up to ${show(check.fee, check.feeAsset)} is more than this account's ${show(check.nativeBalance, check.feeAsset)}`,
    );
  }
}
