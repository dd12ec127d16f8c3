import { arbitrum, avalanche, base, bsc, mainnet, optimism, polygon } from 'viem/chains';
import type { ChainInfo } from '../../../shared/domain/chain';

/**
 * Built-in EVM chains, the one table of them: metadata and the first RPC endpoint from viem's maintained chain list
 * (`rpcUrls.default`), the alias ours. viem carries one endpoint per chain and chain-registry none for EVM chains, so
 * `moreRpc` adds two keyless public endpoints each (no account, no API key), for failover: PublicNode's
 * (publicnode.com) and the chain team's own or 1RPC's (1rpc.io). Tests never call them. Adding a chain is one row.
 */
const EVM_CHAINS = [
  { alias: 'ethereum', chain: mainnet, moreRpc: ['https://ethereum-rpc.publicnode.com', 'https://1rpc.io/eth'] },
  { alias: 'arbitrum', chain: arbitrum, moreRpc: ['https://arbitrum-one-rpc.publicnode.com', 'https://1rpc.io/arb'] },
  { alias: 'optimism', chain: optimism, moreRpc: ['https://optimism-rpc.publicnode.com', 'https://1rpc.io/op'] },
  { alias: 'base', chain: base, moreRpc: ['https://base-rpc.publicnode.com', 'https://1rpc.io/base'] },
  { alias: 'polygon', chain: polygon, moreRpc: ['https://polygon-bor-rpc.publicnode.com', 'https://polygon-rpc.com'] },
  { alias: 'bsc', chain: bsc, moreRpc: ['https://bsc-dataseed.bnbchain.org', 'https://bsc-rpc.publicnode.com'] },
  { alias: 'avalanche', chain: avalanche, moreRpc: ['https://avalanche-c-chain-rpc.publicnode.com', 'https://1rpc.io/avax/c'] },
] as const;

export function evmChains(): ChainInfo[] {
  return EVM_CHAINS.map(({ alias, chain }) => ({
    id: `eip155:${chain.id}`,
    alias,
    name: chain.name,
    family: 'evm',
    addressScheme: 'evm',
    coinType: 60,
    bech32Prefix: null,
    nativeAsset: { symbol: chain.nativeCurrency.symbol, denom: 'wei', decimals: chain.nativeCurrency.decimals },
    testnet: chain.testnet === true,
  }));
}

/** The default endpoints of a built-in EVM chain, in failover order (viem's first); [] for any other chain id. */
export function evmDefaultEndpoints(chainId: string): string[] {
  const row = EVM_CHAINS.find(({ chain }) => `eip155:${chain.id}` === chainId);
  return row === undefined ? [] : [...new Set([...row.chain.rpcUrls.default.http, ...row.moreRpc])];
}
