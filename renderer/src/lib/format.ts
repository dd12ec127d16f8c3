/** Shortens a long string in the middle (`0xf39Fd6…b92266`) keeping both ends, which people compare. */
export function truncateMiddle(value: string, head = 10, tail = 8): string {
  if (value.length <= head + tail + 1) return value;
  return `${value.slice(0, head)}…${value.slice(-tail)}`;
}

/**
 * Shortens an address for display, keeping what people compare: for bech32 the whole human-readable prefix and
 * 8 characters after it, for hex `0x` and 8 digits; then the last 8 characters.
 */
export function truncateAddress(address: string): string {
  const separator = address.lastIndexOf('1');
  const isBech32 = !address.startsWith('0x') && separator > 0 && /^[a-z0-9]+$/.test(address);
  return truncateMiddle(address, isBech32 ? separator + 1 + 8 : 10, 8);
}

/** "1 minute", "15 minutes", "Never". */
export function autoLockLabel(minutes: number): string {
  if (minutes === 0) return 'Never';
  if (minutes === 60) return '1 hour';
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
