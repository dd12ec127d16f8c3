import { encodeDeployData, getContractAddress, type Abi } from 'viem';
import { StrataError } from '../../../../shared/errors';
import { saltOf } from '../deploy/deployContext';
import type { Address, DeployContext } from '../deploy/deployStep';
import type { PrecompiledArtifact } from './uniswapV2Artifacts';

/**
 * DeployContext.deploy for an artifact that solc-js did not compile here (a package's precompiled bytecode): through
 * the CREATE2 factory under `salt`, skipped when the code is already there, so the address is equal on both chains.
 * @throws StrataError INTERNAL when the factory step has not run or the contract is not at its predicted address
 */
export async function deployPrecompiled(ctx: DeployContext, salt: string, label: string, artifact: PrecompiledArtifact, args: readonly unknown[] = []): Promise<Address> {
  const factory = ctx.contracts.create2Factory;
  if (!factory) throw new StrataError('INTERNAL', 'The CREATE2 factory step must run before any deployment');
  const initCode = encodeDeployData({ abi: artifact.abi as Abi, bytecode: artifact.bytecode, args });
  const address = getContractAddress({ opcode: 'CREATE2', from: factory, salt: saltOf(salt), bytecode: initCode });
  if (await ctx.hasCode(address)) return address;
  await ctx.write(factory, ctx.artifact('Create2Factory').abi, 'deploy', [saltOf(salt), initCode]);
  if (!(await ctx.hasCode(address))) throw new StrataError('INTERNAL', `${label} is not at its predicted address ${address}`);
  ctx.log(`${ctx.chain.alias}: ${label} deployed at ${address}`);
  return address;
}
