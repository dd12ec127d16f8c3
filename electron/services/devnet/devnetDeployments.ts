import { getAddress } from 'viem';
import type { DeploymentRow } from '../deployments/deploymentRow';
import { UNISWAP_V3_FEE_TIERS } from './uniswap/uniswapV3Spec';
import { DEVNET_LZ_EIDS } from './layerzero/layerZeroSpec';

/**
 * A devnet's rows of the deployments registry, in the shape of the mainnet rows: what the app and the CLI read
 * from the state file. Parts whose deploy steps did not run (custom step lists, an older devnet) are left out.
 */
export function devnetDeploymentRows(chains: ReadonlyArray<{ id: string; alias: string }>, contracts: Readonly<Record<string, string>>): DeploymentRow[] {
  const { weth, multicall3, usdc, sbt, uniswapV3Factory, quoterV2, swapRouter02, uniswapV2Factory, uniswapV2Router02, lzEndpoint } = contracts;
  if (!weth || !multicall3) return [];
  // The V2 pairs the deploy steps seeded (uniswap-v2-weth-usdc-pool, uniswap-v2-sbt-weth-pool).
  const v2Pairs = [usdc, sbt].flatMap((token) => (token ? [[getAddress(weth), getAddress(token)] as [string, string]] : []));
  return chains.map((chain) => {
    const eid = (DEVNET_LZ_EIDS as Readonly<Record<string, number>>)[chain.alias];
    return {
      chain: chain.id,
      wrappedNative: getAddress(weth),
      multicall3: getAddress(multicall3),
      ...(uniswapV3Factory && quoterV2 && swapRouter02
        ? { uniswapV3: { factory: getAddress(uniswapV3Factory), quoterV2: getAddress(quoterV2), swapRouter02: getAddress(swapRouter02), feeTiers: [...UNISWAP_V3_FEE_TIERS] } }
        : {}),
      ...(uniswapV2Factory && uniswapV2Router02 ? { uniswapV2: { factory: getAddress(uniswapV2Factory), router: getAddress(uniswapV2Router02), pairs: v2Pairs } } : {}),
      ...(eid !== undefined ? { layerZero: { eid, ...(lzEndpoint ? { endpoint: getAddress(lzEndpoint) } : {}) } } : {}),
    };
  });
}
