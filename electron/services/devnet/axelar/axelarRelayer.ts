import { decodeEventLog, decodeFunctionResult, encodeEventTopics, encodeFunctionData, getAddress, isAddress, type Abi } from 'viem';
import { StrataError } from '../../../../shared/errors';
import type { Address, Hex } from '../deploy/deployStep';
import type { DevnetAlias } from '../devnetSpec';
import type { RpcRequest } from '../jsonRpc';
import { createKeySender, type KeySender } from '../layerzero/keySender';
import { relayerView, rewindAfterRevert, scanNewLogs, startRelayLoop, type DevnetRelayerView, type ScanCursor } from '../layerzero/relayLoop';
import { axelarArtifact } from './axelarArtifacts';
import { AXELAR_EXECUTE_GAS } from './axelarSpec';
import { mintTokenParams, signedExecuteInput, transferCommandId } from './gatewayCommands';

/** One chain the Axelar relayer watches and delivers to. */
export interface AxelarRelayerChain {
  alias: DevnetAlias;
  chainId: number;
  /** The chain's Axelar name (what sendToken's destinationChain says). */
  name: string;
  gateway: Address;
  request: RpcRequest;
}

export interface AxelarRelayerOptions {
  chains: readonly AxelarRelayerChain[];
  /** The gateways' operator: signs the command batches and pays the destination gas. */
  operatorPrivateKey: Hex;
  /** Axelar's fee per transfer by symbol, kept from the amount; transfers of other symbols are not relayed. */
  fees: Readonly<Record<string, bigint>>;
  /** Poll period in ms (default 150). */
  intervalMs?: number;
  log?: (line: string) => void;
}

/** A token transfer seen in TokenSent and not delivered yet. */
export interface PendingAxelarTransfer {
  commandId: Hex;
  srcAlias: DevnetAlias;
  dstAlias: DevnetAlias;
  symbol: string;
  recipient: Address;
  /** Taken on the source (locked in its gateway). */
  amountIn: bigint;
  /** Unlocked to the recipient on the destination: amountIn less the fee. */
  amountOut: bigint;
  attempts: number;
}

/**
 * The devnet's Axelar network in one loop: reads TokenSent on every gateway and executes a `mintToken` command,
 * signed by the operator, on the destination gateway. Ids are command ids; a command is never executed twice (the
 * gateway's isCommandExecuted is read first); a command the gateway does not execute (it emits no Executed and leaves
 * it unexecuted, e.g. too little liquidity to unlock) is retried after axelarRetryDelayMs; `failed` lists transfers
 * given up on: AXELAR_MAX_ATTEMPTS failures, an amount not above the fee, or a recipient that is no address.
 */
export type AxelarRelayer = DevnetRelayerView<PendingAxelarTransfer>;

/** Deliveries of one transfer are tried this often before it is given up: with axelarRetryDelayMs, for about 2.5 minutes. */
export const AXELAR_MAX_ATTEMPTS = 10;

/**
 * How long the relayer waits after the `attempts`-th failed execute of a command before the next: 1 s, doubling, at
 * most 30 s. A command the gateway cannot execute (its liquidity drained) is retried, as Axelar's network retries
 * a batch, but never in a tight loop of one execute per 150 ms poll.
 */
export function axelarRetryDelayMs(attempts: number): number {
  return Math.min(1000 * 2 ** Math.max(attempts - 1, 0), 30_000);
}

interface ChainState {
  chain: AxelarRelayerChain;
  cursor: ScanCursor;
  operator: KeySender;
}

interface TokenSentLog {
  data: Hex;
  topics: [Hex, ...Hex[]];
  transactionHash: Hex;
  logIndex: Hex;
}

