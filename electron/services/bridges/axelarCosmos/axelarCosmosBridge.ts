import { decodeEventLog, encodeEventTopics, encodeFunctionData, erc20Abi, isAddress } from 'viem';
import type { AssetInfo } from '../../../../shared/domain/asset';
import type { CaipChainId } from '../../../../shared/domain/chain';
import { parseBech32Address } from '../../../../shared/addresses/bech32Address';
import { StrataError } from '../../../../shared/errors';
import type { Hex, ProviderFee, StepCall } from '../../routing/routingTypes';
import { buildExactApproval, EXACT_APPROVAL_GAS } from '../../evm/buildExactApproval';
import { checkAddress, checkAmount } from '../../swap/uniswapV2/uniswapV2Types';
import { cosmosEventsOfLogs } from '../../cosmos/tx/eventLogs';
import type { BridgeAdapter, BridgeLeg, DeliveryStatus, SentBridgeTx } from '../bridgeAdapter';
import type { AxelarFeeSource } from './axelarFeeSource';
import { AXELAR_GMP_ACCOUNT, MAINNET_AXELAR_COSMOS_CHAINS, MAINNET_AXELAR_EVM_CHAINS, type AxelarEvmChain } from './axelarNetwork';
import { AXELAR_USDC_DENOM, axelarCosmosRoute, type AxelarCosmosRoute } from './axelarCosmosRoutes';
import type { AxelarTransferStatusSource } from './axelarscanClient';
import { buildAxelarMsgTransfer, MSG_TRANSFER_TYPE_URL } from './buildAxelarMsgTransfer';
import { deliveryFromAxelarscan, type DeliveryContext } from './deliveryFromAxelarscan';
import { AXELAR_GATEWAY_ABI } from '../axelarGateway/axelarGatewayAbi';
import { AXELAR_SEND_TOKEN_GAS } from '../axelarGateway/axelarGatewayBridge';

/** An ICS-20 MsgTransfer with a memo on a Cosmos SDK chain: about 120-150k gas. */
export const IBC_TRANSFER_GAS = 200_000n;

/** What happened to the ICS-20 packet of a Cosmos-side send on its source chain (from an IBC packet tracker). */
export type SourcePacketState = 'pending' | 'acknowledged' | 'refunded' | 'unknown';

export interface AxelarCosmosBridgeOptions {
  /** The EVM chains with an Axelar gateway (MAINNET_AXELAR_EVM_CHAINS, or the devnet's). */
  evmChains?: readonly AxelarEvmChain[];
  /** The Cosmos chains axlUSDC goes to and comes from, by chain-registry name (MAINNET_AXELAR_COSMOS_CHAINS). */
  cosmosChains?: readonly string[];
  fees: AxelarFeeSource;
  status: AxelarTransferStatusSource;
  /**
   * For Cosmos -> EVM sends: the fate of the ICS-20 packet to Axelar on the source chain. Axelar refuses a packet
   * with an error acknowledgement (and the source chain refunds it) before Axelarscan ever lists it, so only the
   * source chain knows. Without it, such a refund stays "waiting for Axelar".
   */
  sourcePacket?: (sent: SentBridgeTx) => Promise<SourcePacketState>;
  /** Expected Cosmos -> EVM time (Axelar confirmation, signing, relaying): default 15 min. */
  cosmosToEvmEtaSeconds?: number;
  /** IBC timeout of the Cosmos-side MsgTransfer: default 10 min. */
  ibcTimeoutSeconds?: number;
  /** An unfinished transfer older than this (past Axelar's confirmation) is reported stuck at Axelar: default 3 h. */
  stuckAfterSeconds?: number;
  now?: () => number;
}

/** One resolved leg: the EVM side, the Cosmos side, and which way the tokens go. */
interface Resolved {
  evm: AxelarEvmChain;
  cosmos: AxelarCosmosRoute;
  toCosmos: boolean;
}

interface Receipt {
  status: Hex;
  logs: Array<{ address: string; topics: Hex[]; data: Hex }>;
}

const [TOKEN_SENT_TOPIC] = encodeEventTopics({ abi: AXELAR_GATEWAY_ABI, eventName: 'TokenSent' }) as [Hex];
const [TRANSFER_TOPIC] = encodeEventTopics({ abi: erc20Abi, eventName: 'Transfer' }) as [Hex];

