import Cosmos from '@ledgerhq/hw-app-cosmos';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { addressFromPublicKey } from '../../../shared/addresses/addressFromPublicKey';
import { StrataError } from '../../../shared/errors';
import type { LedgerAddress } from './ledgerEth';
import { ledgerErrorFrom } from './ledgerErrors';
import { ledgerPathLevels, normalizeLedgerPath } from './ledgerPath';
import type { LedgerTransport } from './openLedgerTransport';

function cosmosApp(transport: LedgerTransport): Cosmos {
  return new Cosmos(transport as unknown as ConstructorParameters<typeof Cosmos>[0]);
}

/** The Cosmos app takes exactly five levels, the first three hardened (44'/coin'/account'/change/index). */
function cosmosPath(path: string): string {
  const normalized = normalizeLedgerPath(path);
  const levels = ledgerPathLevels(normalized);
  const hardened = levels.map((level) => level >= 0x80000000);
  if (levels.length !== 5 || !hardened[0] || !hardened[1] || !hardened[2] || hardened[3] || hardened[4]) {
    throw new StrataError('INVALID_PATH', "The Cosmos app needs a path like 44'/118'/0'/0/0 (five levels, the first three hardened)");
  }
  return normalized;
}

/**
 * The bech32 address with `prefix` on `path` from the Cosmos app; with `verify` the device shows it first. The
 * address is checked against the returned public key.
 * @throws INVALID_PATH, LEDGER_* (device states), INTERNAL (an answer that does not add up)
 */
export async function getCosmosLedgerAddress(transport: LedgerTransport, path: string, prefix: string, verify = false): Promise<LedgerAddress> {
  const normalized = cosmosPath(path);
  let answer: { address: string; publicKey: string };
  try {
    answer = await cosmosApp(transport).getAddress(normalized, prefix, verify);
  } catch (error) {
    throw ledgerErrorFrom(error, 'Cosmos');
  }
  let publicKey: Uint8Array;
  try {
    publicKey = secp256k1.Point.fromHex(answer.publicKey).toBytes(true);
  } catch (error) {
    throw new StrataError('INTERNAL', 'The Ledger returned a malformed public key', { cause: error });
  }
  const expected = addressFromPublicKey(publicKey, { addressScheme: 'cosmos', bech32Prefix: prefix });
  if (expected !== answer.address) throw new StrataError('INTERNAL', 'The Ledger returned an address that does not match its public key');
  return { address: expected, publicKey: bytesToHex(publicKey), path: normalized };
}

/**
 * Signs an amino JSON sign doc (the sorted, compact JSON the Cosmos app parses and shows) on the device.
 * @returns the 64-byte r||s signature (low s, as the Cosmos SDK requires)
 * @throws LEDGER_REJECTED, LEDGER_LOCKED, LEDGER_APP_NOT_OPEN, LEDGER_DISCONNECTED, INTERNAL
 */
export async function signAminoOnLedger(transport: LedgerTransport, path: string, signDocJson: string): Promise<Uint8Array> {
  const normalized = cosmosPath(path);
  let answer: { signature: Buffer | null; return_code: number | string };
  try {
    answer = await cosmosApp(transport).sign(normalized, signDocJson);
  } catch (error) {
    throw ledgerErrorFrom(error, 'Cosmos', { signing: true });
  }
  if (answer.signature === null) throw new StrataError('INTERNAL', 'The Ledger returned no signature', { details: String(answer.return_code) });
  try {
    const signature = secp256k1.Signature.fromBytes(new Uint8Array(answer.signature), 'der');
    const n = secp256k1.Point.CURVE().n;
    const low = signature.s > n / 2n ? new secp256k1.Signature(signature.r, n - signature.s) : signature;
    return low.toBytes('compact');
  } catch (error) {
    throw new StrataError('INTERNAL', 'The Ledger returned a malformed signature', { cause: error });
  }
}
