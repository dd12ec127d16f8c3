import { mainnet, arbitrum, optimism, base, polygon, bsc, avalanche } from 'viem/chains';
import { describe, expect, it } from 'vitest';
import { defaultEndpoints } from '../../electron/services/chains/defaultEndpoints';
import { evmChains } from '../../electron/services/chains/evmChains';
import { cosmosChains } from '../../electron/services/chains/cosmosChains';

describe('default RPC endpoints (data only: nothing is contacted)', () => {
  it('gives every built-in EVM chain three distinct keyless https endpoints, viem’s own first', () => {
    const viemFirst = Object.fromEntries([mainnet, arbitrum, optimism, base, polygon, bsc, avalanche].map((c) => [`eip155:${c.id}`, c.rpcUrls.default.http[0]]));
    expect(evmChains().map((c) => c.id).sort()).toEqual(Object.keys(viemFirst).sort());
    for (const chain of evmChains()) {
      const urls = defaultEndpoints(chain.id);
      expect(urls).toHaveLength(3);
      expect(new Set(urls).size).toBe(3);
      expect(urls[0]).toBe(viemFirst[chain.id]);
      for (const url of urls) {
        const parsed = new URL(url);
        expect(parsed.protocol).toBe('https:');
        // keyless: no credentials, no query string carrying a key
        expect([parsed.username, parsed.password, parsed.search]).toEqual(['', '', '']);
      }
    }
  });

  it('gives every bundled Cosmos chain chain-registry endpoints (https, at most three) and unknown chains none', () => {
    for (const chain of cosmosChains()) {
      const urls = defaultEndpoints(chain.id);
      expect(urls.length).toBeGreaterThanOrEqual(2);
      expect(urls.length).toBeLessThanOrEqual(3);
      for (const url of urls) expect(url.startsWith('https://')).toBe(true);
    }
    expect(defaultEndpoints('eip155:31337')).toEqual([]);
  });
});
