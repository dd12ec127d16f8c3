import { base64 } from '@scure/base';

/** How a node writes event attribute keys and values: Tendermint 0.34 base64-encodes them, 0.37 and later do not. */
export type AttributeEncoding = 'base64' | 'plain';

/** An event as a node's JSON has it (`tx_result.events`), or as cosmjs decoded it; values may be missing. */
export interface RawEvent {
  readonly type: string;
  readonly attributes?: ReadonlyArray<{ readonly key?: string | null; readonly value?: string | null }> | null;
}

export interface CosmosEvent {
  type: string;
  attributes: Array<{ key: string; value: string }>;
}

/**
 * The attribute encoding of a node from its `node_info.version`: Tendermint before 0.37 (`0.34.24`, `v0.34.27`)
 * encodes in base64; CometBFT 0.37, 0.38 and 1.x write plain strings. An unknown version reads as plain, as cosmjs does.
 */
export function attributeEncodingFor(nodeVersion: string): AttributeEncoding {
  const match = /^v?0\.([0-9]+)\./.exec(nodeVersion.trim());
  return match && Number(match[1]) < 37 ? 'base64' : 'plain';
}

/**
 * Events with plain-text attribute keys and values, whatever the node version. In base64 mode a key or value that
 * is not valid base64 of UTF-8 text is kept as it is (a node or a fork that already decoded it).
 */
export function normalizeEventAttributes(events: readonly RawEvent[], encoding: AttributeEncoding): CosmosEvent[] {
  return events.map((event) => ({
    type: event.type,
    attributes: (event.attributes ?? []).map((attribute) => ({
      key: decodeText(attribute.key ?? '', encoding),
      value: decodeText(attribute.value ?? '', encoding),
    })),
  }));
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeText(text: string, encoding: AttributeEncoding): string {
  if (encoding === 'plain' || text === '') return text;
  try {
    return utf8.decode(base64.decode(text));
  } catch {
    return text;
  }
}

/** The values of attribute `key` in events of `type`, in order. */
export function eventAttributeValues(events: readonly CosmosEvent[], type: string, key: string): string[] {
  return events.filter((e) => e.type === type).flatMap((e) => e.attributes.filter((a) => a.key === key).map((a) => a.value));
}
