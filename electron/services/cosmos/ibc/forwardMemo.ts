import { StrataError } from '../../../../shared/errors';

/** One hop a packet-forward-middleware chain makes after receiving: over `port`/`channel` to `receiver`. */
export interface ForwardHop {
  receiver: string;
  port: string;
  channel: string;
  /** Go duration the forwarded packet lives, e.g. "10m" */
  timeout?: string;
  retries?: number;
}

/** PFM's own placeholder receiver on the intermediate chain: the funds pass through its forward escrow. */
export const PFM_INTERMEDIATE_RECEIVER = 'pfm';

/**
 * The memo that makes packet-forward-middleware forward a received ICS-20 token over the given hops, in order:
 * `{"forward":{"receiver","port","channel","timeout","retries","next":{"forward":...}}}` (keys in this order, as the
 * PFM README writes them). An empty list is an empty memo.
 * @throws StrataError INVALID_INPUT for a hop without receiver or a channel that is not channel-N
 */
export function forwardMemo(hops: readonly ForwardHop[]): string {
  if (hops.length === 0) return '';
  const build = (index: number): Record<string, unknown> => {
    const hop = hops[index] as ForwardHop;
    if (hop.receiver.trim() === '' || !/^channel-(0|[1-9][0-9]*)$/.test(hop.channel) || hop.port.trim() === '') {
      throw new StrataError('INVALID_INPUT', 'A forward hop needs a receiver, a port and a channel-N');
    }
    const forward: Record<string, unknown> = { receiver: hop.receiver, port: hop.port, channel: hop.channel, timeout: hop.timeout ?? '10m', retries: hop.retries ?? 2 };
    if (index + 1 < hops.length) forward.next = build(index + 1);
    return { forward };
  };
  return JSON.stringify(build(0));
}
