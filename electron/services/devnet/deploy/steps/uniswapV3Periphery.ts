import { zeroAddress } from 'viem';
import { StrataError } from '../../../../../shared/errors';
import { deployPrecompiled } from '../../uniswap/deployPrecompiled';
import { loadUniswapV3Artifacts } from '../../uniswap/uniswapV3Artifacts';
import { UNISWAP_V3_SALTS } from '../../uniswap/uniswapV3Spec';
import type { DeployStep } from '../deployStep';

/**
 * QuoterV2 and SwapRouter02 (swap-router-contracts 1.1.0) and the NonfungiblePositionManager (v3-periphery 1.0.0)
 * over the devnet's V3 factory, V2 factory and WETH, through the CREATE2 factory. The position manager's token
 * descriptor only renders NFT metadata: no descriptor here (tokenURI is never called).
 */
export const uniswapV3PeripheryStep: DeployStep = {
  name: 'uniswap-v3-periphery',
  async run(ctx) {
    const { uniswapV3Factory, uniswapV2Factory, weth } = ctx.contracts;
    if (!uniswapV3Factory || !uniswapV2Factory || !weth) throw new StrataError('INTERNAL', 'uniswap-v3-periphery runs after the weth, uniswap-v2-factory and uniswap-v3-factory steps');
    const artifacts = loadUniswapV3Artifacts();
    ctx.contracts.quoterV2 = await deployPrecompiled(ctx, UNISWAP_V3_SALTS.quoterV2, 'QuoterV2', artifacts.quoterV2, [uniswapV3Factory, weth]);
    const positionManager = await deployPrecompiled(ctx, UNISWAP_V3_SALTS.positionManager, 'NonfungiblePositionManager', artifacts.positionManager, [uniswapV3Factory, weth, zeroAddress]);
    ctx.contracts.nonfungiblePositionManager = positionManager;
    ctx.contracts.swapRouter02 = await deployPrecompiled(ctx, UNISWAP_V3_SALTS.swapRouter02, 'SwapRouter02', artifacts.swapRouter02, [uniswapV2Factory, uniswapV3Factory, positionManager, weth]);
  },
};
