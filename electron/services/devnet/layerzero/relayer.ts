import { decodeEventLog, encodeEventTopics, encodeFunctionData, decodeFunctionResult, toHex, type Abi } from 'viem';
import { StrataError } from '../../../../shared/errors';
import type { Address, Hex } from '../deploy/deployStep';
import type { DevnetAlias } from '../devnetSpec';
import type { RpcRequest } from '../jsonRpc';
import { createKeySender, type KeySender } from './keySender';
import { layerZeroArtifact } from './lzArtifacts';
import { decodePacketV1, type PacketV1 } from './packetV1';

/** One chain the relayer watches and delivers to. */
export interface RelayerChain {
  alias: DevnetAlias;
  chainId: number;
  eid: number;
  endpoint: Address;
  /** The receive library whose validatePacket commits a packet's payload hash (SimpleMessageLib). */
  messageLib: Address;
  request: RpcRequest;
}

export interface RelayerOptions {
  chains: readonly RelayerChain[];
  /** The executor's key (a devnet test key); it pays the destination gas. */
  privateKey: Hex;
  /** Poll period in ms (default 150). */
  intervalMs?: number;
  log?: (line: string) => void;
}

/** A packet seen in PacketSent that has not been delivered yet. */
export interface PendingPacket {
  guid: Hex;
  srcAlias: DevnetAlias;
  dstAlias: DevnetAlias;
  nonce: bigint;
  /** Failed delivery attempts so far. */
  attempts: number;
}

/**
 * The devnet's LayerZero relayer (DVN and executor in one): reads PacketSent on every endpoint, then on the
 * destination commits the packet with SimpleMessageLib.validatePacket and executes EndpointV2.lzReceive.
 */
export interface LayerZeroRelayer {
  readonly paused: boolean;
  /** GUIDs this relayer executed, in delivery order. */
  readonly delivered: readonly Hex[];
  /** Packets seen and not delivered yet (paused, or failing), in send order. */
  readonly pending: readonly PendingPacket[];
  /** GUIDs given up on after MAX_ATTEMPTS failed deliveries. */
  readonly failed: readonly Hex[];
  /** Stops delivering; resolves once a delivery in flight has finished (nothing is delivered after that). */
  pause(): Promise<void>;
  /** Delivers again, starting with what queued up while paused. */
  resume(): void;
  /**
   * One pass now (scan every chain, then deliver unless paused), after any pass in flight; returns the GUIDs it
   * delivered. A packet is never executed twice: GUIDs are tracked, and the endpoint's nonces are checked first.
   */
  runOnce(): Promise<Hex[]>;
  /** Resolves when `guid` is executed on its destination (by this relayer, or found executed). @throws StrataError RPC_UNAVAILABLE after `timeoutMs` (default 10 s) */
  waitForDelivery(guid: Hex, timeoutMs?: number): Promise<void>;
  /** Stops polling and waits for a pass in flight. Safe to call twice. */
  stop(): Promise<void>;
}

/** Deliveries of one packet are tried this often (one try per pass) before it is given up. */
export const MAX_ATTEMPTS = 5;

const ZERO_HASH = `0x${'0'.repeat(64)}`;

interface ChainState {
  chain: RelayerChain;
  nextBlock: bigint;
  /** Hash of block nextBlock - 1 when scanned: a different hash now means the chain was reverted (evm_revert). */
  lastHash: Hex | undefined;
  sender: KeySender;
}

interface QueuedPacket extends PendingPacket {
  packet: PacketV1;
  encoded: Hex;
}

