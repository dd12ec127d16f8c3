import { decodeEventLog, encodeEventTopics, encodeFunctionData, pad, zeroAddress } from 'viem';
import { StrataError } from '../../../../shared/errors';
import { buildExactApproval, EXACT_APPROVAL_GAS } from '../../evm/buildExactApproval';
import { getLogsChunked } from '../../evm/getLogsChunked';
import { minAmountOut } from '../../evm/minAmountOut';
import { readContract } from '../../evm/readContract';
import { checkAddress, checkAmount } from '../../swap/uniswapV2/uniswapV2Types';
import type { ChainRpcs, Hex, ProviderFee, StepCall } from '../../routing/routingTypes';
import type { BridgeAdapter, BridgeLeg, BridgeQuote } from '../bridgeAdapter';
import type { IbcDeliveryStatus } from '../ibcTransfer/trackIbcTransfer';
import { LZ_RECEIVE_ALERT_ABI, OAPP_PEERS_ABI, OFT_ABI } from './oftAbi';
import { oftOn, type OftDeployment, type OftRegistry, type OftToken } from './oftRegistry';
import { executedOnEndpoint, matchingReceivedLog, packetSender, sentPacketOf } from './lzDeliveryEvidence';

/**
 * Gas of an OFT send at most: the devnet's SBT send (burn, EndpointV2.send, SimpleMessageLib) uses about 123k;
 * real DVN/executor libraries cost more. A fee estimate, not a gas limit: the executor estimates before signing.
 */
export const OFT_SEND_GAS = 250_000n;

export interface LayerZeroOftBridgeOptions {
  registry: OftRegistry;
  /** Expected delivery time: a few seconds on the devnet's relayer, minutes on public chains (DVN confirmations). */
  etaSeconds: number;
}

interface Resolved {
  token: OftToken;
  source: OftDeployment;
  destination: OftDeployment;
}

interface Receipt {
  status: Hex;
  logs: Array<{ address: string; topics: Hex[]; data: Hex }>;
}

const [OFT_SENT_TOPIC] = encodeEventTopics({ abi: OFT_ABI, eventName: 'OFTSent' }) as [Hex];
const [OFT_RECEIVED_TOPIC] = encodeEventTopics({ abi: OFT_ABI, eventName: 'OFTReceived' }) as [Hex];
const [LZ_RECEIVE_ALERT_TOPIC] = encodeEventTopics({ abi: LZ_RECEIVE_ALERT_ABI, eventName: 'LzReceiveAlert' }) as [Hex];

/**
 * The LayerZero V2 OFT bridge over a registry of peered OFTs. Quotes with the OFT's own quoteOFT (what arrives after
 * dust removal to the shared decimals) and quoteSend (the messaging fee); sends with OFT.send, value = the native
 * fee; tracks by GUID: OFTSent in the source receipt, then OFTReceived(guid) on the destination OFT.
 */
