import type { CosmosEvent } from '../rpc/normalizeEventAttributes';

/** An executor receipt log (EVM shaped: address, topics, data). */
export interface ReceiptLog {
  address: string;
  topics: readonly string[];
  data: string;
}

/** Marks a log that is a Cosmos event. */
const EVENT_MARK = 'cosmos-event';

/**
 * Cosmos events as the executor's receipt logs, so that one receipt type serves both families: a log per event, its
 * type as `address`, the mark as the only topic, its attributes as JSON `data`.
 */
export function cosmosEventsAsLogs(events: readonly CosmosEvent[]): Array<{ address: string; topics: string[]; data: string }> {
  return events.map((event) => ({ address: event.type, topics: [EVENT_MARK], data: JSON.stringify(event.attributes) }));
}

/** The Cosmos events among receipt logs (none for EVM logs). */
export function cosmosEventsOfLogs(logs: readonly ReceiptLog[]): CosmosEvent[] {
  return logs.flatMap((log) => {
    if (log.topics[0] !== EVENT_MARK) return [];
    try {
      const attributes = JSON.parse(log.data) as unknown;
      if (!Array.isArray(attributes)) return [];
      return [{ type: log.address, attributes: attributes.filter((a): a is { key: string; value: string } => typeof a?.key === 'string' && typeof a?.value === 'string') }];
    } catch {
      return [];
    }
  });
}

/** `1234uosmo` / `5ibc/27...` -> amount and denom, or null. */
export function parseCoinText(text: string): { amount: bigint; denom: string } | null {
  const match = /^([0-9]{1,78})([a-zA-Z][a-zA-Z0-9/:._-]{2,127})$/.exec(text.trim());
  return match ? { amount: BigInt(match[1] as string), denom: match[2] as string } : null;
}
