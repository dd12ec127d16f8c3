import type { CaipChainId, ChainInfo } from '../../../../shared/domain/chain';
import { StrataError } from '../../../../shared/errors';
import { ibcTimeout } from '../../cosmos/ibc/ibcTimeout';
import type { CosmosRpc } from '../../cosmos/rpc/createCosmosRpc';
import { latestBlock } from '../../cosmos/rpc/searchTxs';
import { cosmosEventsOfLogs } from '../../cosmos/tx/eventLogs';
import type { BridgeAdapter, BridgeLeg, BridgeQuote } from '../bridgeAdapter';
import { buildIbcTransfer } from './buildIbcTransfer';
import { ibcPaths, pathForLeg, type IbcPath } from './ibcPaths';
import { ibcTransferEvent, ics20PacketData } from './ics20PacketData';
import { trackIbcTransfer, type IbcDeliveryStatus } from './trackIbcTransfer';

/** Gas of one MsgTransfer at most (Cosmos Hub and Osmosis use about 90-130k): for the fee estimate only. */
export const IBC_TRANSFER_GAS = 150_000n;
/** Expected delivery: a block on each side plus a relayer's pass, per hop. */
export const IBC_ETA_SECONDS_PER_HOP = 45;

export interface IbcTransferBridgeOptions {
  /** the Cosmos chains the bridge may use (their registry channels) */
  chains: readonly ChainInfo[];
  /** the RPC of a Cosmos chain (tests: a stand-in node) */
  cosmosRpc(chain: CaipChainId): CosmosRpc;
  now?: () => number;
  /** timeout window of the first hop; defaults in ibcTimeout.ts */
  timeoutSeconds?: number;
  timeoutBlocks?: bigint;
}

/**
 * The IBC ICS-20 bridge (provider 'ibc-transfer') between the bundled Cosmos chains: legs from chain-registry's
 * transfer channels (direct, or home-then-forward through packet-forward-middleware), a quote that delivers exactly
 * what is sent (ICS-20 takes no fee; gas is the sender's), a MsgTransfer with a height and a time timeout, and
 * delivery tracked from the packet's events.
 */
export function createIbcTransferBridge(options: IbcTransferBridgeOptions): BridgeAdapter {
  const now = options.now ?? Date.now;
  const chainOf = (id: CaipChainId): ChainInfo | undefined => options.chains.find((c) => c.id === id);
  const pathOf = (leg: BridgeLeg): IbcPath => {
    const path = pathForLeg(options.chains, leg.fromAsset, leg.toAsset);
    if (path === undefined) throw new StrataError('INVALID_INPUT', `IBC does not carry ${leg.fromAsset.symbol} to that asset`);
    return path;
  };
  return {
    id: 'ibc-transfer',
    legs(from, to) {
      const source = chainOf(from.chain);
      const dest = chainOf(to.chain);
      if (source === undefined || dest === undefined) return [];
      return ibcPaths(options.chains, source, from.asset, dest).map((path) => ({ provider: 'ibc-transfer' as const, fromAsset: from.asset, toAsset: path.toAsset }));
    },
    async quote(leg, amountIn): Promise<BridgeQuote> {
      if (typeof amountIn !== 'bigint' || amountIn <= 0n) throw new StrataError('INVALID_AMOUNT', 'The amount to send must be positive');
      const path = pathOf(leg);
      return {
        leg,
        amountIn,
        amountOut: amountIn,
        // ICS-20 delivers the whole amount or refunds it: there is no partial delivery to bound.
        minAmountOut: amountIn,
        fees: [],
        callValue: 0n,
        gasUnits: IBC_TRANSFER_GAS,
        etaSeconds: IBC_ETA_SECONDS_PER_HOP * path.hops.length,
      };
    },
    async buildSend(quote, parties) {
      const path = pathOf(quote.leg);
      const firstDest = path.chains[1] as ChainInfo;
      const latest = await options.cosmosRpc(firstDest.id).withNode(latestBlock);
      const timeout = ibcTimeout(firstDest.id.slice('cosmos:'.length), latest.height, now(), { seconds: options.timeoutSeconds, blocks: options.timeoutBlocks });
      const msg = buildIbcTransfer(path, quote.amountIn, parties, timeout);
      return { calls: [{ family: 'cosmos', chain: quote.leg.fromAsset.chain, typeUrl: msg.typeUrl, value: msg.value, label: 'ibc transfer' }] };
    },
    deliveredAmount(logs, sender) {
      // ICS-20 delivers exactly what the packet carries (or refunds all of it): the packet data's amount
      // (packet_data, or packet_data_hex alone on ibc-go v10), else the transfer module's ibc_transfer event.
      const events = cosmosEventsOfLogs(logs);
      for (const event of events) {
        if (event.type !== 'send_packet') continue;
        const data = ics20PacketData(event);
        if (data !== null && data.sender === sender) return data.amount;
      }
      return ibcTransferEvent(events, sender)?.amount ?? null;
    },
    trackDelivery(sent): Promise<IbcDeliveryStatus> {
      return trackIbcTransfer(sent, { chains: options.chains, rpcOf: options.cosmosRpc, now });
    },
  };
}
