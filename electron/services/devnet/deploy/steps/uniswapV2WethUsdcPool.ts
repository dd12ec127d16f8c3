import { toHex, zeroAddress } from 'viem';
import { StrataError } from '../../../../../shared/errors';
import { loadUniswapV2Artifacts } from '../../uniswap/uniswapV2Artifacts';
import { UNISWAP_V2_WETH_USDC_POOL } from '../../uniswap/uniswapV2Pools';
import type { Address, DeployStep } from '../deployStep';

// The deadline only guards against a transaction mined much later; the step waits for its receipt.
const NO_DEADLINE = 2n ** 256n - 1n;

/**
 * The WETH/USDC pair with UNISWAP_V2_WETH_USDC_POOL's liquidity, added by the deployer through the router's
 * addLiquidityETH (the LP tokens stay with the deployer). The deployer mints the USDC (the devnet's mint is open)
 * and gets the ETH from hardhat_setBalance, so user accounts and earlier steps' balances are untouched. Skipped
 * when the pair already holds liquidity.
 */
export const uniswapV2WethUsdcPoolStep: DeployStep = {
  name: 'uniswap-v2-weth-usdc-pool',
  async run(ctx) {
    const { uniswapV2Factory, uniswapV2Router02, usdc, weth } = ctx.contracts;
    if (!uniswapV2Factory || !uniswapV2Router02 || !usdc || !weth) {
      throw new StrataError('INTERNAL', 'uniswap-v2-weth-usdc-pool runs after the usdc, weth and uniswap-v2 steps');
    }
    const { factory, pair, router } = loadUniswapV2Artifacts();
    const token = ctx.artifact('DevnetToken').abi;
    let pairAddress = await ctx.read<Address>(uniswapV2Factory, factory.abi, 'getPair', [weth, usdc]);
    if (pairAddress !== zeroAddress) {
      const [reserve0] = await ctx.read<readonly [bigint, bigint, number]>(pairAddress, pair.abi, 'getReserves');
      if (reserve0 > 0n) {
        ctx.contracts.uniswapV2WethUsdcPair = pairAddress;
        return;
      }
    }
    const { wethWei, usdcUnits } = UNISWAP_V2_WETH_USDC_POOL;
    const balance = BigInt(await ctx.request<string>('eth_getBalance', [ctx.deployer, 'latest']));
    await ctx.request('hardhat_setBalance', [ctx.deployer, toHex(balance + wethWei)]);
    await ctx.write(usdc, token, 'mint', [ctx.deployer, usdcUnits]);
    // Exactly what the router will pull, never an unlimited allowance.
    await ctx.write(usdc, token, 'approve', [uniswapV2Router02, usdcUnits]);
    await ctx.write(uniswapV2Router02, router.abi, 'addLiquidityETH', [usdc, usdcUnits, usdcUnits, wethWei, ctx.deployer, NO_DEADLINE], wethWei);
    pairAddress = await ctx.read<Address>(uniswapV2Factory, factory.abi, 'getPair', [weth, usdc]);
    if (pairAddress === zeroAddress) throw new StrataError('INTERNAL', 'addLiquidityETH did not create the WETH/USDC pair');
    ctx.contracts.uniswapV2WethUsdcPair = pairAddress;
    ctx.log(`${ctx.chain.alias}: Uniswap V2 WETH/USDC pool at ${pairAddress}`);
  },
};
