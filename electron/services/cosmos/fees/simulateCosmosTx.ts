import type { EncodeObject } from '@cosmjs/proto-signing';
import { SignMode } from 'cosmjs-types/cosmos/tx/signing/v1beta1/signing';
import { SimulateRequest, SimulateResponse } from 'cosmjs-types/cosmos/tx/v1beta1/service';
import { AuthInfo, Fee, Tx, TxBody } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import type { ChainInfo } from '../../../../shared/domain/chain';
import { StrataError } from '../../../../shared/errors';
import { cosmosKeyScheme, encodeCosmosPubkey } from '../keyScheme';
import { abciQuery, CosmosQueryError } from '../rpc/abciQuery';
import type { CosmosRpc } from '../rpc/createCosmosRpc';
import { txFailure } from '../tx/txFailure';
import { cosmosRegistry } from '../tx/txEncoding';

/**
 * Gas the messages use, by the chain's own simulation (`cosmos.tx.v1beta1.Service/Simulate`) of an unsigned
 * transaction carrying the signer's public key in the chain's key type, its next sequence, and a fee in the fee denom.
 * The fee matters: the SDK's ante handler deducts a fee (reads and writes the payer's and the fee collector's
 * balances) only when it is non-zero, so a simulation without one measures ~18k gas less than the block charges and
 * the transaction runs out of gas with its fee taken. The simulated fee is 1 base unit: enough for the deduction to
 * run, never more than the real fee (a send of everything but the fee still simulates); the digits it lacks are in
 * GAS_FLOOR_MARGIN. `feeDenom` null simulates an empty fee, as a free chain (gas price 0) will execute it.
 * @throws StrataError INSUFFICIENT_FUNDS or TX_FAILED when the simulation fails; RPC_UNAVAILABLE, CHAIN_ID_MISMATCH
 */
export async function simulateCosmosTx(
  client: CosmosRpc,
  chain: ChainInfo,
  msgs: readonly EncodeObject[],
  signerPubkey: Uint8Array,
  options: { memo?: string; sequence: bigint; feeDenom: string | null },
): Promise<bigint> {
  const tx = Tx.fromPartial({
    body: TxBody.fromPartial({ messages: msgs.map((msg) => cosmosRegistry.encodeAsAny(msg)), memo: options.memo ?? '' }),
    authInfo: AuthInfo.fromPartial({
      fee: Fee.fromPartial({ amount: options.feeDenom === null ? [] : [{ denom: options.feeDenom, amount: SIMULATED_FEE_AMOUNT }] }),
      signerInfos: [
        {
          publicKey: encodeCosmosPubkey(cosmosKeyScheme(chain), signerPubkey),
          sequence: options.sequence,
          modeInfo: { single: { mode: SignMode.SIGN_MODE_UNSPECIFIED } },
        },
      ],
    }),
    signatures: [new Uint8Array()],
  });
  const request = SimulateRequest.encode(SimulateRequest.fromPartial({ txBytes: Tx.encode(tx).finish() })).finish();
  const response = await client.withNode(async (node) => {
    try {
      return SimulateResponse.decode(await abciQuery(node, '/cosmos.tx.v1beta1.Service/Simulate', request));
    } catch (error) {
      if (error instanceof CosmosQueryError) throw txFailure('simulate', simulationResult(error));
      throw error;
    }
  });
  const gasUsed = response.gasInfo?.gasUsed ?? 0n;
  if (gasUsed <= 0n) throw new StrataError('TX_FAILED', 'The node returned no gas estimate');
  return gasUsed;
}

/** The fee a simulation carries, in base units of the fee denom (see simulateCosmosTx). */
export const SIMULATED_FEE_AMOUNT = '1';

/**
 * A failed simulation comes back as a query error: gRPC wraps the SDK error, so the code and codespace are those of
 * the query layer. The SDK's own code is in the log (`... insufficient funds [...]`), and we read the common ones.
 */
function simulationResult(error: CosmosQueryError): { code: number; codespace: string; log: string } {
  if (/insufficient funds/i.test(error.log)) return { code: 5, codespace: 'sdk', log: error.log };
  if (/account sequence mismatch/i.test(error.log)) return { code: 32, codespace: 'sdk', log: error.log };
  if (/account .* not found/i.test(error.log)) return { code: 9, codespace: 'sdk', log: error.log };
  return { code: error.abciCode, codespace: error.codespace, log: error.log };
}
