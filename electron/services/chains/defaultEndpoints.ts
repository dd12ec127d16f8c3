import { arbitrum, avalanche, base, bsc, mainnet, optimism, polygon } from 'viem/chains';
import { COSMOS_REGISTRY } from './cosmosRegistry';

/** How many of chain-registry's public RPC endpoints we keep as a chain's failover list. */
const COSMOS_ENDPOINTS = 3;

const EVM: Record<string, readonly string[]> = Object.fromEntries(
  [mainnet, arbitrum, optimism, base, polygon, bsc, avalanche].map((c) => [`eip155:${c.id}`, c.rpcUrls.default.http]),
);

const COSMOS: Record<string, readonly string[]> = Object.fromEntries(
  COSMOS_REGISTRY.map(({ entry: { chain } }) => [
    `cosmos:${chain.chainId}`,
    (chain.apis?.rpc ?? []).map((api) => api.address).filter((url) => url.startsWith('https://')).slice(0, COSMOS_ENDPOINTS),
  ]),
);

/**
 * The public RPC endpoints a built-in chain starts with: viem's default for EVM chains, chain-registry's list for
 * Cosmos chains. The user can replace them in settings. Never used by tests.
 */
export function defaultEndpoints(chainId: string): string[] {
  return [...(EVM[chainId] ?? COSMOS[chainId] ?? [])];
}
