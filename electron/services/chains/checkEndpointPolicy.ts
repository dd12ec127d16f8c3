import { StrataError } from '../../../shared/errors';
import { endpointLabel } from '../rpc/endpointLabel';
import { checkEndpointUrl } from '../rpc/failover';

/**
 * The rule for an RPC endpoint the user saves (issue #12): https, or plain http only to this machine (127.0.0.0/8,
 * localhost, [::1]: a local node or devnet). Plain http to anywhere else would let anyone on the path see the wallet's
 * addresses and change what it reads (balances, quotes, receipts).
 * @returns the URL as given, trimmed
 * @throws StrataError INVALID_INPUT naming the host only
 */
export function checkEndpointPolicy(url: string): string {
  const normalised = checkEndpointUrl(url);
  const parsed = new URL(normalised);
  if (parsed.protocol === 'https:' || isLoopback(parsed.hostname)) return url.trim();
  throw new StrataError('INVALID_INPUT', `${endpointLabel(normalised)}: plain http is allowed only for this machine (127.0.0.1, localhost, [::1]); use https`);
}

function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host === '[::1]') return true;
  return /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(host) && host.split('.').every((part) => Number(part) <= 255);
}
