import type { AccountView } from '../../../../shared/domain/account';
import type { ChainInfo } from '../../../../shared/domain/chain';
import { addressOnChain, sameAddress } from '../../lib/chainAddress';

/** An address of the account and the chains where it receives. */
export interface ReceiveAddress {
  chain: ChainInfo;
  address: string;
}

/** Every chain the account has an address on, with that address, in main's order. */
export function receiveAddresses(account: AccountView | undefined, chains: readonly ChainInfo[], byId: Record<string, ChainInfo>): ReceiveAddress[] {
  if (!account) return [];
  return chains.flatMap((chain) => {
    const address = addressOnChain(account, chain, byId);
    return address === null ? [] : [{ chain, address }];
  });
}

/**
 * What a sender must know about the picked address: the other chains where the very same address receives (every
 * EVM chain shares one), and the account's different addresses on the picked family's other chains (each Cosmos
 * chain has its own prefix, so its own address).
 */
export function sharedAddresses(all: readonly ReceiveAddress[], picked: ReceiveAddress): { same: ChainInfo[]; different: ReceiveAddress[] } {
  const others = all.filter((entry) => entry.chain.id !== picked.chain.id && entry.chain.family === picked.chain.family);
  return {
    same: others.filter((entry) => sameAddress(entry.address, picked.address)).map((entry) => entry.chain),
    different: others.filter((entry) => !sameAddress(entry.address, picked.address)),
  };
}
