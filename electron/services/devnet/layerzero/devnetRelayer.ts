import type { Address, Hex } from '../deploy/deployStep';
import type { DevnetAlias } from '../devnetSpec';
import type { RpcRequest } from '../jsonRpc';
import { DEVNET_LZ_EIDS } from './layerZeroSpec';
import { startLayerZeroRelayer, type LayerZeroRelayer } from './relayer';

/**
 * The relayer for a started devnet: both chains when the LayerZero steps deployed an endpoint and SimpleMessageLib,
 * otherwise (custom steps without LayerZero) a relayer with no chains that never polls.
 */
export function startDevnetRelayer(options: {
  contracts: Record<string, string>;
  chains: ReadonlyArray<{ alias: DevnetAlias; chainId: number; request: RpcRequest }>;
  privateKey: Hex;
  intervalMs?: number;
  log?: (line: string) => void;
}): LayerZeroRelayer {
  const endpoint = options.contracts.lzEndpoint as Address | undefined;
  const messageLib = options.contracts.lzSimpleMessageLib as Address | undefined;
  const chains =
    endpoint && messageLib ? options.chains.map((c) => ({ ...c, eid: DEVNET_LZ_EIDS[c.alias], endpoint, messageLib })) : [];
  return startLayerZeroRelayer({ chains, privateKey: options.privateKey, intervalMs: options.intervalMs, log: options.log });
}
