import { z } from 'zod';
import { CaipChainId } from '../../../shared/domain/chain';

const EvmAddress = z.string().regex(/^0x[0-9a-fA-F]{40}$/, 'not an EVM address');

/** Uniswap V3 as Strata uses it: pools from the factory, quotes from QuoterV2, swaps through SwapRouter02. */
export const UniswapV3Row = z.object({
  factory: EvmAddress,
  quoterV2: EvmAddress,
  swapRouter02: EvmAddress,
  /** Fee tiers (hundredths of a basis point) the factory has enabled and pool discovery tries. */
  feeTiers: z.array(z.number().int().positive().max(1_000_000)).min(1),
});
export type UniswapV3Row = z.infer<typeof UniswapV3Row>;

export const UniswapV2Row = z.object({
  factory: EvmAddress,
  router: EvmAddress,
  /**
   * The pairs the V2 venue trades, as two token addresses each (V2 has no fee tiers to discover by; a chain's row
   * without pairs gets no V2 venue).
   */
  pairs: z.array(z.tuple([EvmAddress, EvmAddress])).optional(),
});
export type UniswapV2Row = z.infer<typeof UniswapV2Row>;

/** LayerZero V2: the chain's endpoint id (and the EndpointV2 address once a bridge uses it). */
export const LayerZeroRow = z.object({ eid: z.number().int().positive(), endpoint: EvmAddress.optional() });
export type LayerZeroRow = z.infer<typeof LayerZeroRow>;

/**
 * One EVM chain's row of the deployments registry: the contracts Strata uses there. Mainnet rows come from the
 * field's packages (mainnetDeployments.ts); a running devnet writes rows of the same shape into its state file.
 * Optional parts are absent where the protocol is not deployed. Bridge rows (Stargate, CCTP, Axelar, USDT0) join
 * here as optional parts, one per bridge.
 */
export const DeploymentRow = z.object({
  chain: CaipChainId,
  /** WETH9-style wrapped native coin (WETH, WBNB, WPOL, WAVAX): what `native` trades as on the venues. */
  wrappedNative: EvmAddress,
  multicall3: EvmAddress,
  uniswapV3: UniswapV3Row.optional(),
  uniswapV2: UniswapV2Row.optional(),
  layerZero: LayerZeroRow.optional(),
});
export type DeploymentRow = z.infer<typeof DeploymentRow>;

export const DeploymentRows = z.array(DeploymentRow);
