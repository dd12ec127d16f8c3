import { hexToBytes } from '@noble/hashes/utils.js';
import { StrataError } from '../../../shared/errors';
import type { DigestSigner } from '../chains/chainAdapter';
import type { LedgerTarget } from '../vault/vault';
import { signEvmTransactionOnLedger } from './ledgerEth';
import type { LedgerConnector } from './openLedgerTransport';

/**
 * The signer of a Ledger EVM account, behind the same interface as the vault's: the device is opened for each
 * signature and shown the whole transaction (`signEvmTransaction`); it never signs a bare digest. The caller checks
 * that the signature recovers to the account (signEvmTransaction does), so a device with another seed sends nothing.
 * @throws INVALID_INPUT for a Cosmos Ledger account (signing Cosmos on the device is not wired into sends yet)
 */
export function ledgerEvmSigner(connector: LedgerConnector, ledger: LedgerTarget): DigestSigner {
  if (ledger.family !== 'evm') throw new StrataError('INVALID_INPUT', 'Sending from a Cosmos Ledger account is not supported yet');
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