/** The gateway's USDC on an EVM chain as an AssetInfo. */
export function evmUsdcAsset(evm: AxelarEvmChain): AssetInfo {
  return { chain: evm.chain, ref: evm.usdc.address, symbol: evm.usdc.symbol, name: evm.usdc.name, decimals: 6, priceId: evm.usdc.priceId };
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** Quoted fees kept for deliveredAmount (one per send in flight; the oldest go first). */
const QUOTED_FEES_KEPT = 256;

/** A send read from its receipt: Axelar's names of both ends and the amount taken from the sender. */
interface SentAmount {
  sourceChain: string;
  destinationChain: string;
  amount: bigint;
}

/**
 * Axelar between EVM chains and Cosmos chains, for USDC: the gateway's USDC (Circle's on Ethereum, axlUSDC elsewhere)
 * becomes axlUSDC (Axelar's `uusdc` over IBC) on Osmosis, Cosmos Hub, Neutron or Injective, and back.
 * - EVM -> Cosmos: an exact approval, then gateway `sendToken(cosmosChain, bech32 recipient, symbol, amount)`.
 * - Cosmos -> EVM: an ICS-20 MsgTransfer to Axelar's GMP account with a send-token memo.
 * - Quote: Axelar's transfer fee from the fee source; amountOut = amountIn - fee. Axelar enforces no minimum, and
 *   its fee is a network parameter, not a market: minAmountOut = amountOut.
 * - Tracking: the source receipt (TokenSent) on EVM, then Axelarscan's stages to the arrival; on an EVM destination
 *   the relayed transaction's ERC-20 Transfer to the recipient is checked on chain.
 */
export function createAxelarCosmosBridge(options: AxelarCosmosBridgeOptions): BridgeAdapter {
  const evmChains = options.evmChains ?? MAINNET_AXELAR_EVM_CHAINS;
  const cosmosRoutes = (options.cosmosChains ?? MAINNET_AXELAR_COSMOS_CHAINS).map(axelarCosmosRoute);
  const now = options.now ?? Date.now;
  const stuckAfterMs = (options.stuckAfterSeconds ?? 3 * 3600) * 1000;
  const cosmosToEvmEta = options.cosmosToEvmEtaSeconds ?? 15 * 60;
  const timeoutSeconds = options.ibcTimeoutSeconds ?? 600;

  const evmOn = (chain: CaipChainId) => evmChains.find((e) => e.chain === chain);
  const cosmosOn = (chain: CaipChainId) => cosmosRoutes.find((r) => r.chain === chain);

  const resolve = (leg: BridgeLeg): Resolved => {
    const fromEvm = evmOn(leg.fromAsset.chain);
    const toEvm = evmOn(leg.toAsset.chain);
    const fromCosmos = cosmosOn(leg.fromAsset.chain);
    const toCosmos = cosmosOn(leg.toAsset.chain);
    if (fromEvm && toCosmos && same(leg.fromAsset.ref, fromEvm.usdc.address) && leg.toAsset.ref === toCosmos.asset.ref) {
      return { evm: fromEvm, cosmos: toCosmos, toCosmos: true };
    }
    if (fromCosmos && toEvm && leg.fromAsset.ref === fromCosmos.asset.ref && same(leg.toAsset.ref, toEvm.usdc.address)) {
      return { evm: toEvm, cosmos: fromCosmos, toCosmos: false };
    }
    throw new StrataError('INVALID_INPUT', `Axelar carries no ${leg.fromAsset.symbol} from ${leg.fromAsset.chain} to ${leg.toAsset.chain}`);
  };

  const legOf = (r: Resolved): BridgeLeg => {
    const evmAsset = evmUsdcAsset(r.evm);
    return r.toCosmos
      ? { provider: 'axelar-gateway', fromAsset: evmAsset, toAsset: r.cosmos.asset }
      : { provider: 'axelar-gateway', fromAsset: r.cosmos.asset, toAsset: evmAsset };
  };

  const names = (r: Resolved) => (r.toCosmos ? [r.evm.axelarName, r.cosmos.axelarName] : [r.cosmos.axelarName, r.evm.axelarName]) as [string, string];

  async function trackFromEvm(sent: SentBridgeTx, evm: AxelarEvmChain, ctx: Parameters<BridgeAdapter['trackDelivery']>[1]): Promise<DeliveryStatus> {
    const receipt = await ctx.rpc(sent.chain)<Receipt | null>('eth_getTransactionReceipt', [sent.txHash]);
    if (!receipt) return { state: 'inflight', detail: 'The source transaction is not mined yet' };
    if (receipt.status !== '0x1') return { state: 'failed', detail: 'The source transaction reverted: nothing was sent' };
    const log = receipt.logs.find((l) => same(l.address, evm.gateway) && l.topics[0] === TOKEN_SENT_TOPIC);
    if (!log) return { state: 'failed', detail: "The transaction sent nothing through Axelar's gateway" };
    const { args } = decodeEventLog({ abi: AXELAR_GATEWAY_ABI, eventName: 'TokenSent', data: log.data, topics: log.topics as [Hex, ...Hex[]] });
    const route = cosmosRoutes.find((r) => same(r.axelarName, args.destinationChain));
    if (!route) return { state: 'failed', detail: `The tokens went to Axelar chain "${args.destinationChain.slice(0, 40)}", which this bridge does not track` };
    const record = await options.status.transferByTxHash(sent.txHash);
    return deliveryFromAxelarscan(record, context(route.chain, route.axelarName, evm.axelarName, evm.finalityMinutes, route.asset.symbol));
  }

  async function trackFromCosmos(sent: SentBridgeTx, route: AxelarCosmosRoute, ctx: Parameters<BridgeAdapter['trackDelivery']>[1]): Promise<DeliveryStatus> {
    if (options.sourcePacket && (await options.sourcePacket(sent)) === 'refunded') {
      return {
        state: 'failed',
        detail: `Refunded: Axelar refused the IBC transfer and ${route.axelarName} returned the ${route.asset.symbol} to ${sent.sender ?? 'the sender'}`,
        fundsAt: { chain: route.chain, address: sent.sender ?? '', action: 'none' },
      };
    }
    const record = await options.status.transferByTxHash(sent.txHash.replace(/^0x/, '').toUpperCase());
    if (record === null) return { state: 'inflight', detail: `Waiting for the IBC transfer from ${route.axelarName} to reach Axelar` };
    const destination = record.send?.destination_chain ?? record.link?.destination_chain ?? '';
    const evm = evmChains.find((e) => same(e.axelarName, destination));
    if (evm === undefined) return { state: 'failed', detail: `The tokens went to Axelar chain "${destination.slice(0, 40)}", which this bridge does not track` };
    const status = deliveryFromAxelarscan(record, context(evm.chain, evm.axelarName, route.axelarName, undefined, route.asset.symbol));
    if (status.state !== 'delivered' || status.destinationTxHash === undefined) return status;
    const recipient = sent.trackingKey !== undefined && isAddress(sent.trackingKey, { strict: false }) ? sent.trackingKey : undefined;
    return checkEvmArrival(status, evm, recipient, ctx);
  }

  /** Axelarscan says the command was relayed: the receipt must show the token's Transfer to the recipient. */
  async function checkEvmArrival(status: DeliveryStatus, evm: AxelarEvmChain, recipient: string | undefined, ctx: Parameters<BridgeAdapter['trackDelivery']>[1]): Promise<DeliveryStatus> {
    const receipt = await ctx.rpc(evm.chain)<Receipt | null>('eth_getTransactionReceipt', [status.destinationTxHash]);
    if (!receipt) return { ...status, state: 'inflight', detail: `Axelar relayed the transfer; waiting for ${evm.axelarName} to show the transaction` };
    for (const log of receipt.logs) {
      if (!same(log.address, evm.usdc.address) || log.topics[0] !== TRANSFER_TOPIC) continue;
      const { args } = decodeEventLog({ abi: erc20Abi, eventName: 'Transfer', data: log.data, topics: log.topics as [Hex, ...Hex[]] });
      if (recipient === undefined || same(args.to, recipient)) return status;
    }
    return { ...status, state: 'failed', detail: `Axelar reports delivery, but the ${evm.axelarName} transaction carries no ${evm.usdc.symbol} transfer to the recipient` };
  }

  // The fee of each quoted amount, by "source|destination|amount": the send's delivered amount needs no second ask.
  const quotedFees = new Map<string, bigint>();
  const feeKey = (sourceChain: string, destinationChain: string, amount: bigint) => `${sourceChain}|${destinationChain}|${amount}`;
  const transferFee = async (sentAmount: SentAmount): Promise<bigint> => {
    const { sourceChain, destinationChain, amount } = sentAmount;
    const known = quotedFees.get(feeKey(sourceChain, destinationChain, amount));
    if (known !== undefined) return known;
    return options.fees.transferFee({ sourceChain, destinationChain, denom: AXELAR_USDC_DENOM, amount });
  };

  /** The send of `sender` in a confirmed receipt's logs: gateway TokenSent (EVM) or the ICS-20 packet to Axelar (Cosmos). */
  const sentAmountOf = (logs: Parameters<NonNullable<BridgeAdapter['deliveredAmount']>>[0], sender: string, chain: CaipChainId | undefined): SentAmount | null => {
    for (const log of logs) {
      // One gateway address serves several chains: the chain of the send tells which one's fee applies.
      const evm = evmChains.find((e) => same(e.gateway, log.address) && (chain === undefined || e.chain === chain));
      if (!evm || log.topics[0] !== TOKEN_SENT_TOPIC) continue;
      const { args } = decodeEventLog({ abi: AXELAR_GATEWAY_ABI, eventName: 'TokenSent', data: log.data as Hex, topics: log.topics as [Hex, ...Hex[]] });
      if (same(args.sender, sender)) return { sourceChain: evm.axelarName, destinationChain: args.destinationChain, amount: args.amount };
    }
    for (const event of cosmosEventsOfLogs(logs)) {
      if (event.type !== 'send_packet') continue;
      const channel = event.attributes.find((a) => a.key === 'packet_src_channel')?.value;
      try {
        const data = JSON.parse(event.attributes.find((a) => a.key === 'packet_data')?.value ?? '') as { amount?: unknown; sender?: unknown; receiver?: unknown; memo?: unknown };
        const memo = typeof data.memo === 'string' ? (JSON.parse(data.memo) as { destination_chain?: unknown }) : {};
        const route = cosmosRoutes.find((r) => r.channelToAxelar === channel && typeof data.sender === 'string' && data.sender.startsWith(`${r.bech32Prefix}1`));
        if (route && data.sender === sender && data.receiver === AXELAR_GMP_ACCOUNT && typeof memo.destination_chain === 'string' && typeof data.amount === 'string' && /^[0-9]{1,78}$/.test(data.amount)) {
          return { sourceChain: route.axelarName, destinationChain: memo.destination_chain, amount: BigInt(data.amount) };
        }
      } catch {
        // packet_data_hex only (newer ibc-go) or a memo that is not JSON: not a send this adapter built.
      }
    }
    return null;
  };

  const context = (chain: CaipChainId, destinationName: string, sourceName: string, finalityMinutes: number | undefined, symbol: string): DeliveryContext => ({
    destinationChain: chain,
    destinationName,
    sourceName,
    finalityMinutes,
    symbol,
    nowMs: now(),
    stuckAfterMs,
  });

  return {
    id: 'axelar-gateway',

    legs(from, to) {
      if (from.chain === to.chain || from.asset.chain !== from.chain) return [];
      const fromEvm = evmOn(from.chain);
      const toCosmos = cosmosOn(to.chain);
      if (fromEvm && toCosmos && same(from.asset.ref, fromEvm.usdc.address)) return [legOf({ evm: fromEvm, cosmos: toCosmos, toCosmos: true })];
      const fromCosmos = cosmosOn(from.chain);
      const toEvm = evmOn(to.chain);
      if (fromCosmos && toEvm && from.asset.ref === fromCosmos.asset.ref) return [legOf({ evm: toEvm, cosmos: fromCosmos, toCosmos: false })];
      return [];
    },

    async quote(leg, amountIn) {
      checkAmount(amountIn, 'The amount to bridge');
      const r = resolve(leg);
      const [sourceChain, destinationChain] = names(r);
      const fee = await options.fees.transferFee({ sourceChain, destinationChain, denom: AXELAR_USDC_DENOM, amount: amountIn });
      quotedFees.delete(feeKey(sourceChain, destinationChain, amountIn));
      quotedFees.set(feeKey(sourceChain, destinationChain, amountIn), fee);
      if (quotedFees.size > QUOTED_FEES_KEPT) quotedFees.delete(quotedFees.keys().next().value as string);
      const canonical = legOf(r);
      if (fee >= amountIn) {
        throw new StrataError('INVALID_AMOUNT', `The amount must be more than Axelar's transfer fee of ${fee} base units of ${canonical.fromAsset.symbol}`);
      }
      const amountOut = amountIn - fee;
      const fees: ProviderFee[] = fee > 0n ? [{ kind: 'bridge', chain: canonical.fromAsset.chain, asset: canonical.fromAsset, amount: fee }] : [];
      return {
        leg: canonical,
        amountIn,
        amountOut,
        minAmountOut: amountOut,
        fees,
        callValue: 0n,
        gasUnits: r.toCosmos ? EXACT_APPROVAL_GAS + AXELAR_SEND_TOKEN_GAS : IBC_TRANSFER_GAS,
        etaSeconds: r.toCosmos ? r.evm.finalityMinutes * 60 + 5 * 60 : cosmosToEvmEta,
      };
    },

    async buildSend(quote, parties) {
      const r = resolve(quote.leg);
      const amount = checkAmount(quote.amountIn, 'The amount to bridge');
      if (r.toCosmos) {
        checkAddress(parties.sender, 'The sender');
        const recipient = parseBech32Address(parties.recipient, r.cosmos.bech32Prefix).address;
        const approval = buildExactApproval(r.evm.usdc.address, r.evm.gateway, amount);
        const data = encodeFunctionData({ abi: AXELAR_GATEWAY_ABI, functionName: 'sendToken', args: [r.cosmos.axelarName, recipient, r.evm.usdc.symbol, amount] });
        const calls: StepCall[] = [
          { family: 'evm', chain: r.evm.chain, ...approval, label: `approve ${r.evm.usdc.symbol}` },
          { family: 'evm', chain: r.evm.chain, to: r.evm.gateway, data, value: 0n, label: `send ${r.evm.usdc.symbol} to ${r.cosmos.axelarName} over Axelar` },
        ];
        return { calls };
      }
      const sender = parseBech32Address(parties.sender, r.cosmos.bech32Prefix).address;
      const recipient = checkAddress(parties.recipient, 'The recipient');
      const value = buildAxelarMsgTransfer({
        sender,
        sourceChannel: r.cosmos.channelToAxelar,
        denom: r.cosmos.asset.ref,
        amount,
        destinationChain: r.evm.axelarName,
        destinationAddress: recipient,
        timeoutTimestampNs: BigInt(now() + timeoutSeconds * 1000) * 1_000_000n,
      });
      const call: StepCall = { family: 'cosmos', chain: r.cosmos.chain, typeUrl: MSG_TRANSFER_TYPE_URL, value, label: `send ${r.cosmos.asset.symbol} to ${r.evm.axelarName} over Axelar` };
      // The recipient is in the memo, which tracking cannot read back: it checks the EVM Transfer against this key.
      return { calls: [call], trackingKey: recipient };
    },

    /**
     * What arrives: the amount the send took less Axelar's fee for it (the fee quoted before the send, else asked
     * again). @throws RPC_UNAVAILABLE when the fee must be asked and Axelar's fee API cannot be reached
     */
    async deliveredAmount(logs, sender, chain) {
      const sentAmount = sentAmountOf(logs, sender, chain);
      if (sentAmount === null) return null;
      const fee = await transferFee(sentAmount);
      return sentAmount.amount > fee ? sentAmount.amount - fee : 0n;
    },

    async trackDelivery(sent, ctx) {
      const evm = evmOn(sent.chain);
      if (evm) return trackFromEvm(sent, evm, ctx);
      const route = cosmosOn(sent.chain);
      if (route) return trackFromCosmos(sent, route, ctx);
      throw new StrataError('INVALID_INPUT', `Axelar sends nothing from ${sent.chain} in Strata`);
    },
  };
}
