import type { AccountView } from '../../../shared/domain/account';
import type { ChainInfo } from '../../../shared/domain/chain';

/**
 * The address an account uses on a chain: the one main listed for it, else (for a chain added later, like a custom
 * or devnet EVM chain) the account's EVM address, which is the same on every EVM chain. null when it has none.
 */
export function addressOnChain(account: AccountView, chain: ChainInfo, byId: Record<string, ChainInfo>): string | null {
  const listed = account.addresses.find((a) => a.chain === chain.id);
  if (listed) return listed.address;
  if (chain.family !== 'evm') return null;
  return account.addresses.find((a) => byId[a.chain]?.family === 'evm' || a.chain.startsWith('eip155:'))?.address ?? null;
}

/** Whether an account can sign (watch-only accounts cannot). */
export function canSend(account: AccountView): boolean {
  return account.kind !== 'watch';
}

/** Addresses compare case-insensitively for EVM (EIP-55 is only a checksum) and exactly for bech32. */
export function sameAddress(a: string, b: string): boolean {
  return a.startsWith('0x') && b.startsWith('0x') ? a.toLowerCase() === b.toLowerCase() : a === b;
}