/** Starts an Axelar relayer polling every `intervalMs`. Call stop() to end it. */
export function startAxelarRelayer(options: AxelarRelayerOptions): AxelarRelayer {
  const log = options.log ?? (() => undefined);
  const intervalMs = options.intervalMs ?? 150;
  const gatewayAbi = axelarArtifact('AxelarGateway').abi as Abi;
  const [tokenSentTopic] = encodeEventTopics({ abi: gatewayAbi, eventName: 'TokenSent' });
  const states: ChainState[] = options.chains.map((chain) => ({
    chain,
    cursor: { alias: chain.alias, request: chain.request, nextBlock: 0n, lastHash: undefined },
    operator: createKeySender(chain.request, chain.chainId, options.operatorPrivateKey),
  }));
  const byName = new Map(states.map((s) => [s.chain.name, s]));
  const byAlias = new Map(states.map((s) => [s.chain.alias, s]));

  const seen = new Set<Hex>();
  const delivered: Hex[] = [];
  const failed: Hex[] = [];
  const queue: PendingAxelarTransfer[] = [];
  // When each failed command may be tried again (ms); absent: now.
  const retryAt = new Map<Hex, number>();

  const isExecuted = async (state: ChainState, commandId: Hex): Promise<boolean> => {
    const data = encodeFunctionData({ abi: gatewayAbi, functionName: 'isCommandExecuted', args: [commandId] });
    const result = await state.chain.request<Hex>('eth_call', [{ to: state.chain.gateway, data }, 'latest']);
    return decodeFunctionResult({ abi: gatewayAbi, functionName: 'isCommandExecuted', data: result }) as boolean;
  };

  /** After evm_revert, start over from block 0: the gateways' isCommandExecuted tell what the new history has done. */
  const detectRevert = async (): Promise<void> => {
    const reverted = await rewindAfterRevert(states.map((s) => s.cursor));
    if (reverted === undefined) return;
    log(`axelar relayer: ${reverted} was reverted, rescanning both chains`);
    seen.clear();
    loop.forgetSettled();
    queue.length = 0;
    retryAt.clear();
  };

  const scan = async (state: ChainState): Promise<void> => {
    const logs = await scanNewLogs<TokenSentLog>(state.cursor, { address: state.chain.gateway, topics: [tokenSentTopic as Hex] });
    for (const entry of logs) {
      const { args } = decodeEventLog({ abi: gatewayAbi, eventName: 'TokenSent', data: entry.data, topics: entry.topics });
      const sent = args as unknown as { destinationChain: string; destinationAddress: string; symbol: string; amount: bigint };
      const commandId = transferCommandId(state.chain.name, entry.transactionHash, Number(BigInt(entry.logIndex)));
      if (seen.has(commandId)) continue;
      seen.add(commandId);
      const destination = byName.get(sent.destinationChain);
      const fee = options.fees[sent.symbol];
      if (!destination || fee === undefined) {
        log(`axelar relayer: ${sent.symbol} to "${sent.destinationChain.slice(0, 64)}" from ${state.chain.alias} is not relayed, skipped`);
        continue;
      }
      if (sent.amount <= fee || !isAddress(sent.destinationAddress, { strict: false })) {
        // Axelar refuses these too: the tokens stay locked in the source gateway.
        log(`axelar relayer: transfer ${commandId} has an amount not above the fee or a bad recipient, given up`);
        failed.push(commandId);
        continue;
      }
      queue.push({
        commandId,
        srcAlias: state.chain.alias,
        dstAlias: destination.chain.alias,
        symbol: sent.symbol,
        recipient: getAddress(sent.destinationAddress),
        amountIn: sent.amount,
        amountOut: sent.amount - fee,
        attempts: 0,
      });
    }
  };

  /** Executes one transfer's mintToken on its destination; false when the gateway had already executed it. */
  const deliver = async (item: PendingAxelarTransfer): Promise<boolean> => {
    const destination = byAlias.get(item.dstAlias) as ChainState;
    if (await isExecuted(destination, item.commandId)) return false;
    const params = mintTokenParams(item.symbol, item.recipient, item.amountOut);
    const input = await signedExecuteInput(destination.chain.chainId, [{ commandId: item.commandId, command: 'mintToken', params }], options.operatorPrivateKey);
    await destination.operator.send({
      to: destination.chain.gateway,
      data: encodeFunctionData({ abi: gatewayAbi, functionName: 'execute', args: [input] }),
      gas: AXELAR_EXECUTE_GAS,
    });
    // A failing command does not revert the batch: the gateway only leaves it unexecuted (no Executed event).
    if (!(await isExecuted(destination, item.commandId))) throw new StrataError('TX_FAILED', `The gateway on ${item.dstAlias} did not execute ${item.commandId}`);
    return true;
  };

  const pass = async (): Promise<Hex[]> => {
    await detectRevert();
    for (const state of states) await scan(state);
    const done: Hex[] = [];
    // Unlike LayerZero's nonces, commands are independent: a failing one does not hold back the others.
    for (const item of [...queue]) {
      if (loop.paused || loop.stopped) break;
      if ((retryAt.get(item.commandId) ?? 0) > Date.now()) continue;
      try {
        if (await deliver(item)) {
          delivered.push(item.commandId);
          done.push(item.commandId);
          log(`axelar relayer: delivered ${item.commandId} ${item.srcAlias} -> ${item.dstAlias} (${item.amountOut} ${item.symbol})`);
        } else {
          log(`axelar relayer: ${item.commandId} was already executed on ${item.dstAlias}`);
        }
        queue.splice(queue.indexOf(item), 1);
        loop.settle(item.commandId);
      } catch (error) {
        item.attempts += 1;
        retryAt.set(item.commandId, Date.now() + axelarRetryDelayMs(item.attempts));
        log(`axelar relayer: delivering ${item.commandId} failed (attempt ${item.attempts}): ${error instanceof Error ? error.message : String(error)}`);
        if (item.attempts >= AXELAR_MAX_ATTEMPTS) {
          queue.splice(queue.indexOf(item), 1);
          failed.push(item.commandId);
        }
      }
    }
    return done;
  };

  const loop = startRelayLoop({ name: 'Axelar relayer', item: 'Axelar command', intervalMs, poll: states.length > 0, pass, log });

  return relayerView(loop, { delivered, failed, pending: () => queue.map((item) => ({ ...item })) });
}
