import { pad } from 'viem';
import { StrataError } from '../../../../../shared/errors';
import { lzReceiveGasOption } from '../../layerzero/executorOptions';
import { DEVNET_LZ_EIDS, OFT_MSG_TYPE_SEND, SBT_LZ_RECEIVE_GAS, remoteAliasOf } from '../../layerzero/layerZeroSpec';
import type { DeployStep } from '../deployStep';

/**
 * Wires the SBT OFTs as peers (the OFT has the same address on both chains, so each chain's peer for the other eid is
 * its own address) and enforces 200k lzReceive gas on plain sends, so senders need no options of their own.
 */
export const sbtPeersStep: DeployStep = {
  name: 'sbt-peers',
  async run(ctx) {
    const sbt = ctx.contracts.sbt;
    if (!sbt) throw new StrataError('INTERNAL', 'sbt-peers runs after the sbt-oft step');
    const { abi } = ctx.artifact('StrataBridgeToken');
    const remoteEid = DEVNET_LZ_EIDS[remoteAliasOf(ctx.chain.alias)];
    const peer = pad(sbt, { size: 32 }).toLowerCase();
    if ((await ctx.read<string>(sbt, abi, 'peers', [remoteEid])).toLowerCase() !== peer) await ctx.write(sbt, abi, 'setPeer', [remoteEid, peer]);
    const options = lzReceiveGasOption(SBT_LZ_RECEIVE_GAS);
    if ((await ctx.read<string>(sbt, abi, 'enforcedOptions', [remoteEid, OFT_MSG_TYPE_SEND])).toLowerCase() !== options) {
      await ctx.write(sbt, abi, 'setEnforcedOptions', [[{ eid: remoteEid, msgType: OFT_MSG_TYPE_SEND, options }]]);
    }
  },
};
