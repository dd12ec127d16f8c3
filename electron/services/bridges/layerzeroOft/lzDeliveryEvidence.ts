import { decodeEventLog, encodeEventTopics, getAddress, pad, parseAbi, slice, hexToBigInt, hexToNumber } from 'viem';
import { readContract } from '../../evm/readContract';
import type { Hex, ChainRpcs } from '../../routing/routingTypes';
import { OFT_ABI } from './oftAbi';
import type { OftDeployment } from './oftRegistry';

/** EndpointV2's PacketSent and the two views that say whether a packet was executed on the destination. */
export const ENDPOINT_EVIDENCE_ABI = parseAbi([
  'event PacketSent(bytes encodedPayload, bytes options, address sendLibrary)',
  'function inboundPayloadHash(address receiver, uint32 srcEid, bytes32 sender, uint64 nonce) view returns (bytes32)',
  'function lazyInboundNonce(address receiver, uint32 srcEid, bytes32 sender) view returns (uint64)',
]);
const [PACKET_SENT_TOPIC] = encodeEventTopics({ abi: ENDPOINT_EVIDENCE_ABI, eventName: 'PacketSent' }) as [Hex];
const [OFT_RECEIVED_TOPIC] = encodeEventTopics({ abi: OFT_ABI, eventName: 'OFTReceived' }) as [Hex];
const ZERO_HASH = `0x${'0'.repeat(64)}`;

/** What the source chain says was sent: the packet's path and nonce (PacketSent), its recipient and amount. */
export interface SentPacket {
  guid: Hex;
  nonce: bigint;
  srcEid: number;
  sender: Hex;
  dstEid: number;
  receiver: Hex;
  /** the OFT message's recipient on the destination */
  recipient: string;
  /** what the destination OFT credits (OFTSent's amountReceivedLD) */
  amountLD: bigint;
}

/**
 * The PacketSent of `guid` from the source endpoint in a receipt's logs, decoded (packet v1: version, nonce, srcEid,
 * sender, dstEid, receiver, guid, then the OFT message: bytes32 sendTo, uint64 amountSD). Null when absent.
 */
export function sentPacketOf(logs: ReadonlyArray<{ address: string; topics: Hex[]; data: Hex }>, endpoint: string, guid: Hex, amountLD: bigint): SentPacket | null {
  for (const log of logs) {
    if (log.address.toLowerCase() !== endpoint.toLowerCase() || log.topics[0] !== PACKET_SENT_TOPIC) continue;
    const { args } = decodeEventLog({ abi: ENDPOINT_EVIDENCE_ABI, eventName: 'PacketSent', data: log.data, topics: log.topics as [Hex, ...Hex[]] });
    const p = args.encodedPayload;
    if ((p.length - 2) / 2 < 113 + 40) continue;
    if (slice(p, 81, 113).toLowerCase() !== guid.toLowerCase()) continue;
    return {
      guid,
      nonce: hexToBigInt(slice(p, 1, 9)),
      srcEid: hexToNumber(slice(p, 9, 13)),
      sender: slice(p, 13, 45),
      dstEid: hexToNumber(slice(p, 45, 49)),
      receiver: slice(p, 49, 81),
      recipient: getAddress(slice(p, 113 + 12, 113 + 32)),
      amountLD,
    };
  }
  return null;
}

/**
 * Whether the destination endpoint's own state shows the packet executed: its stored payload hash cleared and the
 * lazy inbound nonce at or past it. Read from the destination OFT's endpoint, never from a log.
 */
export async function executedOnEndpoint(destination: OftDeployment, packet: SentPacket, ctx: ChainRpcs): Promise<boolean> {
  const rpc = ctx.rpc(destination.chain);
  const receiver = getAddress(slice(packet.receiver, 12, 32));
  if (receiver.toLowerCase() !== destination.oft.toLowerCase()) return false;
  const [hash, lazyNonce] = await Promise.all([
    readContract(rpc, destination.endpoint, ENDPOINT_EVIDENCE_ABI, 'inboundPayloadHash', [receiver, packet.srcEid, packet.sender, packet.nonce]),
    readContract(rpc, destination.endpoint, ENDPOINT_EVIDENCE_ABI, 'lazyInboundNonce', [receiver, packet.srcEid, packet.sender]),
  ]);
  return hash.toLowerCase() === ZERO_HASH && packet.nonce <= lazyNonce;
}

/**
 * The OFTReceived log that proves delivery: emitted by the destination OFT itself, GUID topic equal, from the
 * source eid, to the packet's recipient, crediting exactly the amount sent. Any other log (another address, another
 * recipient or amount: a lying RPC) is no evidence.
 */
export function matchingReceivedLog<T extends { address: string; topics: Hex[]; data: Hex }>(logs: readonly T[], destination: OftDeployment, packet: SentPacket): T | null {
  for (const log of logs) {
    if (log.address.toLowerCase() !== destination.oft.toLowerCase()) continue;
    if (log.topics[0] !== OFT_RECEIVED_TOPIC || log.topics[1]?.toLowerCase() !== packet.guid.toLowerCase()) continue;
    try {
      const { args } = decodeEventLog({ abi: OFT_ABI, eventName: 'OFTReceived', data: log.data, topics: log.topics as [Hex, ...Hex[]] });
      if (args.srcEid === packet.srcEid && args.toAddress.toLowerCase() === packet.recipient.toLowerCase() && args.amountReceivedLD === packet.amountLD) return log;
    } catch {
      // undecodable: no evidence
    }
  }
  return null;
}

/** The sender of a packet from `source` as the endpoint keys it (bytes32 of the source OFT). */
export const packetSender = (source: OftDeployment): Hex => pad(source.oft, { size: 32 });
