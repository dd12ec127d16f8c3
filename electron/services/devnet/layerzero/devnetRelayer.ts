import { StrataError } from '../../../../shared/errors';
import { startAxelarRelayer, type AxelarRelayer } from '../axelar/axelarRelayer';
import { AXELAR_OPERATOR_PRIVATE_KEY, AXELAR_TRANSFER_FEES, DEVNET_AXELAR_CHAIN_NAMES } from '../axelar/axelarSpec';
import type { Address, Hex } from '../deploy/deployStep';
import type { DevnetAlias } from '../devnetSpec';
import type { RpcRequest } from '../jsonRpc';
import { DEVNET_LZ_EIDS } from './layerZeroSpec';
import { startLayerZeroRelayer, type LayerZeroRelayer } from './relayer';

/**
 * The devnet's relayers behind one switch: LayerZero packets (this object's own `delivered`, `pending` and `failed`
 * lists, as before) and Axelar token transfers (`axelar`). pause/resume/runOnce/stop act on both; waitForDelivery
 * takes a LayerZero GUID or an Axelar command id; `delivered` and `failed` list both; `pending` lists LayerZero
 * packets (Axelar's are in `axelar.pending`).
 */
export interface DevnetRelayer extends LayerZeroRelayer {
  readonly layerZero: LayerZeroRelayer;
  readonly axelar: AxelarRelayer;
}

/**
 * The relayers for a started devnet: each covers both chains when its deploy steps ran (an endpoint and
 * SimpleMessageLib; an Axelar gateway), otherwise it has no chains and never polls.
 */
export function startDevnetRelayer(options: {
  contracts: Record<string, string>;
  chains: ReadonlyArray<{ alias: DevnetAlias; chainId: number; request: RpcRequest }>;
  privateKey: Hex;
  intervalMs?: number;
  log?: (line: string) => void;
}): DevnetRelayer {
  const endpoint = options.contracts.lzEndpoint as Address | undefined;
  const messageLib = options.contracts.lzSimpleMessageLib as Address | undefined;
  const gateway = options.contracts.axelarGateway as Address | undefined;
  const lzChains = endpoint && messageLib ? options.chains.map((c) => ({ ...c, eid: DEVNET_LZ_EIDS[c.alias], endpoint, messageLib })) : [];
  const axelarChains = gateway ? options.chains.map((c) => ({ ...c, name: DEVNET_AXELAR_CHAIN_NAMES[c.alias], gateway })) : [];
  const layerZero = startLayerZeroRelayer({ chains: lzChains, privateKey: options.privateKey, intervalMs: options.intervalMs, log: options.log });
  const axelar = startAxelarRelayer({ chains: axelarChains, operatorPrivateKey: AXELAR_OPERATOR_PRIVATE_KEY, fees: AXELAR_TRANSFER_FEES, intervalMs: options.intervalMs, log: options.log });
  return {
    layerZero,
    axelar,
    get paused() {
      return layerZero.paused;
    },
    get delivered() {
      return [...layerZero.delivered, ...axelar.delivered];
    },
    get alerted() {
      return layerZero.alerted;
    },
    get pending() {
      return layerZero.pending;
    },
    get failed() {
      return [...layerZero.failed, ...axelar.failed];
    },
    async pause() {
      await Promise.all([layerZero.pause(), axelar.pause()]);
    },
    resume() {
      layerZero.resume();
      axelar.resume();
    },
    async runOnce() {
      // Different signers (account 19, the Axelar operator): the two passes may run side by side.
      const [lz, ax] = await Promise.all([layerZero.runOnce(), axelar.runOnce()]);
      return [...lz, ...ax];
    },
    async waitForDelivery(id, timeoutMs = 10_000) {
      try {
        await Promise.any([layerZero.waitForDelivery(id, timeoutMs), axelar.waitForDelivery(id, timeoutMs)]);
      } catch {
        throw new StrataError('RPC_UNAVAILABLE', `Message ${id.toLowerCase()} was not delivered within ${timeoutMs} ms`);
      }
    },
    async stop() {
      await Promise.all([layerZero.stop(), axelar.stop()]);
    },
  };
}

/**
 * The Axelar relayer of a devnet's relayer (`Devnet.relayer` is typed as the LayerZero one).
 * @throws StrataError DEVNET_NOT_RUNNING when the relayer was not started by startDevnetRelayer
 */
export function axelarRelayerOf(relayer: LayerZeroRelayer): AxelarRelayer {
  const axelar = (relayer as Partial<DevnetRelayer>).axelar;
  if (!axelar) throw new StrataError('DEVNET_NOT_RUNNING', 'This devnet relayer has no Axelar relayer');
  return axelar;
}
