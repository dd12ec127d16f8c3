import { hexToBytes } from '@noble/hashes/utils.js';
import { StrataError } from '../../../shared/errors';
import type { DigestSigner } from '../chains/chainAdapter';
import type { LedgerTarget } from '../vault/vault';
import { signAminoOnLedger } from './ledgerCosmos';
import { signEvmTransactionOnLedger } from './ledgerEth';
import type { LedgerConnector } from './openLedgerTransport';

/**
 * The signer of a Ledger account for its family: EVM (ledgerEvmSigner) or Cosmos (ledgerCosmosSigner).
 */
export function ledgerSigner(connector: LedgerConnector, ledger: LedgerTarget): DigestSigner {
  return ledger.family === 'evm' ? ledgerEvmSigner(connector, ledger) : ledgerCosmosSigner(connector, ledger);
}

/**
 * The signer of a Ledger Cosmos account: the Cosmos app is shown the amino JSON sign doc (`signAminoJson`, so the
 * transaction is signed in LEGACY_AMINO_JSON mode); it never signs a bare digest. signCosmosTx verifies the signature
 * against the account's public key before anything is broadcast.
 */
export function ledgerCosmosSigner(connector: LedgerConnector, ledger: LedgerTarget): DigestSigner {
  if (ledger.family !== 'cosmos') throw new StrataError('INVALID_INPUT', 'Not a Cosmos Ledger account');
  return {
    address: ledger.address,
    publicKey: hexToBytes(ledger.publicKey),
    signDigest: () => Promise.reject(new StrataError('INVALID_INPUT', 'A Ledger signs whole transactions it can show, never a bare digest')),
    signAminoJson: async (signBytes) => {
      const transport = await connector();
      try {
        return await signAminoOnLedger(transport, ledger.path, new TextDecoder().decode(signBytes));
      } finally {
        await transport.close().catch(() => undefined);
      }
    },
  };
}

/**
 * The signer of a Ledger EVM account, behind the same interface as the vault's: the device is opened for each
 * signature and shown the whole transaction (`signEvmTransaction`); it never signs a bare digest. The caller checks
 * that the signature recovers to the account (signEvmTransaction does), so a device with another seed sends nothing.
 * @throws INVALID_INPUT for a Cosmos Ledger account
 */
export function ledgerEvmSigner(connector: LedgerConnector, ledger: LedgerTarget): DigestSigner {
  if (ledger.family !== 'evm') throw new StrataError('INVALID_INPUT', 'Not an EVM Ledger account');
  return {
    address: ledger.address,
    publicKey: hexToBytes(ledger.publicKey),
    signDigest: () => Promise.reject(new StrataError('INVALID_INPUT', 'A Ledger signs whole transactions it can show, never a bare digest')),
    signEvmTransaction: async (unsignedSerialized) => {
      const transport = await connector();
      try {
        return await signEvmTransactionOnLedger(transport, ledger.path, unsignedSerialized);
      } finally {
        await transport.close().catch(() => undefined);
      }
    },
  };
}
