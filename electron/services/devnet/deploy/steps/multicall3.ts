import { MULTICALL3_ADDRESS } from '../../devnetSpec';
import type { Address, DeployStep } from '../deployStep';

/**
 * Multicall3 at its canonical address (0xcA11...CA11), where viem and other libraries look for it. Nobody can sign
 * the original deployment there, so the code is placed with hardhat_setCode; the contract has no constructor or
 * storage, which makes that the same as deploying it.
 */
export const multicall3Step: DeployStep = {
  name: 'multicall3',
  async run(ctx) {
    const address = MULTICALL3_ADDRESS as Address;
    ctx.contracts.multicall3 = address;
    const code = ctx.artifact('Multicall3').deployedBytecode;
    if ((await ctx.request<string>('eth_getCode', [address, 'latest'])) === code) return;
    await ctx.request('hardhat_setCode', [address, code]);
    ctx.log(`${ctx.chain.alias}: Multicall3 placed at ${address}`);
  },
};
