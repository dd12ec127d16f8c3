import { eventAttributeValues, type CosmosEvent } from '../../cosmos/rpc/normalizeEventAttributes';

/** ICS-20 FungibleTokenPacketData as a packet carries it (JSON, amounts as decimal strings). */
export interface Ics20PacketData {
  denom: string;
  amount: bigint;
  sender: string;
  receiver: string;
}

/**
 * The ICS-20 packet data of a `send_packet` / `recv_packet` event: `packet_data` (the JSON as text), or, where a
 * release leaves that deprecated attribute out, `packet_data_hex` (the same bytes in hex). Null when neither holds
 * ICS-20 JSON (another app's packet, or an ics20-2 protobuf packet of ibc-go v9).
 */
export function ics20PacketData(event: CosmosEvent): Ics20PacketData | null {
  const text = attribute(event, 'packet_data');
  const hex = attribute(event, 'packet_data_hex');
  const json = text !== '' ? text : /^(?:[0-9a-f]{2}){1,65536}$/i.test(hex) ? Buffer.from(hex, 'hex').toString('utf8') : '';
  if (json === '') return null;
  try {
    const parsed = JSON.parse(json) as Record<string, unknown>;
    const { denom, amount, sender, receiver } = parsed;
    if (typeof denom !== 'string' || typeof amount !== 'string' || !/^[0-9]{1,78}$/.test(amount)) return null;
    if (typeof sender !== 'string' || typeof receiver !== 'string') return null;
    return { denom: denom.slice(0, 256), amount: BigInt(amount), sender: sender.slice(0, 128), receiver: receiver.slice(0, 128) };
  } catch {
    return null;
  }
}

/**
 * The transfer module's own `ibc_transfer` event of a MsgTransfer: sender and receiver in every ibc-go release
 * (v8 and v10 add `amount` and `denom`; v9 a `tokens` JSON list instead). The fallback when the packet data is not
 * readable. `sender` picks the event of that sender when a transaction made several transfers.
 */
export function ibcTransferEvent(events: readonly CosmosEvent[], sender?: string): { sender: string; receiver: string; amount: bigint | null } | null {
  const found = events.find((e) => e.type === 'ibc_transfer' && (sender === undefined || attribute(e, 'sender') === sender));
  if (found === undefined) return null;
  const amount = attribute(found, 'amount');
  return {
    sender: attribute(found, 'sender').slice(0, 128),
    receiver: attribute(found, 'receiver').slice(0, 128),
    amount: /^[0-9]{1,78}$/.test(amount) ? BigInt(amount) : null,
  };
}

function attribute(event: CosmosEvent, key: string): string {
  return eventAttributeValues([event], event.type, key)[0] ?? '';
}
