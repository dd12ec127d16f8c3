import type { FeeTier } from '../../../shared/domain/send';
import { StrataError } from '../../../shared/errors';
import type { EvmFeeTier } from './evmFeeTiers';
import type { EvmAsset } from './parseEvmAsset';

/**
 * What an EVM PreparedTransfer carries in `unsigned`: everything but the nonce, which is reserved at send time (so a
 * review that is never confirmed leaves no gap), and the fee caps of every tier.
 */
export interface EvmUnsigned {
  family: 'evm';
  chainId: bigint;
  asset: EvmAsset;
  gasLimit: bigint;
  tiers: Record<FeeTier, EvmFeeTier>;
}

/** The EVM part of a prepared transfer. @throws INVALID_INPUT when it was not prepared by the EVM adapter */
export function evmUnsignedOf(unsigned: unknown): EvmUnsigned {
  const value = unsigned as Partial<EvmUnsigned> | null;
  if (typeof value !== 'object' || value === null || value.family !== 'evm' || typeof value.chainId !== 'bigint' || !value.tiers || !value.asset) {
    throw new StrataError('INVALID_INPUT', 'This transfer was not prepared for an EVM chain');
  }
  return value as EvmUnsigned;
}
