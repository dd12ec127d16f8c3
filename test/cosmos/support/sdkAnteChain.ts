/**
 * A stand-in Cosmos SDK 0.53 / CometBFT 0.38 chain that charges gas and fees the way the SDK's ante handler does,
 * so that a wrong gas limit or fee fails here as it fails on Cosmos Hub:
 * - Simulate: the messages' gas, plus FEE_DEDUCTION_GAS when the simulated fee is non-zero (x/auth's
 *   DeductFeeDecorator deducts only a non-zero fee, in simulation as in the block).
 * - A fee market (x/feemarket's `GasPrice`, LegacyDec atomics on the wire) whose minimum CheckTx enforces: a fee
 *   below ceil(gas limit * price) is refused with the SDK's ErrInsufficientFee (code 13), not included, nothing charged.
 * - Execution in a block always deducts the fee; a gas limit below the gas the block charges fails with ErrOutOfGas
 *   (code 11) and the fee stays charged: the transaction is in the block with the ante handler's events (`tx` fee
 *   and fee_payer, the fee's coin_spent/coin_received/transfer, acc_seq, signature), its sequence used.
 */
import { decodeTxRaw } from '@cosmjs/proto-signing';
import { BinaryReader, BinaryWriter } from 'cosmjs-types/binary';
import { DecCoin } from 'cosmjs-types/cosmos/base/v1beta1/coin';
import { MsgSend } from 'cosmjs-types/cosmos/bank/v1beta1/tx';
import { Tx } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import { cosmosTxHash } from '../../../electron/services/cosmos/tx/txHash';
import type { PlainEvent } from './ibcEvents';
import { accountRoute, appRouter, balancesRoute, baseAccountAny, FEE_DEDUCTION_GAS, hasNonZeroFee, simulateRoute } from './scriptedCosmosApp';
import { startScriptedNode, type ScriptedNode } from './scriptedCometNode';

/** The SDK's fee collector on Cosmos Hub (auth module account `fee_collector`). */
export const FEE_COLLECTOR = 'cosmos17xpfvakm2amg962yls6f84z3kell8c5lserqta';

export interface SdkAnteChainOptions {
  address: string;
  balance: bigint;
  accountNumber: bigint;
  sequence: bigint;
  /** gas a MsgSend uses without the fee deduction (issue 17 measured 50,591 on SDK 0.53) */
  msgGas: bigint;
  /** x/feemarket's current uatom gas price as a decimal string; undefined: the node has no fee market */
  gasPrice?: string;
  /** gas the block charges beyond what simulation said (state that changed in between); default 0 */
  blockExtraGas?: bigint;
}

export interface IncludedTx {
  hash: string;
  height: number;
  code: number;
  gasWanted: bigint;
  gasUsed: bigint;
  fee: bigint;
  events: PlainEvent[];
  tx: Uint8Array;
}

export interface SdkAnteChain {
  node: ScriptedNode;
  url: string;
  /** what the chain included, failed or not */
  included: IncludedTx[];
  /** CheckTx refusals: never included, nothing charged */
  refused: Array<{ code: number; log: string }>;
  simulated: Tx[];
  state: { balance: bigint; sequence: bigint; gasPrice: string | undefined; height: number };
  close(): Promise<void>;
}

export async function startSdkAnteChain(options: SdkAnteChainOptions): Promise<SdkAnteChain> {
  const simulated: Tx[] = [];
  const included: IncludedTx[] = [];
  const refused: SdkAnteChain['refused'] = [];
  const state: SdkAnteChain['state'] = { balance: options.balance, sequence: options.sequence, gasPrice: options.gasPrice, height: 2028 };
  const dynamicRoutes = (path: string, data: Uint8Array) => {
    if (path === '/feemarket.feemarket.v1.Query/GasPrice' && state.gasPrice !== undefined) {
      const denom = new BinaryReader(data).skip(1).string();
      if (denom !== 'uatom') return { code: 1, codespace: 'feemarket', log: `unable to get min gas price for denom ${denom}: unknown denom` };
      const writer = new BinaryWriter();
      DecCoin.encode({ denom, amount: legacyDecAtomics(state.gasPrice) }, writer.uint32(10).fork()).ldelim();
      return { value: writer.finish() };
    }
    const route = appRouter({
      ...balancesRoute({ [options.address]: [{ denom: 'uatom', amount: state.balance.toString() }] }),
      ...accountRoute({ [options.address]: baseAccountAny(options.address, options.accountNumber, state.sequence) }),
      ...simulateRoute({ gasUsed: options.msgGas }, simulated),
    });
    return route(path, data);
  };
  const node = await startScriptedNode({
    network: 'cosmoshub-4',
    version: '0.38.17',
    latestHeight: () => String(state.height),
    abciQuery: dynamicRoutes,
    broadcastTxSync: (txBytes) => {
      const decoded = decodeTxRaw(txBytes);
      const fee = BigInt(decoded.authInfo.fee?.amount.find((c) => c.denom === 'uatom')?.amount ?? '0');
      const gasLimit = decoded.authInfo.fee?.gasLimit ?? 0n;
      if (state.gasPrice !== undefined) {
        const required = ceilMul(gasLimit, state.gasPrice);
        if (fee < required) {
          const log = `error checking fee: got: ${fee}uatom required: ${required}uatom, minGasPrice: ${state.gasPrice}uatom: insufficient fee`;
          refused.push({ code: 13, log });
          return { code: 13, codespace: 'sdk', log };
        }
      }
      if (decoded.authInfo.signerInfos[0]?.sequence !== state.sequence) return { code: 32, codespace: 'sdk', log: 'account sequence mismatch' };
      if (fee > state.balance) return { code: 5, codespace: 'sdk', log: `${state.balance}uatom is smaller than ${fee}uatom: insufficient funds` };
      // In the block: the fee is deducted first (whatever follows), then the message runs if gas is left.
      const charged = options.msgGas + (options.blockExtraGas ?? 0n) + (hasNonZeroFee(Tx.decode(txBytes)) ? FEE_DEDUCTION_GAS : 0n);
      state.balance -= fee;
      state.sequence += 1n;
      state.height += 1;
      const send = MsgSend.decode(decoded.body.messages[0]?.value ?? new Uint8Array());
      const outOfGas = gasLimit < charged;
      const events = anteEvents(options.address, fee, state.sequence - 1n);
      if (!outOfGas) {
        const amount = BigInt(send.amount[0]?.amount ?? '0');
        state.balance -= amount;
        events.push(...msgSendEvents(send.fromAddress, send.toAddress, `${amount}${send.amount[0]?.denom ?? ''}`));
      }
      included.push({
        hash: cosmosTxHash(txBytes),
        height: state.height,
        code: outOfGas ? 11 : 0,
        gasWanted: gasLimit,
        // The SDK reports the gas consumed when the meter ran out (the limit passed by the last charge).
        gasUsed: outOfGas ? gasLimit + 971n : charged,
        fee,
        events,
        tx: txBytes,
      });
      return {};
    },
    tx: (hash) => {
      const found = included.find((t) => t.hash === hash);
      return found === undefined ? null : txResult(found);
    },
  });
  return { node, url: node.url, included, refused, simulated, state, close: () => node.close() };
}

