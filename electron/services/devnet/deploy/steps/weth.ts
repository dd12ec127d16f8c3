import type { DeployStep } from '../deployStep';

/** The wrapped native token: "Wrapped Ether", WETH, 18 decimals (WETH9 interface). */
export const WETH = { name: 'Wrapped Ether', symbol: 'WETH', decimals: 18 } as const;

export const wethStep: DeployStep = {
  name: 'weth',
  async run(ctx) {
    ctx.contracts.weth = await ctx.deploy('strata.devnet.weth', 'WrappedNative', [WETH.name, WETH.symbol]);
  },
};
