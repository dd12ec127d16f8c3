import { encodeAbiParameters, encodeDeployData, encodeFunctionData, getAddress, parseAbiParameters, type Abi } from 'viem';
import { StrataError } from '../../../../../shared/errors';
import { axelarArtifact } from '../../axelar/axelarArtifacts';
import {
  AXELAR_AUTH_ADDRESS,
  AXELAR_DEPLOYER_ADDRESS,
  AXELAR_DEPLOYER_PRIVATE_KEY,
  AXELAR_KEY_FUNDING_WEI,
  AXELAR_OPERATOR_ADDRESS,
} from '../../axelar/axelarSpec';
import { singleOperatorSet } from '../../axelar/gatewayCommands';
import { createKeySender } from '../../layerzero/keySender';
import { deployPrecompiled } from '../../uniswap/deployPrecompiled';
import type { Address, DeployContext, DeployStep } from '../deployStep';

/**
 * Axelar's gateway as axelar-local-dev deploys it: AxelarAuthWeighted (one operator, weight 1, threshold 1),
 * TokenDeployer, the AxelarGateway implementation and an AxelarGatewayProxy set up with the devnet deployer as
 * governance and mint limiter; then the auth module's ownership goes to the proxy. The auth module is created by the
 * Axelar deployer key at nonce 0 (see axelarSpec), the rest through the CREATE2 factory: one address on both chains.
 */
export const axelarGatewayStep: DeployStep = {
  name: 'axelar-gateway',
  async run(ctx) {
    const auth = axelarArtifact('AxelarAuthWeighted');
    const axelarDeployer = createKeySender(ctx.request, ctx.chain.chainId, AXELAR_DEPLOYER_PRIVATE_KEY);
    if (!(await ctx.hasCode(AXELAR_AUTH_ADDRESS))) {
      const used = BigInt(await ctx.request<string>('eth_getTransactionCount', [AXELAR_DEPLOYER_ADDRESS, 'latest']));
      if (used !== 0n) throw new StrataError('INTERNAL', `The Axelar deployer is at nonce ${used} on ${ctx.chain.alias}, AxelarAuthWeighted needs 0`);
      await topUp(ctx, AXELAR_DEPLOYER_ADDRESS);
      await axelarDeployer.send({ data: encodeDeployData({ abi: auth.abi as Abi, bytecode: auth.bytecode, args: [[singleOperatorSet(AXELAR_OPERATOR_ADDRESS)]] }) });
      if (!(await ctx.hasCode(AXELAR_AUTH_ADDRESS))) throw new StrataError('INTERNAL', `AxelarAuthWeighted is not at its predicted address ${AXELAR_AUTH_ADDRESS}`);
      ctx.log(`${ctx.chain.alias}: AxelarAuthWeighted deployed at ${AXELAR_AUTH_ADDRESS}`);
    }
    const tokenDeployer = await deployPrecompiled(ctx, 'strata.devnet.axelar.token-deployer', 'TokenDeployer', axelarArtifact('TokenDeployer'));
    const implementation = await deployPrecompiled(ctx, 'strata.devnet.axelar.gateway-implementation', 'AxelarGateway', axelarArtifact('AxelarGateway'), [
      AXELAR_AUTH_ADDRESS,
      tokenDeployer,
    ]);
    // setup(params) = (governance, mintLimiter, newOperatorsData): no operator change, the auth module has them.
    const setup = encodeAbiParameters(parseAbiParameters('address, address, bytes'), [ctx.deployer, ctx.deployer, '0x']);
    const gateway = await deployPrecompiled(ctx, 'strata.devnet.axelar.gateway', 'AxelarGatewayProxy', axelarArtifact('AxelarGatewayProxy'), [implementation, setup]);

    const owner = getAddress(await ctx.read<string>(AXELAR_AUTH_ADDRESS, auth.abi, 'owner'));
    if (owner === AXELAR_DEPLOYER_ADDRESS) {
      await topUp(ctx, AXELAR_DEPLOYER_ADDRESS);
      await axelarDeployer.send({ to: AXELAR_AUTH_ADDRESS, data: encodeFunctionData({ abi: auth.abi as Abi, functionName: 'transferOwnership', args: [gateway] }) });
    } else if (owner !== getAddress(gateway)) {
      throw new StrataError('INTERNAL', `AxelarAuthWeighted on ${ctx.chain.alias} is owned by ${owner}`);
    }
    // The operator signs the command batches and, as the devnet relayer, pays for executing them.
    await topUp(ctx, AXELAR_OPERATOR_ADDRESS);
    ctx.contracts.axelarAuthWeighted = AXELAR_AUTH_ADDRESS;
    ctx.contracts.axelarGateway = gateway;
  },
};

/** Gives an Axelar key gas money from the devnet deployer (user accounts keep their genesis balance). */
async function topUp(ctx: DeployContext, address: Address): Promise<void> {
  const balance = BigInt(await ctx.request<string>('eth_getBalance', [address, 'latest']));
  if (balance < AXELAR_KEY_FUNDING_WEI / 2n) await ctx.send({ to: address, value: AXELAR_KEY_FUNDING_WEI - balance });
}
