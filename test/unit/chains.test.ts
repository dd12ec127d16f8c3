import { describe, expect, it } from 'vitest';
import { listChains, resolveChain } from '../../electron/services/chains/chainRegistry';
import { expectStrataError } from './expectStrataError';

describe('built-in chains', () => {
  it('lists the EVM and Cosmos chains in a stable order', () => {
    expect(listChains().map((c) => c.alias)).toEqual([
      'ethereum', 'arbitrum', 'optimism', 'base', 'polygon', 'bsc', 'avalanche',
      'cosmoshub', 'osmosis', 'noble', 'celestia', 'neutron', 'injective',
    ]);
  });

  it('takes EVM metadata from viem', () => {
    expect(resolveChain('ethereum')).toEqual({
      id: 'eip155:1', alias: 'ethereum', name: 'Ethereum', family: 'evm', addressScheme: 'evm', coinType: 60,
      bech32Prefix: null, nativeAsset: { symbol: 'ETH', denom: 'wei', decimals: 18 }, testnet: false,
    });
    expect(resolveChain('eip155:42161').alias).toBe('arbitrum');
    expect(resolveChain('polygon').nativeAsset.symbol).toBe('POL');
  });

  it('takes Cosmos metadata from chain-registry', () => {
    expect(resolveChain('cosmoshub')).toEqual({
      id: 'cosmos:cosmoshub-4', alias: 'cosmoshub', name: 'Cosmos Hub', family: 'cosmos', addressScheme: 'cosmos', coinType: 118,
      bech32Prefix: 'cosmos', nativeAsset: { symbol: 'ATOM', denom: 'uatom', decimals: 6 }, testnet: false,
    });
    expect(resolveChain('cosmos:osmosis-1').nativeAsset).toEqual({ symbol: 'OSMO', denom: 'uosmo', decimals: 6 });
    expect(resolveChain('noble').nativeAsset.denom).toBe('uusdc');
    expect(resolveChain('celestia').id).toBe('cosmos:celestia');
    const inj = resolveChain('injective');
    expect([inj.coinType, inj.addressScheme, inj.bech32Prefix, inj.nativeAsset.decimals]).toEqual([60, 'eth-bech32', 'inj', 18]);
  });

  it('resolves aliases case-insensitively and rejects unknown names', () => {
    expect(resolveChain(' Osmosis ').id).toBe('cosmos:osmosis-1');
    expectStrataError(() => resolveChain('eip155:999999'), 'UNKNOWN_CHAIN', /Unknown chain "eip155:999999"/);
    expectStrataError(() => resolveChain('solana'), 'UNKNOWN_CHAIN');
  });

  it('hands out copies', () => {
    const first = listChains();
    (first[0] as { alias: string }).alias = 'mutated';
    expect(listChains()[0]?.alias).toBe('ethereum');
  });
});
