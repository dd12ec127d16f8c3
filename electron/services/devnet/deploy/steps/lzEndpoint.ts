import { encodeDeployData, encodeFunctionData, getAddress, type Abi } from 'viem';
import { StrataError } from '../../../../../shared/errors';
import { createKeySender } from '../../layerzero/keySender';
import {
  DEVNET_LZ_EIDS,
  LZ_DEPLOYER_ADDRESS,
  LZ_DEPLOYER_FUNDING_WEI,
  LZ_DEPLOYER_PRIVATE_KEY,
  LZ_ENDPOINT_ADDRESS,
  LZ_NATIVE_FEE_WEI,
  LZ_SIMPLE_MESSAGE_LIB_ADDRESS,
} from '../../layerzero/layerZeroSpec';
import { layerZeroArtifact } from '../../layerzero/lzArtifacts';
import type { Address, DeployContext, DeployStep } from '../deployStep';

/**
 * LayerZero V2's EndpointV2 (this chain's eid, owned by the devnet deployer) and SimpleMessageLib (fee 0.0001 ETH,
 * then owned by the devnet deployer). Both are created by the LayerZero deployer key at its nonces 0 and 1, so each
 * has one address on both chains although the endpoint's constructor differs (see layerZeroSpec).
 */
export const lzEndpointStep: DeployStep = {
  name: 'lz-endpoint',
  async run(ctx) {
    const eid = DEVNET_LZ_EIDS[ctx.chain.alias];
    const endpointArtifact = layerZeroArtifact('EndpointV2');
    const libArtifact = layerZeroArtifact('SimpleMessageLib');
    const lz = createKeySender(ctx.request, ctx.chain.chainId, LZ_DEPLOYER_PRIVATE_KEY);

    const createAtNonce = async (address: Address, nonce: bigint, data: `0x${string}`, what: string): Promise<void> => {
      if (await ctx.hasCode(address)) return;
      const used = BigInt(await ctx.request<string>('eth_getTransactionCount', [LZ_DEPLOYER_ADDRESS, 'latest']));
      if (used !== nonce) throw new StrataError('INTERNAL', `The LayerZero deployer is at nonce ${used} on ${ctx.chain.alias}, ${what} needs ${nonce}`);
      await fundLayerZeroDeployer(ctx);
      await lz.send({ data });
      if (!(await ctx.hasCode(address))) throw new StrataError('INTERNAL', `${what} is not at its predicted address ${address}`);
      ctx.log(`${ctx.chain.alias}: ${what} deployed at ${address}`);
    };

    await createAtNonce(LZ_ENDPOINT_ADDRESS, 0n, encodeDeployData({ abi: endpointArtifact.abi as Abi, bytecode: endpointArtifact.bytecode, args: [eid, ctx.deployer] }), 'EndpointV2');
    const actualEid = await ctx.read<number>(LZ_ENDPOINT_ADDRESS, endpointArtifact.abi, 'eid');
    if (actualEid !== eid) throw new StrataError('INTERNAL', `EndpointV2 on ${ctx.chain.alias} has eid ${actualEid}, expected ${eid}`);
    ctx.contracts.lzEndpoint = LZ_ENDPOINT_ADDRESS;

    // SimpleMessageLib's constructor reads endpoint.eid(), so it follows the endpoint; treasury is unused by it.
    await createAtNonce(
      LZ_SIMPLE_MESSAGE_LIB_ADDRESS,
      1n,
      encodeDeployData({ abi: libArtifact.abi as Abi, bytecode: libArtifact.bytecode, args: [LZ_ENDPOINT_ADDRESS, ctx.deployer] }),
      'SimpleMessageLib',
    );
    ctx.contracts.lzSimpleMessageLib = LZ_SIMPLE_MESSAGE_LIB_ADDRESS;

    const owner = getAddress(await ctx.read<string>(LZ_SIMPLE_MESSAGE_LIB_ADDRESS, libArtifact.abi, 'owner'));
    const feeOf = async (): Promise<bigint> => ctx.read<bigint>(LZ_SIMPLE_MESSAGE_LIB_ADDRESS, libArtifact.abi, 'nativeFee');
    if (owner === LZ_DEPLOYER_ADDRESS) {
      await fundLayerZeroDeployer(ctx);
      const call = (functionName: string, args: readonly unknown[]) => encodeFunctionData({ abi: libArtifact.abi as Abi, functionName, args });
      // The library's constructor defaults are 100 wei native / 99 LZ token: a real-looking fee makes quotes meaningful.
      if ((await feeOf()) !== LZ_NATIVE_FEE_WEI) await lz.send({ to: LZ_SIMPLE_MESSAGE_LIB_ADDRESS, data: call('setMessagingFee', [LZ_NATIVE_FEE_WEI, 0n]) });
      await lz.send({ to: LZ_SIMPLE_MESSAGE_LIB_ADDRESS, data: call('transferOwnership', [ctx.deployer]) });
    } else if (owner === getAddress(ctx.deployer)) {
      if ((await feeOf()) !== LZ_NATIVE_FEE_WEI) await ctx.write(LZ_SIMPLE_MESSAGE_LIB_ADDRESS, libArtifact.abi, 'setMessagingFee', [LZ_NATIVE_FEE_WEI, 0n]);
    } else {
      throw new StrataError('INTERNAL', `SimpleMessageLib on ${ctx.chain.alias} is owned by ${owner}`);
    }
  },
};

/** Gives the LayerZero deployer gas money from the devnet deployer (user accounts keep their genesis balance). */
async function fundLayerZeroDeployer(ctx: DeployContext): Promise<void> {
  const balance = BigInt(await ctx.request<string>('eth_getBalance', [LZ_DEPLOYER_ADDRESS, 'latest']));
  if (balance < LZ_DEPLOYER_FUNDING_WEI / 2n) await ctx.send({ to: LZ_DEPLOYER_ADDRESS, value: LZ_DEPLOYER_FUNDING_WEI - balance });
}
