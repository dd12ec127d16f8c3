/**
 * The Osmosis pools Strata quotes (osmosis-1). Pool ids are Osmosis mainnet's:
 * - 1: the original OSMO/ATOM weighted pool (GAMM pool #1, 0.2% swap fee);
 * - 1464: OSMO/USDC (Noble) concentrated-liquidity pool (the pool the Osmosis frontend prices OSMO with);
 * - 1282: ATOM/USDC (Noble) concentrated-liquidity pool (used by Osmosis' router for ATOM -> USDC);
 * - 678: OSMO/axlUSDC weighted pool (gamm/pool/678), so that USDC arriving over Axelar reaches OSMO, and ATOM through
 *   pool 1 in the same message.
 * The spread factor is the pool's own fee share, taken from the input, for display; the chain's estimate already
 * includes it.
 */
export interface OsmosisPool {
  poolId: bigint;
  /** the two denoms of the pool on Osmosis */
  denoms: readonly [string, string];
  /** the pool's fee as a share of the input, basis points */
  spreadFactorBps: number;
}

export const OSMO = 'uosmo';
/** ATOM over Cosmos Hub's channel-141 / Osmosis' channel-0. */
export const ATOM_ON_OSMOSIS = 'ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2';
/** axlUSDC: Axelar's USDC over Osmosis' channel-208. */
export const AXLUSDC_ON_OSMOSIS = 'ibc/D189335C6E4A68B513C10AB227BF1C1D38C746766278BA3EEB4FB14124F1D858';
/** USDC from Noble over Osmosis' channel-750. */
export const USDC_ON_OSMOSIS = 'ibc/498A0751C798A0D9A389AA3691123DADA57DAA4FE165D5C75894505B876BA6E4';

export const OSMOSIS_POOLS: readonly OsmosisPool[] = [
  { poolId: 1n, denoms: [OSMO, ATOM_ON_OSMOSIS], spreadFactorBps: 20 },
  { poolId: 1464n, denoms: [OSMO, USDC_ON_OSMOSIS], spreadFactorBps: 5 },
  { poolId: 1282n, denoms: [ATOM_ON_OSMOSIS, USDC_ON_OSMOSIS], spreadFactorBps: 5 },
  { poolId: 678n, denoms: [OSMO, AXLUSDC_ON_OSMOSIS], spreadFactorBps: 20 },
];

/**
 * The pools a swap of `denomIn` into `denomOut` goes through: the pool of the pair, else two pools through a denom
 * both share (one MsgSwapExactAmountIn carries both hops). Undefined when the table has no such path.
 */
export function poolRoute(pools: readonly OsmosisPool[], denomIn: string, denomOut: string): Array<{ pool: OsmosisPool; tokenOutDenom: string }> | undefined {
  if (denomIn === denomOut) return undefined;
  const other = (pool: OsmosisPool, denom: string): string | undefined => (pool.denoms[0] === denom ? pool.denoms[1] : pool.denoms[1] === denom ? pool.denoms[0] : undefined);
  const direct = pools.find((p) => other(p, denomIn) === denomOut);
  if (direct !== undefined) return [{ pool: direct, tokenOutDenom: denomOut }];
  for (const first of pools) {
    const middle = other(first, denomIn);
    if (middle === undefined) continue;
    const second = pools.find((p) => p !== first && other(p, middle) === denomOut);
    if (second !== undefined) return [{ pool: first, tokenOutDenom: middle }, { pool: second, tokenOutDenom: denomOut }];
  }
  return undefined;
}
