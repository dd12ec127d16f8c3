import type { AccountAddress } from '../../../shared/domain/account';

/** One address shared by one or more chains (an EVM key has the same address on every EVM chain). */
export interface AddressGroup {
  address: string;
  path: string | null;
  /** CAIP-2 ids, in the order main listed them */
  chains: string[];
}

/** Groups an account's per-chain addresses by identical address and path, keeping main's order. */
export function groupAddresses(addresses: readonly AccountAddress[]): AddressGroup[] {
  const groups = new Map<string, AddressGroup>();
  for (const entry of addresses) {
    const key = `${entry.address}\u0000${entry.path ?? ''}`;
    const group = groups.get(key);
    if (group) group.chains.push(entry.chain);
    else groups.set(key, { address: entry.address, path: entry.path, chains: [entry.chain] });
  }
  return [...groups.values()];
}
