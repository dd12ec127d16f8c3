import type { DeployStep } from '../deployStep';

/** The USD stablecoin: "USD Coin (devnet)", USDC, 6 decimals, open mint. */
export const USDC = { name: 'USD Coin (devnet)', symbol: 'USDC', decimals: 6 } as const;

export const usdcStep: DeployStep = {
  name: 'usdc',
  async run(ctx) {
    ctx.contracts.usdc = await ctx.deploy('strata.devnet.usdc', 'DevnetToken', [USDC.name, USDC.symbol, USDC.decimals]);
  },
};
