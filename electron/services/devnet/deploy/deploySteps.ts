import type { DeployStep } from './deployStep';
import { create2FactoryStep } from './steps/create2Factory';
import { mintUsdcStep } from './steps/mintUsdc';
import { multicall3Step } from './steps/multicall3';
import { usdcStep } from './steps/usdc';
import { wethStep } from './steps/weth';
import { wrapWethStep } from './steps/wrapWeth';

/**
 * The devnet's setup, run in this order on each chain. To extend the devnet (LayerZero endpoints, Uniswap pools,
 * Axelar gateways), add a file under steps/ that exports one DeployStep and append it here. Keep the factory
 * first: every CREATE2 deployment needs it. Appending never moves the address of an earlier contract.
 */
export const DEPLOY_STEPS: readonly DeployStep[] = [
  create2FactoryStep,
  multicall3Step,
  usdcStep,
  wethStep,
  mintUsdcStep,
  wrapWethStep,
];
