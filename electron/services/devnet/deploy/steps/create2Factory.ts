import { getContractAddress } from 'viem';
import { StrataError } from '../../../../../shared/errors';
import type { DeployStep } from '../deployStep';

/**
 * The deployer's first transaction (nonce 0) creates the CREATE2 factory, so the factory has the same address on
 * every chain; every later contract goes through it (DeployContext.deploy).
 */
export const create2FactoryStep: DeployStep = {
  name: 'create2-factory',
  async run(ctx) {
    const address = getContractAddress({ opcode: 'CREATE', from: ctx.deployer, nonce: 0n });
    ctx.contracts.create2Factory = address;
    if (await ctx.hasCode(address)) return;
    const nonce = BigInt(await ctx.request<string>('eth_getTransactionCount', [ctx.deployer, 'latest']));
    if (nonce !== 0n) {
      throw new StrataError('INTERNAL', `The devnet deployer already used nonce 0 on ${ctx.chain.alias} without creating the factory`);
    }
    await ctx.send({ data: ctx.artifact('Create2Factory').bytecode });
    ctx.log(`${ctx.chain.alias}: Create2Factory deployed at ${address}`);
  },
};
