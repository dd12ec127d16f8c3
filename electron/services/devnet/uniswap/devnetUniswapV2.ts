import { getAddress } from 'viem';
import { StrataError } from '../../../../shared/errors';
import type { UniswapV2Deployment } from '../../swap/uniswapV2/uniswapV2Types';

/**
 * The devnet's Uniswap V2 deployment (equal on devnet-a and devnet-b) from `Devnet.contracts` or the state file's
 * contracts, in the shape the swap venue takes.
 * @throws StrataError DEVNET_NOT_RUNNING when the contracts lack the Uniswap steps' keys (an older devnet state)
 */
export function devnetUniswapV2(contracts: Readonly<Record<string, string>>): UniswapV2Deployment {
  const { uniswapV2Router02, uniswapV2Factory, weth } = contracts;
  if (!uniswapV2Router02 || !uniswapV2Factory || !weth) {
    throw new StrataError('DEVNET_NOT_RUNNING', 'This devnet has no Uniswap V2 deployment (restart it to run the new deploy steps)');
  }
  return { router: getAddress(uniswapV2Router02), factory: getAddress(uniswapV2Factory), weth: getAddress(weth) };
}
