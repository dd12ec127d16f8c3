import { decodeEventLog, encodeEventTopics, encodeFunctionData, erc20Abi, getAddress, toHex } from 'viem';
import { StrataError } from '../../../../shared/errors';
import { buildExactApproval, EXACT_APPROVAL_GAS } from '../../evm/buildExactApproval';
import { getLogsChunked } from '../../evm/getLogsChunked';
import { minAmountOut } from '../../evm/minAmountOut';
import { readContract } from '../../evm/readContract';
import { checkAddress, checkAmount } from '../../swap/uniswapV2/uniswapV2Types';
import type { ChainRpcs, Hex, StepCall } from '../../routing/routingTypes';
import { formatAmount } from '../../../../shared/amounts';
import type { BridgeAdapter, BridgeLeg, DeliveryStatus } from '../bridgeAdapter';
import { AXELAR_GATEWAY_ABI } from './axelarGatewayAbi';
import type { AxelarGatewayDeployment, AxelarGatewayRegistry, AxelarGatewayToken } from './axelarGatewayRegistry';

/** Gas of sendToken at most: an external token's transferFrom into the gateway and TokenSent use about 60k. */
export const AXELAR_SEND_TOKEN_GAS = 120_000n;

export interface AxelarGatewayBridgeOptions {
  registry: AxelarGatewayRegistry;
  /** Expected delivery time (devnet: DEVNET_AXELAR_ETA_SECONDS; public chains: source finality plus a signing round). */
  etaSeconds: number;
}

interface Resolved {
  token: AxelarGatewayToken;
  source: AxelarGatewayDeployment;
  destination: AxelarGatewayDeployment;
}

interface Receipt {
  status: Hex;
  transactionHash: Hex;
  logs: Array<{ address: string; topics: Hex[]; data: Hex; logIndex: Hex }>;
}

interface LogLike {
  address: string;
  topics: readonly string[];
  data: string;
}

const [TOKEN_SENT_TOPIC] = encodeEventTopics({ abi: AXELAR_GATEWAY_ABI, eventName: 'TokenSent' }) as [Hex];
const [EXECUTED_TOPIC] = encodeEventTopics({ abi: AXELAR_GATEWAY_ABI, eventName: 'Executed' }) as [Hex];

/**
 * Axelar token transfers through its gateways (sendToken: the source gateway locks or burns, the destination
 * gateway unlocks or mints on a `mintToken` command). Axelar keeps a fixed fee per token from the amount; the send
 * carries no native value. Tracking: TokenSent in the source receipt gives the command id (registry.commandIdOf),
 * then the destination gateway's isCommandExecuted(id) and its Executed(id) log.
 */
