import { StrataError } from '../../../../../shared/errors';
import { SBT } from '../../layerzero/layerZeroSpec';
import type { DeployStep } from '../deployStep';

/** The Strata Bridge Token OFT (contracts/devnet/layerzero), owned by and delegated to the devnet deployer. */
export const sbtOftStep: DeployStep = {
  name: 'sbt-oft',
  async run(ctx) {
    const endpoint = ctx.contracts.lzEndpoint;
    if (!endpoint) throw new StrataError('INTERNAL', 'sbt-oft runs after the lz-endpoint step');
    ctx.contracts.sbt = await ctx.deploy('strata.devnet.sbt', 'StrataBridgeToken', [SBT.name, SBT.symbol, endpoint, ctx.deployer]);
  },
};
