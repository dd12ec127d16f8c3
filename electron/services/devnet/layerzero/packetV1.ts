import { bytesToHex, getAddress, hexToBytes, keccak256 } from 'viem';
import { StrataError } from '../../../../shared/errors';
import type { Address, Hex } from '../deploy/deployStep';

/** A LayerZero V2 packet (PacketV1Codec): what the source endpoint emits in PacketSent and the destination verifies. */
export interface PacketV1 {
  nonce: bigint;
  srcEid: number;
  /** The sending OApp, as bytes32. */
  sender: Hex;
  dstEid: number;
  /** The receiving OApp, as bytes32. */
  receiver: Hex;
  /** The receiving OApp as an EVM address (the low 20 bytes of `receiver`). */
  receiverAddress: Address;
  guid: Hex;
  message: Hex;
  /** guid ++ message: what the endpoint hashes into the payload hash. */
  payload: Hex;
  payloadHash: Hex;
}

const HEADER_BYTES = 81;
const GUID_BYTES = 32;

/**
 * Decodes an encoded packet: version(1) nonce(8) srcEid(4) sender(32) dstEid(4) receiver(32) | guid(32) message.
 * @throws StrataError INVALID_INPUT for a short packet or a version other than 1
 */
export function decodePacketV1(encoded: Hex): PacketV1 {
  const bytes = hexToBytes(encoded);
  if (bytes.length < HEADER_BYTES + GUID_BYTES) throw new StrataError('INVALID_INPUT', 'A LayerZero packet is at least 113 bytes');
  if (bytes[0] !== 1) throw new StrataError('INVALID_INPUT', `Unsupported LayerZero packet version ${bytes[0]}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const slice = (from: number, to?: number): Hex => bytesToHex(bytes.subarray(from, to));
  const receiver = slice(49, 81);
  const payload = slice(HEADER_BYTES);
  return {
    nonce: view.getBigUint64(1),
    srcEid: view.getUint32(9),
    sender: slice(13, 45),
    dstEid: view.getUint32(45),
    receiver,
    receiverAddress: getAddress(`0x${receiver.slice(-40)}`),
    guid: slice(HEADER_BYTES, HEADER_BYTES + GUID_BYTES),
    message: slice(HEADER_BYTES + GUID_BYTES),
    payload,
    payloadHash: keccak256(payload),
  };
}
