import type { ChainInfo } from '../domain/chain';
import { parseBech32Address } from './bech32Address';
import { parseEvmAddress } from './evmAddress';

/** Validates a user-supplied address for a chain and returns its canonical form (EIP-55 or lowercase bech32). */
export function parseAddress(input: string, chain: Pick<ChainInfo, 'family' | 'bech32Prefix'>): string {
  if (chain.family === 'evm') return parseEvmAddress(input);
  return parseBech32Address(input, chain.bech32Prefix ?? '').address;
}
