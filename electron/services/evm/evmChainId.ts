import type { ChainInfo } from '../../../shared/domain/chain';
import { StrataError } from '../../../shared/errors';

/** The numeric EIP-155 chain id of an EVM chain (`eip155:31337` -> 31337n). @throws UNKNOWN_CHAIN for other families */
export function evmChainId(chain: Pick<ChainInfo, 'id' | 'family' | 'name'>): bigint {
  const match = /^eip155:([1-9][0-9]{0,18})$/.exec(chain.id);
  if (chain.family !== 'evm' || !match) throw new StrataError('UNKNOWN_CHAIN', `${chain.name} is not an EVM chain`);
  return BigInt(match[1] as string);
}
