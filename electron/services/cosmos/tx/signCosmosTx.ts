import { makeSignDoc as makeAminoSignDoc, serializeSignDoc, type StdFee } from '@cosmjs/amino';
import { makeAuthInfoBytes, makeSignBytes, makeSignDoc, type EncodeObject } from '@cosmjs/proto-signing';
import type { Coin } from 'cosmjs-types/cosmos/base/v1beta1/coin';
import { SignMode } from 'cosmjs-types/cosmos/tx/signing/v1beta1/signing';
import { TxRaw } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import type { Any } from 'cosmjs-types/google/protobuf/any';
import type { ChainInfo } from '../../../../shared/domain/chain';
import { StrataError } from '../../../../shared/errors';
import { cosmosChainId } from '../cosmosChainId';
import type { CosmosSigner } from '../cosmosSigner';
import { cosmosKeyScheme, encodeCosmosPubkey, verifyCosmosSignature, type CosmosKeyScheme } from '../keyScheme';
import { cosmosAminoTypes, cosmosRegistry } from './txEncoding';
import { cosmosTxHash } from './txHash';

export type CosmosSignMode = 'direct' | 'amino';

export interface CosmosFee {
  amount: ReadonlyArray<{ denom: string; amount: bigint }>;
  /** gas limit */
  gas: bigint;
  granter?: string;
  payer?: string;
}

export interface CosmosTxRequest {
  chain: ChainInfo;
  msgs: readonly EncodeObject[];
  fee: CosmosFee;
  memo?: string;
  /** from the chain's auth module (getCosmosAccount) */
  accountNumber: bigint;
  sequence: bigint;
  /** SIGN_MODE_DIRECT (default) or LEGACY_AMINO_JSON */
  signMode?: CosmosSignMode;
  timeoutHeight?: bigint;
}

export interface SignedCosmosTx {
  /** TxRaw bytes, ready to broadcast */
  txBytes: Uint8Array;
  /** uppercase hex sha256 of txBytes: the hash the chain will index it under */
  hash: string;
  signMode: CosmosSignMode;
}

const MAX_MEMO_LENGTH = 512;

/**
 * Builds the sign doc (protobuf SignDoc for direct mode, sorted amino JSON for amino mode), has the injected signer
 * sign the chain's digest of it (sha256, or keccak256 on Ethereum-key chains), checks the signature against the
 * signer's public key, and assembles the TxRaw. The signer never sees anything but a 32-byte digest.
 * @throws StrataError INVALID_INPUT (memo, gas, public key), INTERNAL when the signer's signature does not verify;
 *   whatever the signer throws (VAULT_LOCKED, ...)
 */
export async function signCosmosTx(signer: CosmosSigner, request: CosmosTxRequest): Promise<SignedCosmosTx> {
  const chainId = cosmosChainId(request.chain);
  const scheme = cosmosKeyScheme(request.chain);
  const pubkey = encodeCosmosPubkey(scheme, signer.pubkey);
  const memo = request.memo ?? '';
  if (memo.length > MAX_MEMO_LENGTH) throw new StrataError('INVALID_INPUT', `The memo is longer than ${MAX_MEMO_LENGTH} characters`);
  if (request.msgs.length === 0) throw new StrataError('INVALID_INPUT', 'A transaction needs at least one message');
  const gasLimit = toGasLimit(request.fee.gas);
  const feeCoins: Coin[] = request.fee.amount.map((c) => ({ denom: c.denom, amount: c.amount.toString() }));
  // A device that shows the transaction reads amino JSON only.
  const mode = request.signMode ?? (signer.signAminoJson ? 'amino' : 'direct');
  if (mode === 'direct' && signer.signAminoJson) throw new StrataError('INVALID_INPUT', 'This signer (a Ledger) signs in amino JSON mode only');
  const signed =
    mode === 'direct'
      ? await signDirect(signer, scheme, pubkey, { ...request, memo, chainId, gasLimit, feeCoins })
      : await signAmino(signer, scheme, pubkey, { ...request, memo, chainId, gasLimit, feeCoins });
  const txBytes = TxRaw.encode(TxRaw.fromPartial(signed)).finish();
  return { txBytes, hash: cosmosTxHash(txBytes), signMode: mode };
}

