/** bech32: a human-readable part, the separator `1`, then data characters (which never include `1`). */
const BECH32 = /^[a-z][a-z0-9]*1[qpzry9x8gf2tvdw0s3jn54khce6mua7l]{6,}$/;

/** Where an address's prefix ends: after `0x` on EVM, after the human-readable part and its `1` for bech32 (Cosmos). */
export function addressHead(address: string): string {
  if (address.startsWith('0x')) return '0x';
  return BECH32.test(address) ? address.slice(0, address.lastIndexOf('1') + 1) : '';
}

/**
 * An address of either family in full, in groups of four after its prefix (`0x`, or `cosmos1`, `osmo1`, …, shown
 * muted as one piece so a bech32 prefix is never split). Spacing is CSS: a copy gives the address unchanged.
 */
export function RouteAddress({ address }: { address: string }) {
  const head = addressHead(address);
  const parts = [...(head ? [head] : []), ...(address.slice(head.length).match(/.{1,4}/g) ?? [])];
  const spans = parts.map((part, i) => <span key={i} className="address__chunk">{part}</span>);
  return <code className="address address--full" title={address}>{spans}</code>;
}
