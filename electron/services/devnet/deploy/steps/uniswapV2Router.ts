import { StrataError } from '../../../../../shared/errors';
import { deployPrecompiled } from '../../uniswap/deployPrecompiled';
import { loadUniswapV2Artifacts } from '../../uniswap/uniswapV2Artifacts';
import { UNISWAP_V2_SALTS } from '../../uniswap/uniswapV2Pools';
import type { DeployStep } from '../deployStep';

/** The canonical UniswapV2Router02 (precompiled, from @uniswap/v2-periphery) over the devnet's factory and WETH. */
export const uniswapV2RouterStep: DeployStep = {
  name: 'uniswap-v2-router',
  async run(ctx) {
    const { uniswapV2Factory, weth } = ctx.contracts;
    if (!uniswapV2Factory || !weth) throw new StrataError('INTERNAL', 'uniswap-v2-router runs after the weth and uniswap-v2-factory steps');
    const { router } = loadUniswapV2Artifacts();
    ctx.contracts.uniswapV2Router02 = await deployPrecompiled(ctx, UNISWAP_V2_SALTS.router, 'UniswapV2Router02', router, [uniswapV2Factory, weth]);
  },
};
