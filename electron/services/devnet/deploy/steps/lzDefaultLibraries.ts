import { getAddress } from 'viem';
import { StrataError } from '../../../../../shared/errors';
import { DEVNET_LZ_EIDS, remoteAliasOf } from '../../layerzero/layerZeroSpec';
import { layerZeroArtifact } from '../../layerzero/lzArtifacts';
import type { DeployStep } from '../deployStep';

/**
 * Registers SimpleMessageLib on the endpoint and makes it the default send and receive library for the other devnet
 * chain's eid, so every OApp on the devnet uses it without its own library config.
 */
export const lzDefaultLibrariesStep: DeployStep = {
  name: 'lz-default-libraries',
  async run(ctx) {
    const endpoint = ctx.contracts.lzEndpoint;
    const lib = ctx.contracts.lzSimpleMessageLib;
    if (!endpoint || !lib) throw new StrataError('INTERNAL', 'lz-default-libraries runs after the lz-endpoint step');
    const { abi } = layerZeroArtifact('EndpointV2');
    const remoteEid = DEVNET_LZ_EIDS[remoteAliasOf(ctx.chain.alias)];
    const same = (a: string, b: string): boolean => getAddress(a) === getAddress(b);

    if (!(await ctx.read<boolean>(endpoint, abi, 'isRegisteredLibrary', [lib]))) await ctx.write(endpoint, abi, 'registerLibrary', [lib]);
    if (!same(await ctx.read<string>(endpoint, abi, 'defaultSendLibrary', [remoteEid]), lib)) {
      await ctx.write(endpoint, abi, 'setDefaultSendLibrary', [remoteEid, lib]);
    }
    if (!same(await ctx.read<string>(endpoint, abi, 'defaultReceiveLibrary', [remoteEid]), lib)) {
      // Grace period 0: there is no previous library to keep accepting packets for.
      await ctx.write(endpoint, abi, 'setDefaultReceiveLibrary', [remoteEid, lib, 0n]);
    }
  },
};
