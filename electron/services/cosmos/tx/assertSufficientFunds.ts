import { formatAmount } from '../../../../shared/amounts';
import { StrataError } from '../../../../shared/errors';
import type { CosmosBalance } from '../queries/getCosmosBalances';

export interface CoinAmount {
  denom: string;
  amount: bigint;
}

/**
 * Checks that the balances cover what a transaction spends plus its fee, per denom (the fee counts against the sent
 * denom only when it is paid in that denom).
 * @throws StrataError INSUFFICIENT_FUNDS naming the first short denom, with amounts in its display unit
 */
export function assertSufficientFunds(
  balances: ReadonlyArray<Pick<CosmosBalance, 'denom' | 'amount'> & Partial<Pick<CosmosBalance, 'symbol' | 'decimals'>>>,
  spends: readonly CoinAmount[],
  fee?: CoinAmount,
): void {
  const needed = new Map<string, { spend: bigint; fee: bigint }>();
  for (const spend of spends) {
    const entry = needed.get(spend.denom) ?? { spend: 0n, fee: 0n };
    entry.spend += spend.amount;
    needed.set(spend.denom, entry);
  }
  if (fee !== undefined && fee.amount > 0n) {
    const entry = needed.get(fee.denom) ?? { spend: 0n, fee: 0n };
    entry.fee += fee.amount;
    needed.set(fee.denom, entry);
  }
  for (const [denom, need] of needed) {
    const balance = balances.find((b) => b.denom === denom);
    const available = balance?.amount ?? 0n;
    const total = need.spend + need.fee;
    if (total <= available) continue;
    const decimals = balance?.decimals ?? 0;
    const unit = balance?.symbol ?? denom;
    const show = (units: bigint) => `${formatAmount(units, decimals)} ${unit}`;
    const parts = need.fee > 0n && need.spend > 0n ? ` (${show(need.spend)} + fee ${show(need.fee)})` : need.fee > 0n ? ' for the fee' : '';
    throw new StrataError('INSUFFICIENT_FUNDS', `Not enough ${unit}: ${show(total)} needed${parts}, ${show(available)} available`);
  }
}