interface Prepared extends CosmosTxRequest {
  memo: string;
  chainId: string;
  gasLimit: number;
  feeCoins: Coin[];
}

async function signDirect(signer: CosmosSigner, scheme: CosmosKeyScheme, pubkey: Any, tx: Prepared): Promise<TxRaw> {
  const bodyBytes = cosmosRegistry.encode({
    typeUrl: '/cosmos.tx.v1beta1.TxBody',
    value: { messages: tx.msgs, memo: tx.memo, timeoutHeight: tx.timeoutHeight },
  });
  const authInfoBytes = makeAuthInfoBytes(
    [{ pubkey, sequence: tx.sequence }],
    tx.feeCoins,
    tx.gasLimit,
    tx.fee.granter,
    tx.fee.payer,
    SignMode.SIGN_MODE_DIRECT,
  );
  const signBytes = makeSignBytes(makeSignDoc(bodyBytes, authInfoBytes, tx.chainId, tx.accountNumber));
  const signature = await signChecked(signer, scheme, signBytes);
  return { bodyBytes, authInfoBytes, signatures: [signature] };
}

async function signAmino(signer: CosmosSigner, scheme: CosmosKeyScheme, pubkey: Any, tx: Prepared): Promise<TxRaw> {
  const aminoMsgs = tx.msgs.map((msg) => {
    try {
      return cosmosAminoTypes.toAmino(msg);
    } catch (error) {
      throw new StrataError('INVALID_INPUT', 'This message cannot be signed in amino mode', { cause: error });
    }
  });
  const stdFee: StdFee = {
    amount: tx.feeCoins,
    gas: tx.gasLimit.toString(),
    ...(tx.fee.granter === undefined ? {} : { granter: tx.fee.granter }),
    ...(tx.fee.payer === undefined ? {} : { payer: tx.fee.payer }),
  };
  const signDoc = makeAminoSignDoc(aminoMsgs, stdFee, tx.chainId, tx.memo, tx.accountNumber, tx.sequence.toString(), tx.timeoutHeight);
  const signature = await signChecked(signer, scheme, serializeSignDoc(signDoc));
  // The body carries the messages as the amino JSON said them, so what was signed is what is sent.
  const bodyBytes = cosmosRegistry.encode({
    typeUrl: '/cosmos.tx.v1beta1.TxBody',
    value: { messages: signDoc.msgs.map((msg) => cosmosAminoTypes.fromAmino(msg)), memo: signDoc.memo, timeoutHeight: tx.timeoutHeight },
  });
  const authInfoBytes = makeAuthInfoBytes(
    [{ pubkey, sequence: tx.sequence }],
    tx.feeCoins,
    tx.gasLimit,
    tx.fee.granter,
    tx.fee.payer,
    SignMode.SIGN_MODE_LEGACY_AMINO_JSON,
  );
  return { bodyBytes, authInfoBytes, signatures: [signature] };
}

/** Signs the scheme's digest and refuses a signature that does not verify (wrong key, high-s, a broken signer). */
async function signChecked(signer: CosmosSigner, scheme: CosmosKeyScheme, signBytes: Uint8Array): Promise<Uint8Array> {
  const signature = signer.signAminoJson ? await signer.signAminoJson(signBytes) : await signer.signDigest(scheme.digest(signBytes));
  if (!verifyCosmosSignature(scheme, signBytes, signature, signer.pubkey)) {
    throw new StrataError('INTERNAL', 'The signer returned a signature that does not verify');
  }
  return Uint8Array.from(signature);
}

function toGasLimit(gas: bigint): number {
  if (gas <= 0n || gas > BigInt(Number.MAX_SAFE_INTEGER)) throw new StrataError('INVALID_INPUT', 'Invalid gas limit');
  return Number(gas);
}
