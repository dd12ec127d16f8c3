import { accountFromAny } from '@cosmjs/stargate';
import { BinaryReader } from 'cosmjs-types/binary';
import { BaseAccount } from 'cosmjs-types/cosmos/auth/v1beta1/auth';
import type { Any } from 'cosmjs-types/google/protobuf/any';
import { StrataError } from '../../../../shared/errors';

/** What signing needs from an on-chain account. */
export interface CosmosAccount {
  address: string;
  accountNumber: bigint;
  sequence: bigint;
}

/** Ethereum-key chains wrap a BaseAccount: `EthAccount { BaseAccount base_account = 1; bytes code_hash = 2; }`. */
const ETH_ACCOUNT_TYPES = new Set(['/injective.types.v1beta1.EthAccount', '/ethermint.types.v1.EthAccount']);

/**
 * Account number and sequence of an auth module account: BaseAccount, Injective/Ethermint EthAccount, and the module
 * and vesting accounts cosmjs knows.
 * @throws StrataError INTERNAL for an account type we cannot read
 */
export function decodeCosmosAccount(account: Any): CosmosAccount {
  if (account.typeUrl === '/cosmos.auth.v1beta1.BaseAccount') return fromBase(BaseAccount.decode(account.value));
  if (ETH_ACCOUNT_TYPES.has(account.typeUrl)) return fromBase(baseOfEthAccount(account.value));
  try {
    const parsed = accountFromAny(account);
    return { address: parsed.address, accountNumber: BigInt(parsed.accountNumber), sequence: BigInt(parsed.sequence) };
  } catch (error) {
    throw new StrataError('INTERNAL', 'Unsupported account type on this chain', {
      cause: error,
      details: account.typeUrl.slice(0, 100),
    });
  }
}

function fromBase(base: BaseAccount): CosmosAccount {
  return { address: base.address, accountNumber: base.accountNumber, sequence: base.sequence };
}

function baseOfEthAccount(bytes: Uint8Array): BaseAccount {
  const reader = new BinaryReader(bytes);
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    if (tag >>> 3 === 1 && (tag & 7) === 2) return BaseAccount.decode(reader, reader.uint32());
    reader.skipType(tag & 7);
  }
  throw new StrataError('INTERNAL', 'An EthAccount without a base account');
}
