import type { ChainInfo } from '../../../shared/domain/chain';
import { StrataError } from '../../../shared/errors';
import { cosmosChains } from './cosmosChains';
import { evmChains } from './evmChains';

let builtins: ChainInfo[] | undefined;

/** Every built-in chain, EVM first, in a stable order. */
export function listChains(): ChainInfo[] {
  builtins ??= [...evmChains(), ...cosmosChains()];
  return builtins.map((c) => ({ ...c, nativeAsset: { ...c.nativeAsset } }));
}

/**
 * Resolves a chain by CAIP-2 id (`eip155:1`, `cosmos:cosmoshub-4`) or alias (`ethereum`, `cosmoshub`).
 * @throws StrataError UNKNOWN_CHAIN
 */
export function resolveChain(nameOrId: string): ChainInfo {
  const key = nameOrId.trim();
  const chain = listChains().find((c) => c.id === key || c.alias === key.toLowerCase());
  if (!chain) throw new StrataError('UNKNOWN_CHAIN', `Unknown chain "${key.slice(0, 64)}"`);
  return chain;
}
