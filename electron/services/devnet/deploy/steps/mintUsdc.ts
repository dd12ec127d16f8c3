import { StrataError } from '../../../../../shared/errors';
import type { DeployStep } from '../deployStep';

/** 1,000,000 USDC (6 decimals) for each of the first five user accounts. */
export const USDC_MINT = { accounts: 5, amount: 1_000_000n * 10n ** 6n } as const;

export const mintUsdcStep: DeployStep = {
  name: 'mint-usdc',
  async run(ctx) {
    const usdc = ctx.contracts.usdc;
    if (!usdc) throw new StrataError('INTERNAL', 'mint-usdc runs after the usdc step');
    const { abi } = ctx.artifact('DevnetToken');
    for (const account of ctx.accounts.slice(0, USDC_MINT.accounts)) {
      // Top up to the amount rather than mint it again: re-running the step must not change balances.
      const balance = await ctx.read<bigint>(usdc, abi, 'balanceOf', [account]);
      if (balance < USDC_MINT.amount) await ctx.write(usdc, abi, 'mint', [account, USDC_MINT.amount - balance]);
    }
  },
};