export function createLayerZeroOftBridge(options: LayerZeroOftBridgeOptions): BridgeAdapter {
  const { registry, etaSeconds } = options;

  const resolve = (leg: BridgeLeg): Resolved => {
    for (const token of registry.tokens) {
      const source = oftOn(token, leg.fromAsset.chain);
      const destination = oftOn(token, leg.toAsset.chain);
      if (source && destination && source !== destination && source.asset.ref === leg.fromAsset.ref && destination.asset.ref === leg.toAsset.ref) {
        return { token, source, destination };
      }
    }
    throw new StrataError('INVALID_INPUT', `LayerZero carries no ${leg.fromAsset.symbol} from ${leg.fromAsset.chain} to ${leg.toAsset.chain}`);
  };

  const sendParam = (r: Resolved, to: string, amountLD: bigint, minAmountLD: bigint) => ({
    dstEid: r.destination.eid,
    to: pad(checkAddress(to, 'The recipient'), { size: 32 }),
    amountLD,
    minAmountLD,
    extraOptions: r.token.extraOptions,
    composeMsg: '0x' as Hex,
    oftCmd: '0x' as Hex,
  });

  /**
   * An OFT pair carries a message only when each side names the other as its peer: the source's send reverts NoPeer
   * without one, and the destination rejects (OnlyPeer) a sender that is not its peer. Checked before any quote, so
   * an unwired pair is NO_ROUTE with the reason, not a raw revert.
   */
  const checkWired = async (r: Resolved, ctx: ChainRpcs): Promise<void> => {
    const [sourcePeer, destinationPeer] = await Promise.all([
      readContract(ctx.rpc(r.source.chain), r.source.oft, OAPP_PEERS_ABI, 'peers', [r.destination.eid]),
      readContract(ctx.rpc(r.destination.chain), r.destination.oft, OAPP_PEERS_ABI, 'peers', [r.source.eid]),
    ]);
    const wired = (peer: Hex, oft: string) => peer.toLowerCase() === pad(oft as Hex, { size: 32 }).toLowerCase();
    const pair = `${r.token.symbol} over LayerZero from ${r.source.chainName} to ${r.destination.chainName}`;
    if (!wired(sourcePeer, r.destination.oft)) {
      throw new StrataError('NO_ROUTE', `No route for ${pair}: the ${r.token.symbol} OFT on ${r.source.chainName} has no peer for ${r.destination.chainName} (LayerZero eid ${r.destination.eid})`);
    }
    if (!wired(destinationPeer, r.source.oft)) {
      throw new StrataError('NO_ROUTE', `No route for ${pair}: the ${r.token.symbol} OFT on ${r.destination.chainName} does not accept messages from ${r.source.chainName} (its peer for eid ${r.source.eid} is not this OFT)`);
    }
  };

  /**
   * The LzReceiveAlert of `guid` on the destination endpoint, if its executor reported one: the receiver reverted,
   * and the message stays verified on the endpoint, not executed.
   */
  const receiveAlert = async (destination: OftDeployment, guid: Hex, fromBlock: string, ctx: ChainRpcs): Promise<boolean> => {
    const { logs: alerts } = await getLogsChunked<{ data: Hex; topics: [Hex, ...Hex[]] }>(
      ctx.rpc(destination.chain),
      { address: destination.endpoint, topics: [LZ_RECEIVE_ALERT_TOPIC, pad(destination.oft, { size: 32 })] },
      { fromBlock: BigInt(fromBlock), toBlock: 'latest' },
    );
    return alerts.some((log) => decodeEventLog({ abi: LZ_RECEIVE_ALERT_ABI, eventName: 'LzReceiveAlert', data: log.data, topics: log.topics }).args.guid.toLowerCase() === guid.toLowerCase());
  };

  const feeOf = (quote: BridgeQuote, kind: ProviderFee['kind']): bigint => quote.fees.filter((f) => f.kind === kind).reduce((sum, f) => sum + f.amount, 0n);

  return {
    id: 'layerzero-oft',

    legs(from, to) {
      const legs: BridgeLeg[] = [];
      if (from.chain === to.chain || from.asset.chain !== from.chain) return legs;
      for (const token of registry.tokens) {
        const source = oftOn(token, from.chain);
        const destination = oftOn(token, to.chain);
        if (source && destination && source.asset.ref === from.asset.ref) legs.push({ provider: 'layerzero-oft', fromAsset: source.asset, toAsset: destination.asset });
      }
      return legs;
    },

    async quote(leg, amountIn, ctx) {
      checkAmount(amountIn, 'The amount to bridge');
      const r = resolve(leg);
      await checkWired(r, ctx);
      const rpc = ctx.rpc(r.source.chain);
      const to = ctx.recipient ?? zeroAddress;
      // minAmountLD 0: quoteOFT reverts (SlippageExceeded) when what arrives is below it, and we ask what arrives.
      const [, feeDetails, receipt] = await readContract(rpc, r.source.oft, OFT_ABI, 'quoteOFT', [sendParam(r, to, amountIn, 0n)]);
      const amountOut = receipt.amountReceivedLD;
      if (amountOut <= 0n) throw new StrataError('INVALID_AMOUNT', `The amount is below the smallest ${leg.fromAsset.symbol} LayerZero can carry`);
      const minOut = minAmountOut(amountOut, ctx.slippageBps);
      const messaging = await readContract(rpc, r.source.oft, OFT_ABI, 'quoteSend', [sendParam(r, to, amountIn, minOut), false]);
      const fees: ProviderFee[] = [{ kind: 'messaging', chain: r.source.chain, asset: r.source.nativeAsset, amount: messaging.nativeFee }];
      // Fee-charging OFTs report their fee here; the devnet's SBT charges none (dust is not a fee: it stays with the sender).
      for (const detail of feeDetails) {
        if (detail.feeAmountLD > 0n) fees.push({ kind: 'bridge', chain: r.source.chain, asset: r.source.asset, amount: detail.feeAmountLD });
      }
      return {
        leg: { provider: 'layerzero-oft', fromAsset: r.source.asset, toAsset: r.destination.asset },
        amountIn,
        amountOut,
        minAmountOut: minOut,
        fees,
        callValue: messaging.nativeFee,
        gasUnits: OFT_SEND_GAS + (r.source.approvalRequired ? EXACT_APPROVAL_GAS : 0n),
        etaSeconds,
      };
    },

    async buildSend(quote, parties, ctx) {
      const r = resolve(quote.leg);
      const sender = checkAddress(parties.sender, 'The sender');
      const param = sendParam(r, parties.recipient, checkAmount(quote.amountIn, 'The amount to bridge'), quote.minAmountOut);
      const nativeFee = feeOf(quote, 'messaging');
      const calls: StepCall[] = [];
      if (r.source.approvalRequired) {
        const approval = buildExactApproval(checkAddress(r.source.asset.ref, 'The token'), r.source.oft, quote.amountIn);
        calls.push({ family: 'evm', chain: r.source.chain, ...approval, label: `approve ${r.source.asset.symbol}` });
      }
      const data = encodeFunctionData({ abi: OFT_ABI, functionName: 'send', args: [param, { nativeFee, lzTokenFee: 0n }, sender] });
      calls.push({ family: 'evm', chain: r.source.chain, to: r.source.oft, data, value: nativeFee, label: `send ${r.source.asset.symbol} over LayerZero` });
      // Delivery can only happen after this block: tracking scans the destination from here, not from genesis.
      const destinationBlock = await ctx.rpc(r.destination.chain)<Hex>('eth_blockNumber');
      return { calls, trackingKey: destinationBlock };
    },

    deliveredAmount(logs, sender, chain) {
      // The OFT's amountReceivedLD (dust removed) from its OFTSent, emitted by one of the registry's OFTs.
      const ofts = new Set(registry.tokens.flatMap((t) => t.deployments.filter((d) => chain === undefined || d.chain === chain).map((d) => d.oft.toLowerCase())));
      for (const log of logs) {
        if (!ofts.has(log.address.toLowerCase()) || log.topics[0] !== OFT_SENT_TOPIC) continue;
        const { args } = decodeEventLog({ abi: OFT_ABI, eventName: 'OFTSent', data: log.data as Hex, topics: log.topics as [Hex, ...Hex[]] });
        if (args.fromAddress.toLowerCase() === sender.toLowerCase()) return args.amountReceivedLD;
      }
      return null;
    },

    async trackDelivery(sent, ctx): Promise<IbcDeliveryStatus> {
      const receipt = await ctx.rpc(sent.chain)<Receipt | null>('eth_getTransactionReceipt', [sent.txHash]);
      if (!receipt) return { state: 'inflight', detail: 'The source transaction is not mined yet' };
      if (receipt.status !== '0x1') return { state: 'failed', detail: 'The source transaction reverted: nothing was sent' };
      const sources = registry.tokens.flatMap((t) => t.deployments.filter((d) => d.chain === sent.chain).map((d) => ({ token: t, oft: d.oft.toLowerCase() })));
      for (const log of receipt.logs) {
        const source = sources.find((s) => s.oft === log.address.toLowerCase());
        if (!source || log.topics[0] !== OFT_SENT_TOPIC) continue;
        const { args } = decodeEventLog({ abi: OFT_ABI, eventName: 'OFTSent', data: log.data, topics: log.topics as [Hex, ...Hex[]] });
        const destination = source.token.deployments.find((d) => d.eid === args.dstEid);
        if (!destination) return { state: 'failed', detail: `The message went to LayerZero eid ${args.dstEid}, which Strata does not know`, guid: args.guid };
        const origin = source.token.deployments.find((d) => d.chain === sent.chain && d.oft.toLowerCase() === source.oft);
        const packet = origin ? sentPacketOf(receipt.logs, origin.endpoint, args.guid, args.amountReceivedLD) : null;
        if (!origin || !packet || packet.sender.toLowerCase() !== packetSender(origin).toLowerCase() || packet.dstEid !== destination.eid || packet.srcEid !== origin.eid) {
          return { state: 'failed', detail: `The source transaction has no LayerZero packet from the ${source.token.symbol} OFT for this message`, guid: args.guid };
        }
        const fromBlock = sent.trackingKey !== undefined && /^0x[0-9a-fA-F]{1,16}$/.test(sent.trackingKey) ? sent.trackingKey : '0x0';
        // Delivered only on evidence: the destination endpoint's own state says the packet executed, and the
        // destination OFT's OFTReceived (GUID topic) credits the packet's recipient with exactly the amount sent. A log
        // from another address, for another recipient or amount (a lying RPC) is not delivery.
        if (await executedOnEndpoint(destination, packet, ctx)) {
          // Chunked: public endpoints refuse wide ranges (the scan starts at the journaled destination block).
          const { logs: received } = await getLogsChunked<{ transactionHash: Hex; address: string; topics: Hex[]; data: Hex }>(
            ctx.rpc(destination.chain),
            { address: destination.oft, topics: [OFT_RECEIVED_TOPIC, args.guid] },
            { fromBlock: BigInt(fromBlock), toBlock: 'latest' },
          );
          const delivery = matchingReceivedLog(received, destination, packet);
          if (delivery) {
            return { state: 'delivered', detail: 'Delivered', destinationChain: destination.chain, destinationTxHash: delivery.transactionHash, guid: args.guid };
          }
        }
        if (await receiveAlert(destination, args.guid, fromBlock, ctx)) {
          const where = `LayerZero's endpoint ${destination.endpoint} on ${destination.chainName}`;
          return {
            state: 'failed',
            detail: `the receiving ${source.token.symbol} OFT on ${destination.chainName} rejected the message; the tokens are held by ${where} (verified, not executed) and can be delivered by retrying lzReceive once the receiver accepts`,
            destinationChain: destination.chain,
            guid: args.guid,
            // 'none': nothing will move by itself; the user (or anyone) retries the delivery on the destination.
            fundsAt: { chain: destination.chain, address: destination.endpoint, action: 'none' },
          };
        }
        return { state: 'inflight', detail: 'Waiting for LayerZero to deliver the message', destinationChain: destination.chain, guid: args.guid };
      }
      return { state: 'failed', detail: 'The transaction sent no LayerZero OFT message' };
    },
  };
}
