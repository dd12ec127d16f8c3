import { decodeEventLog, encodeEventTopics, encodeFunctionData, decodeFunctionResult, toHex, type Abi } from 'viem';
import { StrataError } from '../../../../shared/errors';
import type { Address, Hex } from '../deploy/deployStep';
import type { DevnetAlias } from '../devnetSpec';
import type { RpcRequest } from '../jsonRpc';
import { createKeySender, type KeySender } from './keySender';
import { layerZeroArtifact } from './lzArtifacts';
import { decodePacketV1, type PacketV1 } from './packetV1';
import { revertDataOf } from './revertData';
import { relayerView, rewindAfterRevert, scanNewLogs, startRelayLoop, type DevnetRelayerView, type ScanCursor } from './relayLoop';

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
 * destination commits the packet with SimpleMessageLib.validatePacket and executes EndpointV2.lzReceive. Ids are
 * GUIDs; a packet is never executed twice (GUIDs are tracked, and the endpoint's nonces are checked first); `failed`
 * lists GUIDs given up on after MAX_ATTEMPTS failed deliveries, and those whose lzReceive reverted: like LayerZero's
 * executor, the relayer then calls EndpointV2.lzReceiveAlert once (`alerted`) and leaves the packet verified.
 */
export interface LayerZeroRelayer extends DevnetRelayerView<PendingPacket> {
  /** GUIDs whose lzReceive reverted on the destination and were reported with lzReceiveAlert (also in `failed`). */
  readonly alerted: readonly Hex[];
}

/** Gas lzReceive is simulated with, and what lzReceiveAlert reports as given (the devnet OFTs enforce 200k). */
export const LZ_RECEIVE_SIMULATION_GAS = 500_000n;

/** Deliveries of one packet are tried this often (one try per pass) before it is given up. */
export const MAX_ATTEMPTS = 5;

const ZERO_HASH = `0x${'0'.repeat(64)}`;

interface ChainState {
  chain: RelayerChain;
  cursor: ScanCursor;
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
    cursor: { alias: chain.alias, request: chain.request, nextBlock: 0n, lastHash: undefined },
    sender: createKeySender(chain.request, chain.chainId, options.privateKey),
  }));
  const byEid = new Map(states.map((s) => [s.chain.eid, s]));

  const seen = new Set<Hex>();
  const delivered: Hex[] = [];
  const failed: Hex[] = [];
  const alerted: Hex[] = [];
  const queue: QueuedPacket[] = [];

  const read = async <T>(state: ChainState, address: Address, abi: Abi, functionName: string, args: readonly unknown[]): Promise<T> => {
    const data = encodeFunctionData({ abi, functionName, args });
    const result = await state.chain.request<Hex>('eth_call', [{ to: address, data }, 'latest']);
    return decodeFunctionResult({ abi, functionName, data: result }) as T;
  };

  /**
   * After evm_revert a chain's history is replaced: packets seen before may be gone, and a new packet can even reuse
   * a GUID (the GUID hashes the path and nonce). Start over from block 0; the endpoint's nonces tell what the
   * current history already executed, so nothing is delivered twice within it.
   */
  const detectRevert = async (): Promise<void> => {
    const reverted = await rewindAfterRevert(states.map((s) => s.cursor));
    if (reverted === undefined) return;
    log(`layerzero relayer: ${reverted} was reverted, rescanning both chains`);
    seen.clear();
    loop.forgetSettled();
    queue.length = 0;
  };

  const scan = async (state: ChainState): Promise<void> => {
    const logs = await scanNewLogs<{ data: Hex; topics: [Hex, ...Hex[]] }>(state.cursor, { address: state.chain.endpoint, topics: [packetSentTopic as Hex] });
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

  /**
   * Commits and executes one packet on its destination, as LayerZero's executor does: lzReceive is simulated first,
   * and when the receiver reverts, the packet stays verified (committed, not executed) and the executor reports it
   * with EndpointV2.lzReceiveAlert instead of sending a transaction that would revert. @returns what happened
   */
  const deliver = async (item: QueuedPacket): Promise<'delivered' | 'executed-already' | 'alerted'> => {
    const { packet } = item;
    const destination = byEid.get(packet.dstEid) as ChainState;
    const { endpoint, messageLib } = destination.chain;
    const path = [packet.receiverAddress, packet.srcEid, packet.sender] as const;
    const [lazyNonce, storedHash] = await Promise.all([
      read<bigint>(destination, endpoint, endpointAbi, 'lazyInboundNonce', path),
      read<Hex>(destination, endpoint, endpointAbi, 'inboundPayloadHash', [...path, packet.nonce]),
    ]);
    // Executing clears the stored hash and moves the lazy nonce past the packet: that state means done already.
    if (storedHash === ZERO_HASH && packet.nonce <= lazyNonce) return 'executed-already';
    if (storedHash === ZERO_HASH) {
      await destination.sender.send({ to: messageLib, data: encodeFunctionData({ abi: libAbi, functionName: 'validatePacket', args: [item.encoded] }) });
    } else if (storedHash.toLowerCase() !== packet.payloadHash.toLowerCase()) {
      throw new StrataError('INTERNAL', `Packet ${packet.guid} was verified with another payload hash`);
    }
    const origin = { srcEid: packet.srcEid, sender: packet.sender, nonce: packet.nonce };
    const receive = encodeFunctionData({ abi: endpointAbi, functionName: 'lzReceive', args: [origin, packet.receiverAddress, packet.guid, packet.message, '0x'] });
    const reason = await revertReasonOf(destination, { to: endpoint, data: receive });
    if (reason !== null) {
      const alert = [origin, packet.receiverAddress, packet.guid, LZ_RECEIVE_SIMULATION_GAS, 0n, packet.message, '0x', reason] as const;
      await destination.sender.send({ to: endpoint, data: encodeFunctionData({ abi: endpointAbi, functionName: 'lzReceiveAlert', args: alert }) });
      return 'alerted';
    }
    await destination.sender.send({ to: endpoint, data: receive });
    return 'delivered';
  };

  /** null when the call succeeds in a simulation; else the revert data (0x when the node gave none). */
  const revertReasonOf = async (state: ChainState, call: { to: Address; data: Hex }): Promise<Hex | null> => {
    try {
      await state.chain.request('eth_call', [{ from: state.sender.address, ...call, gas: toHex(LZ_RECEIVE_SIMULATION_GAS) }, 'latest']);
      return null;
    } catch (error) {
      if (!(error instanceof StrataError) || error.code !== 'TX_FAILED') throw error;
      return revertDataOf(error);
    }
  };

  const pass = async (): Promise<Hex[]> => {
    await detectRevert();
    for (const state of states) await scan(state);
    const done: Hex[] = [];
    // In send order: the endpoint executes a path's nonces in order, so a later packet waits for an earlier one.
    while (queue.length > 0 && !loop.paused && !loop.stopped) {
      const item = queue[0] as QueuedPacket;
      try {
        const outcome = await deliver(item);
        queue.shift();
        if (outcome === 'alerted') {
          // Never retried by the relayer (LayerZero's executor does not either): the packet stays verified on the
          // endpoint, and anyone may call lzReceive again once the receiver accepts it.
          failed.push(item.guid);
          alerted.push(item.guid);
          log(`layerzero relayer: lzReceive of ${item.guid} reverted on ${item.dstAlias}; LzReceiveAlert emitted, the packet stays verified`);
          continue;
        }
        if (outcome === 'delivered') {
          delivered.push(item.guid);
          done.push(item.guid);
          log(`layerzero relayer: delivered ${item.guid} ${item.srcAlias} -> ${item.dstAlias} (nonce ${item.nonce})`);
        } else {
          log(`layerzero relayer: ${item.guid} was already executed on ${item.dstAlias}`);
        }
        loop.settle(item.guid);
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

  const loop = startRelayLoop({ name: 'LayerZero relayer', item: 'LayerZero packet', intervalMs, poll: states.length > 0, pass, log });

  const view = relayerView(loop, { delivered, failed, pending: () => queue.map(({ guid, srcAlias, dstAlias, nonce, attempts }) => ({ guid, srcAlias, dstAlias, nonce, attempts })) });
  return Object.defineProperty(view, 'alerted', { get: () => [...alerted], enumerable: true }) as LayerZeroRelayer;
}
