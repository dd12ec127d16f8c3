import { getAddress, toHex, zeroAddress } from 'viem';
import { StrataError } from '../../../../../shared/errors';
import { loadUniswapV3Artifacts } from '../../uniswap/uniswapV3Artifacts';
import { UNISWAP_V3_POOLS, UNISWAP_V3_TICK_SPACING } from '../../uniswap/uniswapV3Spec';
import type { Address, DeployContext, DeployStep } from '../deployStep';

const MAX_TICK = 887272;
// The deadline only guards against a transaction mined much later; the step waits for its receipt.
const NO_DEADLINE = 2n ** 256n - 1n;

/** floor(sqrt(n)) for n >= 0 (Newton's method on bigints). */
export function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = n;
  let y = (x + 1n) / 2n;
  while (y < x) {
    x = y;
    y = (x + n / x) / 2n;
  }
  return x;
}

/** The pool price of amount1 token1 per amount0 token0 (base units) as Uniswap's sqrtPriceX96, rounded down. */
export function sqrtPriceX96Of(amount0: bigint, amount1: bigint): bigint {
  return isqrt((amount1 << 192n) / amount0);
}

/**
 * UNISWAP_V3_POOLS on each chain: created and initialised at the ratio of their amounts through the position
 * manager, and given full-range liquidity minted to the deployer. The deployer gets its tokens itself (ETH from
 * hardhat_setBalance wrapped into WETH, USDC and SBT minted), approves exactly what the position manager pulls, and
 * leaves user balances alone. A pool that already has liquidity is skipped.
 */
export const uniswapV3PoolsStep: DeployStep = {
  name: 'uniswap-v3-pools',
  async run(ctx) {
    const { uniswapV3Factory, nonfungiblePositionManager } = ctx.contracts;
    if (!uniswapV3Factory || !nonfungiblePositionManager) throw new StrataError('INTERNAL', 'uniswap-v3-pools runs after the uniswap-v3 steps');
    const { factory, pool, positionManager } = loadUniswapV3Artifacts();
    for (const spec of UNISWAP_V3_POOLS) {
      const a = ctx.contracts[spec.tokenA];
      const b = ctx.contracts[spec.tokenB];
      if (!a || !b) throw new StrataError('INTERNAL', `uniswap-v3-pools needs ${spec.tokenA} and ${spec.tokenB}`);
      const existing = await ctx.read<Address>(uniswapV3Factory, factory.abi, 'getPool', [a, b, spec.fee]);
      if (existing !== zeroAddress && (await ctx.read<bigint>(existing, pool.abi, 'liquidity')) > 0n) {
        ctx.contracts[spec.key] = existing;
        continue;
      }
      const aFirst = BigInt(a) < BigInt(b);
      const [token0, token1] = aFirst ? [getAddress(a), getAddress(b)] : [getAddress(b), getAddress(a)];
      const [amount0, amount1] = aFirst ? [spec.amountA, spec.amountB] : [spec.amountB, spec.amountA];
      await fund(ctx, spec.tokenA, a, spec.amountA);
      await fund(ctx, spec.tokenB, b, spec.amountB);
      const erc20 = ctx.artifact('DevnetToken').abi;
      // Exactly what the position manager may pull, never an unlimited allowance.
      await ctx.write(token0, erc20, 'approve', [nonfungiblePositionManager, amount0]);
      await ctx.write(token1, erc20, 'approve', [nonfungiblePositionManager, amount1]);
      await ctx.write(nonfungiblePositionManager, positionManager.abi, 'createAndInitializePoolIfNecessary', [token0, token1, spec.fee, sqrtPriceX96Of(amount0, amount1)]);
      const spacing = UNISWAP_V3_TICK_SPACING[spec.fee] ?? 1;
      const tickUpper = Math.floor(MAX_TICK / spacing) * spacing;
      await ctx.write(nonfungiblePositionManager, positionManager.abi, 'mint', [
        { token0, token1, fee: spec.fee, tickLower: -tickUpper, tickUpper, amount0Desired: amount0, amount1Desired: amount1, amount0Min: 0n, amount1Min: 0n, recipient: ctx.deployer, deadline: NO_DEADLINE },
      ]);
      const created = await ctx.read<Address>(uniswapV3Factory, factory.abi, 'getPool', [a, b, spec.fee]);
      if (created === zeroAddress) throw new StrataError('INTERNAL', `The position manager did not create the ${spec.key} pool`);
      ctx.contracts[spec.key] = created;
      ctx.log(`${ctx.chain.alias}: Uniswap V3 ${spec.tokenA}/${spec.tokenB} ${spec.fee} pool at ${created}`);
    }
  },
};

/** Gives the deployer `amount` of a devnet token: WETH by wrapping set-balance ETH, USDC and SBT by minting. */
async function fund(ctx: DeployContext, key: string, token: Address, amount: bigint): Promise<void> {
  if (key === 'weth') {
    const balance = BigInt(await ctx.request<string>('eth_getBalance', [ctx.deployer, 'latest']));
    await ctx.request('hardhat_setBalance', [ctx.deployer, toHex(balance + amount)]);
    await ctx.write(token, ctx.artifact('WrappedNative').abi, 'deposit', [], amount);
    return;
  }
  const abi = ctx.artifact(key === 'sbt' ? 'StrataBridgeToken' : 'DevnetToken').abi;
  await ctx.write(token, abi, 'mint', [ctx.deployer, amount]);
}
