import { getContractAddress, keccak256, toHex } from 'viem';
import { privateKeyToAddress } from 'viem/accounts';

/**
 * The key that creates UniswapV3Factory with plain CREATE (nonce 0) and stays its owner. The factory sets
 * owner = msg.sender: through the CREATE2 factory nobody could call enableFeeAmount(100, 1) afterwards, as
 * Uniswap's governance did on mainnet. keccak256 of a public label: a devnet-only key known to all.
 */
export const UNISWAP_V3_DEPLOYER_PRIVATE_KEY = keccak256(toHex('strata.devnet.uniswapV3.deployer'));
export const UNISWAP_V3_DEPLOYER_ADDRESS = privateKeyToAddress(UNISWAP_V3_DEPLOYER_PRIVATE_KEY);

/** UniswapV3Factory, identical on both chains (the Uniswap V3 deployer's nonce 0). */
export const UNISWAP_V3_FACTORY_ADDRESS = getContractAddress({ opcode: 'CREATE', from: UNISWAP_V3_DEPLOYER_ADDRESS, nonce: 0n });

/** The fee tiers of mainnet's factory: 500/3000/10000 from its constructor, 100 (tick spacing 1) enabled after. */
export const UNISWAP_V3_FEE_TIERS = [100, 500, 3000, 10000] as const;
export const UNISWAP_V3_TICK_SPACING: Readonly<Record<number, number>> = { 100: 1, 500: 10, 3000: 60, 10000: 200 };

/** CREATE2 salts of the periphery (see DeployContext.deploy). */
export const UNISWAP_V3_SALTS = {
  quoterV2: 'strata.devnet.uniswapV3.quoterV2',
  swapRouter02: 'strata.devnet.uniswapV3.swapRouter02',
  positionManager: 'strata.devnet.uniswapV3.positionManager',
} as const;

/**
 * The devnet's V3 pools, full range, seeded by the deployer at the V2 pools' prices ($3000 per ETH, 1 SBT =
 * 0.0001 ETH): WETH/USDC at 0.05% (300 ETH : 900,000 USDC) and 0.3% (1,000 ETH : 3,000,000 USDC), SBT/WETH at
 * 0.3% (1,000,000 SBT : 100 ETH), so SBT -> USDC is a two-pool path through WETH. `key` names the pool in
 * `Devnet.contracts`.
 */
export const UNISWAP_V3_POOLS = [
  { key: 'uniswapV3WethUsdc500', tokenA: 'weth', tokenB: 'usdc', fee: 500, amountA: 300n * 10n ** 18n, amountB: 900_000n * 10n ** 6n },
  { key: 'uniswapV3WethUsdc3000', tokenA: 'weth', tokenB: 'usdc', fee: 3000, amountA: 1_000n * 10n ** 18n, amountB: 3_000_000n * 10n ** 6n },
  { key: 'uniswapV3SbtWeth3000', tokenA: 'sbt', tokenB: 'weth', fee: 3000, amountA: 1_000_000n * 10n ** 18n, amountB: 100n * 10n ** 18n },
] as const;

/** Gas money the Uniswap V3 deployer is topped up to by the devnet deployer. */
export const UNISWAP_V3_KEY_FUNDING_WEI = 10n ** 18n;
