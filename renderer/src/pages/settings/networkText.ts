import type { ChainInfo } from '../../../../shared/domain/chain';
import { errorCode, errorText } from '../../ipc/errorText';

/** The kind of a chain for its tags: devnet, custom (added by the user) or built-in. */
export function chainOrigin(chain: ChainInfo): 'devnet' | 'custom' | 'builtin' {
  if (chain.alias.startsWith('custom-')) return 'custom';
  if (chain.alias.startsWith('devnet-')) return 'devnet';
  return 'builtin';
}

/** An endpoint's host for lists (`127.0.0.1:8545`, `rpc.ankr.com`), the URL itself when it does not parse. */
export function endpointHost(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

/**
 * Words for an endpoint check that failed. Main's messages name the host or the chain the node really serves,
 * which is what the person needs; the served chain id is replaced by its name when Strata knows it.
 */
export function endpointErrorText(error: unknown, byId: Record<string, ChainInfo>): string {
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : '';
  if (code === 'CHAIN_ID_MISMATCH') {
    const served = /serves (\S+), not/.exec(message)?.[1]?.replace(/,$/, '');
    const name = served ? byId[served]?.name : undefined;
    const what = served ? `${name ? `${name} (${served})` : served}` : 'a different network';
    return `That endpoint serves ${what}, not this network. Check the URL.`;
  }
  if (code === 'RPC_UNAVAILABLE') {
    const host = /^(\S+) did not/.exec(message)?.[1];
    return `${host ? `No answer from ${host}` : 'The endpoint did not answer'}. Check the URL and that the node is running.`;
  }
  return errorText(error);
}

/** One URL per line, blank lines ignored. */
export function parseEndpointLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** Why a list of endpoints would be refused before asking main, or null. */
export function endpointListProblem(urls: readonly string[]): string | null {
  if (urls.length > 5) return 'Use at most 5 endpoints.';
  const bad = urls.find((u) => !/^https?:\/\/[^\s]+$/i.test(u) || u.length > 512);
  if (bad) return `“${bad.slice(0, 60)}” is not an http(s) URL.`;
  return null;
}
