import { StrataError } from '../../../../../shared/errors';
import type { DeployStep } from '../deployStep';

/** 100 WETH for account 0. */
export const WETH_WRAP = { account: 0, amount: 100n * 10n ** 18n } as const;

/**
 * The deployer wraps native ETH and transfers the WETH, so the gas is the deployer's: user accounts keep exactly
 * their genesis balance of native ETH.
 */
export const wrapWethStep: DeployStep = {
  name: 'wrap-weth',
  async run(ctx) {
    const weth = ctx.contracts.weth;
    const account = ctx.accounts[WETH_WRAP.account];
    if (!weth || !account) throw new StrataError('INTERNAL', 'wrap-weth runs after the weth step');
    const { abi } = ctx.artifact('WrappedNative');
    const balance = await ctx.read<bigint>(weth, abi, 'balanceOf', [account]);
    if (balance >= WETH_WRAP.amount) return;
    const missing = WETH_WRAP.amount - balance;
    await ctx.write(weth, abi, 'deposit', [], missing);
    await ctx.write(weth, abi, 'transfer', [account, missing]);
  },
};