export function createAxelarGatewayBridge(options: AxelarGatewayBridgeOptions): BridgeAdapter {
  const { registry, etaSeconds } = options;
  const gatewayOn = (chain: string): AxelarGatewayDeployment | undefined => registry.gateways.find((g) => g.chain === chain);
  const assetOn = (token: AxelarGatewayToken, chain: string) => token.assets.find((a) => a.chain === chain);

  const resolve = (leg: BridgeLeg): Resolved => {
    const source = gatewayOn(leg.fromAsset.chain);
    const destination = gatewayOn(leg.toAsset.chain);
    const token = registry.tokens.find((t) => assetOn(t, leg.fromAsset.chain)?.ref === leg.fromAsset.ref && assetOn(t, leg.toAsset.chain)?.ref === leg.toAsset.ref);
    if (!source || !destination || !token || source === destination) {
      throw new StrataError('INVALID_INPUT', `Axelar carries no ${leg.fromAsset.symbol} from ${leg.fromAsset.chain} to ${leg.toAsset.chain}`);
    }
    return { token, source, destination };
  };

  /**
   * Why the destination gateway cannot execute the mintToken of `amount` `symbol` now, or null when it can: an
   * external token is unlocked from the gateway's own balance, and the gateway leaves a command it cannot execute
   * unexecuted (no Executed, isCommandExecuted false) for the network to retry.
   */
  const cannotRelease = async (destination: AxelarGatewayDeployment, symbol: string, amount: bigint, ctx: ChainRpcs): Promise<string | null> => {
    const token = registry.tokens.find((t) => t.symbol === symbol);
    const asset = token && assetOn(token, destination.chain);
    if (!token || !asset || asset.ref === 'native') return null;
    const owed = amount > token.fee ? amount - token.fee : 0n;
    const held = await readContract(ctx.rpc(destination.chain), checkAddress(asset.ref, 'The token'), erc20Abi, 'balanceOf', [destination.gateway]);
    return held < owed ? `it holds ${formatAmount(held, asset.decimals)} ${symbol}, the transfer needs ${formatAmount(owed, asset.decimals)}` : null;
  };

  return {
    id: 'axelar-gateway',

    legs(from, to) {
      const source = gatewayOn(from.chain);
      if (from.chain === to.chain || from.asset.chain !== from.chain || !source || !gatewayOn(to.chain)) return [];
      return registry.tokens.flatMap((token) => {
        const fromAsset = assetOn(token, from.chain);
        const toAsset = assetOn(token, to.chain);
        return fromAsset && toAsset && fromAsset.ref === from.asset.ref ? [{ provider: 'axelar-gateway' as const, fromAsset, toAsset }] : [];
      });
    },

    async quote(leg, amountIn, ctx) {
      checkAmount(amountIn, 'The amount to bridge');
      const r = resolve(leg);
      const fromAsset = assetOn(r.token, r.source.chain) as BridgeLeg['fromAsset'];
      const toAsset = assetOn(r.token, r.destination.chain) as BridgeLeg['toAsset'];
      if (amountIn <= r.token.fee) throw new StrataError('INVALID_AMOUNT', `Axelar needs more than its fee to carry ${r.token.symbol}`);
      const amountOut = amountIn - r.token.fee;
      // An external token arrives from the destination gateway's balance: more than it holds would never arrive.
      const liquidity = await readContract(ctx.rpc(r.destination.chain), checkAddress(toAsset.ref, 'The token'), erc20Abi, 'balanceOf', [r.destination.gateway]);
      if (liquidity < amountOut) throw new StrataError('INVALID_AMOUNT', `Axelar's gateway holds too little ${r.token.symbol} on the destination for this amount`);
      return {
        leg: { provider: 'axelar-gateway', fromAsset, toAsset },
        amountIn,
        amountOut,
        // The fee is fixed, so exactly amountOut arrives; the minimum keeps the interface's slippage floor so a
        // route's worst case is computed the same way for every bridge.
        minAmountOut: minAmountOut(amountOut, ctx.slippageBps),
        fees: [{ kind: 'bridge', chain: r.source.chain, asset: fromAsset, amount: r.token.fee }],
        callValue: 0n,
        gasUnits: EXACT_APPROVAL_GAS + AXELAR_SEND_TOKEN_GAS,
        etaSeconds,
      };
    },

    async buildSend(quote, parties, ctx) {
      const r = resolve(quote.leg);
      checkAddress(parties.sender, 'The sender');
      const recipient = checkAddress(parties.recipient, 'The recipient');
      const amount = checkAmount(quote.amountIn, 'The amount to bridge');
      const approval = buildExactApproval(checkAddress(quote.leg.fromAsset.ref, 'The token'), r.source.gateway, amount);
      const data = encodeFunctionData({ abi: AXELAR_GATEWAY_ABI, functionName: 'sendToken', args: [r.destination.name, recipient, r.token.symbol, amount] });
      const calls: StepCall[] = [
        { family: 'evm', chain: r.source.chain, ...approval, label: `approve ${r.token.symbol}` },
        { family: 'evm', chain: r.source.chain, to: r.source.gateway, data, value: 0n, label: `send ${r.token.symbol} over Axelar` },
      ];
      // Delivery can only happen after this block: tracking looks for Executed from here, not from genesis.
      const destinationBlock = await ctx.rpc(r.destination.chain)<Hex>('eth_blockNumber');
      return { calls, trackingKey: destinationBlock };
    },

    deliveredAmount(logs, sender) {
      for (const log of logs) {
        const source = registry.gateways.find((g) => g.gateway.toLowerCase() === log.address.toLowerCase());
        if (!source || log.topics[0] !== TOKEN_SENT_TOPIC) continue;
        const { args } = decodeTokenSent(log);
        const token = registry.tokens.find((t) => t.symbol === args.symbol);
        if (token && getAddress(args.sender) === getAddress(sender)) return args.amount > token.fee ? args.amount - token.fee : 0n;
      }
      return null;
    },

    async trackDelivery(sent, ctx): Promise<DeliveryStatus> {
      const receipt = await ctx.rpc(sent.chain)<Receipt | null>('eth_getTransactionReceipt', [sent.txHash]);
      if (!receipt) return { state: 'inflight', detail: 'The source transaction is not mined yet' };
      if (receipt.status !== '0x1') return { state: 'failed', detail: 'The source transaction reverted: nothing was sent' };
      const source = gatewayOn(sent.chain);
      const log = source && receipt.logs.find((l) => l.address.toLowerCase() === source.gateway.toLowerCase() && l.topics[0] === TOKEN_SENT_TOPIC);
      if (!source || !log) return { state: 'failed', detail: 'The transaction sent no Axelar token transfer' };
      const { args } = decodeTokenSent(log);
      const destination = registry.gateways.find((g) => g.name === args.destinationChain);
      const commandId = registry.commandIdOf(source, receipt.transactionHash, Number(BigInt(log.logIndex)));
      if (!destination) return { state: 'failed', detail: 'The transfer went to an Axelar chain Strata does not know', guid: commandId };
      const rpc = ctx.rpc(destination.chain);
      if (!(await readContract(rpc, destination.gateway, AXELAR_GATEWAY_ABI, 'isCommandExecuted', [commandId]))) {
        const stuck = await cannotRelease(destination, args.symbol, args.amount, ctx);
        if (stuck) {
          // Not a failure: the command stays pending on Axelar's network, which retries it until the gateway can
          // release the token. Delayed, not final, and nothing is refunded.
          return {
            state: 'inflight',
            stalled: true,
            detail: `Axelar's gateway on ${destination.name} cannot release it yet (${stuck}); Axelar retries the delivery until it can`,
            destinationChain: destination.chain,
            guid: commandId,
          };
        }
        return { state: 'inflight', detail: 'Waiting for Axelar to deliver the transfer', destinationChain: destination.chain, guid: commandId };
      }
      const fromBlock = sent.trackingKey !== undefined && /^0x[0-9a-fA-F]{1,16}$/.test(sent.trackingKey) ? sent.trackingKey : toHex(0);
      // Delivery is the gateway's own state (isCommandExecuted above); the Executed log only names the transaction, and
      // only one from the expected gateway with the expected command id counts (a lying RPC's other log names nothing).
      const { logs: executed } = await getLogsChunked<{ transactionHash: Hex; address: string; topics: Hex[] }>(rpc, { address: destination.gateway, topics: [EXECUTED_TOPIC, commandId] }, { fromBlock: BigInt(fromBlock), toBlock: 'latest' });
      const delivery = executed.find((log) => log.address.toLowerCase() === destination.gateway.toLowerCase() && log.topics[0] === EXECUTED_TOPIC && log.topics[1]?.toLowerCase() === commandId.toLowerCase());
      return { state: 'delivered', detail: 'Delivered', destinationChain: destination.chain, ...(delivery ? { destinationTxHash: delivery.transactionHash } : {}), guid: commandId };
    },
  };
}

function decodeTokenSent(log: LogLike) {
  return decodeEventLog({ abi: AXELAR_GATEWAY_ABI, eventName: 'TokenSent', data: log.data as Hex, topics: log.topics as [Hex, ...Hex[]] });
}
