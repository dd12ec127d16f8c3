import { toHex, zeroAddress } from 'viem';
import { StrataError } from '../../../../../shared/errors';
import { loadUniswapV2Artifacts } from '../../uniswap/uniswapV2Artifacts';
import type { Address, DeployStep } from '../deployStep';

/**
 * The devnet's SBT/WETH pool on each chain: 1,000,000 SBT : 100 ETH, so 1 SBT = 0.0001 ETH ($0.30 at the WETH/USDC
 * pool's $3000). SBT has no pool with USDC: SBT -> USDC trades through WETH (a two-pool router path).
 */
export const UNISWAP_V2_SBT_WETH_POOL = {
  sbtUnits: 1_000_000n * 10n ** 18n,
  wethWei: 100n * 10n ** 18n,
} as const;

// The deadline only guards against a transaction mined much later; the step waits for its receipt.
const NO_DEADLINE = 2n ** 256n - 1n;

/**
 * The SBT/WETH pair with UNISWAP_V2_SBT_WETH_POOL's liquidity, added by the deployer through addLiquidityETH (LP
 * tokens stay with the deployer). The deployer mints the SBT (it owns the OFT) and gets the ETH from
 * hardhat_setBalance, so user balances are untouched; the SBT total supply grows by the pool's SBT on each chain.
 * Skipped when the pair already holds liquidity.
 */
export const uniswapV2SbtPoolsStep: DeployStep = {
  name: 'uniswap-v2-sbt-weth-pool',
  async run(ctx) {
    const { uniswapV2Factory, uniswapV2Router02, sbt, weth } = ctx.contracts;
    if (!uniswapV2Factory || !uniswapV2Router02 || !sbt || !weth) {
      throw new StrataError('INTERNAL', 'uniswap-v2-sbt-weth-pool runs after the weth, uniswap-v2 and sbt steps');
    }
    const { factory, pair, router } = loadUniswapV2Artifacts();
    const token = ctx.artifact('StrataBridgeToken').abi;
    let pairAddress = await ctx.read<Address>(uniswapV2Factory, factory.abi, 'getPair', [weth, sbt]);
    if (pairAddress !== zeroAddress) {
      const [reserve0] = await ctx.read<readonly [bigint, bigint, number]>(pairAddress, pair.abi, 'getReserves');
      if (reserve0 > 0n) {
        ctx.contracts.uniswapV2SbtWethPair = pairAddress;
        return;
      }
    }
    const { wethWei, sbtUnits } = UNISWAP_V2_SBT_WETH_POOL;
    const balance = BigInt(await ctx.request<string>('eth_getBalance', [ctx.deployer, 'latest']));
    await ctx.request('hardhat_setBalance', [ctx.deployer, toHex(balance + wethWei)]);
    await ctx.write(sbt, token, 'mint', [ctx.deployer, sbtUnits]);
    // Exactly what the router will pull, never an unlimited allowance.
    await ctx.write(sbt, token, 'approve', [uniswapV2Router02, sbtUnits]);
    await ctx.write(uniswapV2Router02, router.abi, 'addLiquidityETH', [sbt, sbtUnits, sbtUnits, wethWei, ctx.deployer, NO_DEADLINE], wethWei);
    pairAddress = await ctx.read<Address>(uniswapV2Factory, factory.abi, 'getPair', [weth, sbt]);
    if (pairAddress === zeroAddress) throw new StrataError('INTERNAL', 'addLiquidityETH did not create the SBT/WETH pair');
    ctx.contracts.uniswapV2SbtWethPair = pairAddress;
    ctx.log(`${ctx.chain.alias}: Uniswap V2 SBT/WETH pool at ${pairAddress}`);
  },
};
