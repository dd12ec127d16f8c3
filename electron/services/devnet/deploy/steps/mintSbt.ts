import { StrataError } from '../../../../../shared/errors';
import { SBT_MINT } from '../../layerzero/layerZeroSpec';
import type { DeployStep } from '../deployStep';

/** 1,000,000 SBT for each of the first five user accounts, on each chain (the OFT's total supply spans both). */
export const mintSbtStep: DeployStep = {
  name: 'mint-sbt',
  async run(ctx) {
    const sbt = ctx.contracts.sbt;
    if (!sbt) throw new StrataError('INTERNAL', 'mint-sbt runs after the sbt-oft step');
    const { abi } = ctx.artifact('StrataBridgeToken');
    for (const account of ctx.accounts.slice(0, SBT_MINT.accounts)) {
      // Top up rather than mint again: re-running the step must not change balances.
      const balance = await ctx.read<bigint>(sbt, abi, 'balanceOf', [account]);
      if (balance < SBT_MINT.amount) await ctx.write(sbt, abi, 'mint', [account, SBT_MINT.amount - balance]);
    }
  },
};
