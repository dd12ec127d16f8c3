/**
 * The devnet's Uniswap V2 pools. Each chain gets the same WETH/USDC pool, seeded by the deployer at $3000 per ETH
 * (1,000 ETH : 3,000,000 USDC), so quotes on devnet-a and devnet-b are equal until someone trades.
 */
export const UNISWAP_V2_WETH_USDC_POOL = {
  wethWei: 1_000n * 10n ** 18n,
  /** USDC has 6 decimals. */
  usdcUnits: 3_000_000n * 10n ** 6n,
} as const;

/** CREATE2 salts of the Uniswap contracts (see DeployContext.deploy). */
export const UNISWAP_V2_SALTS = {
  factory: 'strata.devnet.uniswapV2.factory',
  router: 'strata.devnet.uniswapV2.router02',
} as const;
