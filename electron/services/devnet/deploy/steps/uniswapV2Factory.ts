import { deployPrecompiled } from '../../uniswap/deployPrecompiled';
import { loadUniswapV2Artifacts } from '../../uniswap/uniswapV2Artifacts';
import { UNISWAP_V2_SALTS } from '../../uniswap/uniswapV2Pools';
import type { DeployStep } from '../deployStep';

/** The canonical UniswapV2Factory (precompiled, from @uniswap/v2-core); the deployer is its feeToSetter, no fee. */
export const uniswapV2FactoryStep: DeployStep = {
  name: 'uniswap-v2-factory',
  async run(ctx) {
    const { factory } = loadUniswapV2Artifacts();
    ctx.contracts.uniswapV2Factory = await deployPrecompiled(ctx, UNISWAP_V2_SALTS.factory, 'UniswapV2Factory', factory, [ctx.deployer]);
  },
};