/** Starts a relayer polling every `intervalMs`. Call stop() (Devnet.stop does) to end it. */
export function startLayerZeroRelayer(options: RelayerOptions): LayerZeroRelayer {
  const log = options.log ?? (() => undefined);
  const intervalMs = options.intervalMs ?? 150;
  const endpointAbi = layerZeroArtifact('EndpointV2').abi as Abi;
  const libAbi = layerZeroArtifact('SimpleMessageLib').abi as Abi;
  const [packetSentTopic] = encodeEventTopics({ abi: endpointAbi, eventName: 'PacketSent' });
  const states: ChainState[] = options.chains.map((chain) => ({
    chain,
    nextBlock: 0n,
    lastHash: undefined,
    sender: createKeySender(chain.request, chain.chainId, options.privateKey),
  }));
  const byEid = new Map(states.map((s) => [s.chain.eid, s]));

  let paused = false;
  let stopped = false;
  const seen = new Set<Hex>();
  /** GUIDs executed on their destination in the current history, by this relayer or before it. */
  const settled = new Set<Hex>();
  const delivered: Hex[] = [];
  const failed: Hex[] = [];
  const queue: QueuedPacket[] = [];
  const waiters = new Map<Hex, Array<() => void>>();
  let current: Promise<Hex[]> = Promise.resolve([]);

  const read = async <T>(state: ChainState, address: Address, abi: Abi, functionName: string, args: readonly unknown[]): Promise<T> => {
    const data = encodeFunctionData({ abi, functionName, args });
    const result = await state.chain.request<Hex>('eth_call', [{ to: address, data }, 'latest']);
    return decodeFunctionResult({ abi, functionName, data: result }) as T;
  };

  const blockHash = async (state: ChainState, block: bigint): Promise<Hex | undefined> =>
    (await state.chain.request<{ hash: Hex } | null>('eth_getBlockByNumber', [toHex(block), false]))?.hash;

  /**
   * After evm_revert a chain's history is replaced: packets seen before may be gone, and a new packet can even reuse
   * a GUID (the GUID hashes the path and nonce). Start over from block 0; the endpoint's nonces tell what the
   * current history already executed, so nothing is delivered twice within it.
   */
  const detectRevert = async (): Promise<void> => {
    for (const state of states) {
      if (state.lastHash === undefined || (await blockHash(state, state.nextBlock - 1n)) === state.lastHash) continue;
      log(`layerzero relayer: ${state.chain.alias} was reverted, rescanning both chains`);
      for (const s of states) {
        s.nextBlock = 0n;
        s.lastHash = undefined;
      }
      seen.clear();
      settled.clear();
      queue.length = 0;
      return;
    }
  };

  const scan = async (state: ChainState): Promise<void> => {
    const latest = BigInt(await state.chain.request<Hex>('eth_blockNumber'));
    if (latest < state.nextBlock) return;
    const [logs, hash] = await Promise.all([
      state.chain.request<Array<{ data: Hex; topics: [Hex, ...Hex[]] }>>('eth_getLogs', [
        { address: state.chain.endpoint, topics: [packetSentTopic], fromBlock: toHex(state.nextBlock), toBlock: toHex(latest) },
      ]),
      blockHash(state, latest),
    ]);
    state.nextBlock = latest + 1n;
    state.lastHash = hash;
    for (const entry of logs) {
      const { args } = decodeEventLog({ abi: endpointAbi, eventName: 'PacketSent', data: entry.data, topics: entry.topics });
      const encoded = (args as unknown as { encodedPayload: Hex }).encodedPayload;
      const packet = decodePacketV1(encoded);
      if (seen.has(packet.guid)) continue;
      seen.add(packet.guid);
      const destination = byEid.get(packet.dstEid);
      if (!destination) {
        log(`layerzero relayer: packet ${packet.guid} from ${state.chain.alias} is for unknown eid ${packet.dstEid}, skipped`);
        continue;
      }
      queue.push({ guid: packet.guid, srcAlias: state.chain.alias, dstAlias: destination.chain.alias, nonce: packet.nonce, attempts: 0, packet, encoded });
    }
  };

  /** Commits and executes one packet on its destination; false when the endpoint had already executed it. */
  const deliver = async (item: QueuedPacket): Promise<boolean> => {
    const { packet } = item;
    const destination = byEid.get(packet.dstEid) as ChainState;
    const { endpoint, messageLib } = destination.chain;
    const path = [packet.receiverAddress, packet.srcEid, packet.sender] as const;
    const [lazyNonce, storedHash] = await Promise.all([
      read<bigint>(destination, endpoint, endpointAbi, 'lazyInboundNonce', path),
      read<Hex>(destination, endpoint, endpointAbi, 'inboundPayloadHash', [...path, packet.nonce]),
    ]);
    // Executing clears the stored hash and moves the lazy nonce past the packet: that state means done already.
    if (storedHash === ZERO_HASH && packet.nonce <= lazyNonce) return false;
    if (storedHash === ZERO_HASH) {
      await destination.sender.send({ to: messageLib, data: encodeFunctionData({ abi: libAbi, functionName: 'validatePacket', args: [item.encoded] }) });
    } else if (storedHash.toLowerCase() !== packet.payloadHash.toLowerCase()) {
      throw new StrataError('INTERNAL', `Packet ${packet.guid} was verified with another payload hash`);
    }
    const origin = { srcEid: packet.srcEid, sender: packet.sender, nonce: packet.nonce };
    await destination.sender.send({
      to: endpoint,
      data: encodeFunctionData({ abi: endpointAbi, functionName: 'lzReceive', args: [origin, packet.receiverAddress, packet.guid, packet.message, '0x'] }),
    });
    return true;
  };

  const settle = (guid: Hex): void => {
    settled.add(guid);
    for (const resolve of waiters.get(guid) ?? []) resolve();
    waiters.delete(guid);
  };

  const pass = async (): Promise<Hex[]> => {
    await detectRevert();
    for (const state of states) await scan(state);
    const done: Hex[] = [];
    // In send order: the endpoint executes a path's nonces in order, so a later packet waits for an earlier one.
    while (queue.length > 0 && !paused && !stopped) {
      const item = queue[0] as QueuedPacket;
      try {
        if (await deliver(item)) {
          delivered.push(item.guid);
          done.push(item.guid);
          log(`layerzero relayer: delivered ${item.guid} ${item.srcAlias} -> ${item.dstAlias} (nonce ${item.nonce})`);
        } else {
          log(`layerzero relayer: ${item.guid} was already executed on ${item.dstAlias}`);
        }
        queue.shift();
        settle(item.guid);
      } catch (error) {
        item.attempts += 1;
        const message = error instanceof Error ? error.message : String(error);
        log(`layerzero relayer: delivering ${item.guid} failed (attempt ${item.attempts}): ${message}`);
        if (item.attempts >= MAX_ATTEMPTS) {
          queue.shift();
          failed.push(item.guid);
        }
        break;
      }
    }
    return done;
  };

  const enqueuePass = (): Promise<Hex[]> => {
    const next = current.catch(() => []).then(pass);
    current = next;
    return next;
  };

  let timer: NodeJS.Timeout | undefined;
  const tick = (): void => {
    timer = undefined;
    if (stopped) return;
    enqueuePass()
      .catch((error: unknown) => log(`layerzero relayer: pass failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs);
      });
  };
  if (states.length > 0) timer = setTimeout(tick, 0);

  return {
    get paused() {
      return paused;
    },
    get delivered() {
      return [...delivered];
    },
    get pending() {
      return queue.map(({ guid, srcAlias, dstAlias, nonce, attempts }) => ({ guid, srcAlias, dstAlias, nonce, attempts }));
    },
    get failed() {
      return [...failed];
    },
    async pause() {
      paused = true;
      await current.catch(() => undefined);
    },
    resume() {
      paused = false;
    },
    runOnce() {
      if (stopped) return Promise.reject(new StrataError('DEVNET_NOT_RUNNING', 'The LayerZero relayer is stopped'));
      return enqueuePass();
    },
    waitForDelivery(guid, timeoutMs = 10_000) {
      const key = guid.toLowerCase() as Hex;
      if (settled.has(key)) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const timeout = setTimeout(() => {
          waiters.set(key, (waiters.get(key) ?? []).filter((w) => w !== done));
          reject(new StrataError('RPC_UNAVAILABLE', `LayerZero packet ${key} was not delivered within ${timeoutMs} ms`));
        }, timeoutMs);
        const done = (): void => {
          clearTimeout(timeout);
          resolve();
        };
        waiters.set(key, [...(waiters.get(key) ?? []), done]);
      });
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await current.catch(() => undefined);
    },
  };
}