/** The `tx` JSON-RPC result of CometBFT 0.38 for an included transaction (plain-string attributes). */
function txResult(tx: IncludedTx): Record<string, unknown> {
  return {
    hash: tx.hash,
    height: String(tx.height),
    index: 0,
    tx_result: {
      code: tx.code,
      data: tx.code === 0 ? 'EiYKJC9jb3Ntb3MuYmFuay52MWJldGExLk1zZ1NlbmRSZXNwb25zZQ==' : '',
      log: tx.code === 0 ? '' : `out of gas in location: WriteFlat; gasWanted: ${tx.gasWanted}, gasUsed: ${tx.gasUsed}: out of gas`,
      info: '',
      gas_wanted: tx.gasWanted.toString(),
      gas_used: tx.gasUsed.toString(),
      events: tx.events.map((e) => ({ type: e.type, attributes: e.attributes.map((a) => ({ ...a, index: true })) })),
      codespace: tx.code === 0 ? '' : 'sdk',
    },
    tx: Buffer.from(tx.tx).toString('base64'),
  };
}

/** x/auth's ante handler events, kept in the block even when the messages fail (SDK 0.50+ order). */
function anteEvents(payer: string, fee: bigint, sequence: bigint): PlainEvent[] {
  const coin = `${fee}uatom`;
  return [
    { type: 'coin_spent', attributes: [{ key: 'spender', value: payer }, { key: 'amount', value: coin }] },
    { type: 'coin_received', attributes: [{ key: 'receiver', value: FEE_COLLECTOR }, { key: 'amount', value: coin }] },
    { type: 'transfer', attributes: [{ key: 'recipient', value: FEE_COLLECTOR }, { key: 'sender', value: payer }, { key: 'amount', value: coin }] },
    { type: 'message', attributes: [{ key: 'sender', value: payer }] },
    { type: 'tx', attributes: [{ key: 'fee', value: coin }, { key: 'fee_payer', value: payer }] },
    { type: 'tx', attributes: [{ key: 'acc_seq', value: `${payer}/${sequence}` }] },
    { type: 'tx', attributes: [{ key: 'signature', value: 'c2lnbmF0dXJlIG9mIDY0IGJ5dGVzIGluIGJhc2U2NA==' }] },
  ];
}

function msgSendEvents(from: string, to: string, coin: string): PlainEvent[] {
  return [
    { type: 'message', attributes: [{ key: 'action', value: '/cosmos.bank.v1beta1.MsgSend' }, { key: 'sender', value: from }, { key: 'module', value: 'bank' }, { key: 'msg_index', value: '0' }] },
    { type: 'coin_spent', attributes: [{ key: 'spender', value: from }, { key: 'amount', value: coin }, { key: 'msg_index', value: '0' }] },
    { type: 'coin_received', attributes: [{ key: 'receiver', value: to }, { key: 'amount', value: coin }, { key: 'msg_index', value: '0' }] },
    { type: 'transfer', attributes: [{ key: 'recipient', value: to }, { key: 'sender', value: from }, { key: 'amount', value: coin }, { key: 'msg_index', value: '0' }] },
    { type: 'message', attributes: [{ key: 'sender', value: from }, { key: 'msg_index', value: '0' }] },
  ];
}

/** LegacyDec on the wire: the value times 10^18 as integer text ("0.005" -> "5000000000000000"). */
export function legacyDecAtomics(decimal: string): string {
  const [whole = '0', fraction = ''] = decimal.split('.');
  return BigInt(whole + fraction.padEnd(18, '0').slice(0, 18)).toString();
}

function ceilMul(gas: bigint, decimal: string): bigint {
  const atomics = BigInt(legacyDecAtomics(decimal));
  const scale = 10n ** 18n;
  return (gas * atomics + scale - 1n) / scale;
}
