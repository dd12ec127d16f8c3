import { COSMOS_REGISTRY } from './cosmosRegistry';
import { evmDefaultEndpoints } from './evmChains';

/** How many of chain-registry's public RPC endpoints we keep as a chain's failover list. */
const COSMOS_ENDPOINTS = 3;

const COSMOS: Record<string, readonly string[]> = Object.fromEntries(
  COSMOS_REGISTRY.map(({ entry: { chain } }) => [
    `cosmos:${chain.chainId}`,
    (chain.apis?.rpc ?? []).map((api) => api.address).filter((url) => url.startsWith('https://')).slice(0, COSMOS_ENDPOINTS),
  ]),
);

/**
 * The public RPC endpoints a built-in chain starts with, in failover order: the EVM chain table's (evmChains.ts: viem's
 * endpoint plus two keyless ones), chain-registry's first three https endpoints for Cosmos chains. The user can
 * replace them in settings (`chains.setRpc`, `strata chains set-rpc`). Never used by tests.
 */
export function defaultEndpoints(chainId: string): string[] {
  const evm = evmDefaultEndpoints(chainId);
  return evm.length > 0 ? evm : [...(COSMOS[chainId] ?? [])];
}
