import type { DeployStep } from './deployStep';
import { axelarGatewayStep } from './steps/axelarGateway';
import { axelarUsdcStep } from './steps/axelarUsdc';
import { create2FactoryStep } from './steps/create2Factory';
import { lzDefaultLibrariesStep } from './steps/lzDefaultLibraries';
import { lzEndpointStep } from './steps/lzEndpoint';
import { mintSbtStep } from './steps/mintSbt';
import { mintUsdcStep } from './steps/mintUsdc';
import { multicall3Step } from './steps/multicall3';
import { sbtOftStep } from './steps/sbtOft';
import { sbtPeersStep } from './steps/sbtPeers';
import { usdcStep } from './steps/usdc';
import { wethStep } from './steps/weth';
import { wrapWethStep } from './steps/wrapWeth';
import { uniswapV2FactoryStep } from './steps/uniswapV2Factory';
import { uniswapV2RouterStep } from './steps/uniswapV2Router';
import { uniswapV2WethUsdcPoolStep } from './steps/uniswapV2WethUsdcPool';
import { uniswapV2SbtPoolsStep } from './steps/uniswapV2SbtPools';
import { uniswapV3FactoryStep } from './steps/uniswapV3Factory';
import { uniswapV3PeripheryStep } from './steps/uniswapV3Periphery';
import { uniswapV3PoolsStep } from './steps/uniswapV3Pools';

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
  uniswapV2FactoryStep,
  uniswapV2RouterStep,
  uniswapV2WethUsdcPoolStep,
  lzEndpointStep,
  lzDefaultLibrariesStep,
  sbtOftStep,
  sbtPeersStep,
  mintSbtStep,
  uniswapV2SbtPoolsStep,
  axelarGatewayStep,
  axelarUsdcStep,
  uniswapV3FactoryStep,
  uniswapV3PeripheryStep,
  uniswapV3PoolsStep,
];
