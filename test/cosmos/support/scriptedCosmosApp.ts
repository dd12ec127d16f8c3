/** Protobuf answers of a Cosmos SDK app to the gRPC queries our code sends through abci_query. */
import { BinaryWriter } from 'cosmjs-types/binary';
import { BaseAccount } from 'cosmjs-types/cosmos/auth/v1beta1/auth';
import { QueryAccountRequest, QueryAccountResponse } from 'cosmjs-types/cosmos/auth/v1beta1/query';
import { QueryAllBalancesRequest, QueryAllBalancesResponse } from 'cosmjs-types/cosmos/bank/v1beta1/query';
import { SimulateRequest, SimulateResponse } from 'cosmjs-types/cosmos/tx/v1beta1/service';
import { Tx } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import type { Any } from 'cosmjs-types/google/protobuf/any';
import { DenomTrace } from 'cosmjs-types/ibc/applications/transfer/v1/denomtrace';
import { QueryDenomRequest, QueryDenomResponse } from 'cosmjs-types/ibc/applications/transfer/v1/query';
import type { AbciAnswer } from './scriptedCometNode';

export type QueryHandler = (data: Uint8Array) => AbciAnswer;

/** Routes abci_query paths to handlers; an unknown path gets the SDK's "unknown query path" (code 6). */
export function appRouter(routes: Record<string, QueryHandler>): (path: string, data: Uint8Array) => AbciAnswer {
  return (path, data) => routes[path]?.(data) ?? { code: 6, codespace: 'sdk', log: `unknown query path: ${path}` };
}

/** AllBalances over pages of `pageSize` coins (the next key is the index of the next coin, as text). */
export function balancesRoute(
  byAddress: Record<string, Array<{ denom: string; amount: string }>>,
  pageSize = 100,
  seen: QueryAllBalancesRequest[] = [],
): Record<string, QueryHandler> {
  return {
    '/cosmos.bank.v1beta1.Query/AllBalances': (data) => {
      const request = QueryAllBalancesRequest.decode(data);
      seen.push(request);
      const all = byAddress[request.address] ?? [];
      const start = request.pagination?.key.length ? Number(new TextDecoder().decode(request.pagination.key)) : 0;
      const end = start + pageSize;
      const nextKey = end < all.length ? new TextEncoder().encode(String(end)) : new Uint8Array();
      const response = QueryAllBalancesResponse.fromPartial({
        balances: all.slice(start, end),
        pagination: { nextKey, total: BigInt(all.length) },
      });
      return { value: QueryAllBalancesResponse.encode(response).finish() };
    },
  };
}

export function baseAccountAny(address: string, accountNumber: bigint, sequence: bigint): Any {
  return {
    typeUrl: '/cosmos.auth.v1beta1.BaseAccount',
    value: BaseAccount.encode(BaseAccount.fromPartial({ address, accountNumber, sequence })).finish(),
  };
}

/** Injective's `EthAccount { BaseAccount base_account = 1; bytes code_hash = 2; }`. */
export function injectiveEthAccountAny(address: string, accountNumber: bigint, sequence: bigint): Any {
  const writer = new BinaryWriter();
  BaseAccount.encode(BaseAccount.fromPartial({ address, accountNumber, sequence }), writer.uint32(10).fork()).ldelim();
  writer.uint32(18).bytes(new Uint8Array(32).fill(0xc5));
  return { typeUrl: '/injective.types.v1beta1.EthAccount', value: writer.finish() };
}

/** Account query: the account of a known address; ErrKeyNotFound (22) otherwise, as SDK 0.47+ answers. */
export function accountRoute(accounts: Record<string, Any>): Record<string, QueryHandler> {
  return {
    '/cosmos.auth.v1beta1.Query/Account': (data) => {
      const { address } = QueryAccountRequest.decode(data);
      const account = accounts[address];
      if (account === undefined) {
        return { code: 22, codespace: 'sdk', log: `rpc error: code = NotFound desc = account ${address} not found: key not found` };
      }
      return { value: QueryAccountResponse.encode({ account }).finish() };
    },
  };
}

/**
 * Gas the SDK's DeductFeeDecorator adds when the fee is non-zero (the payer's and the fee collector's balances read
 * and written): measured on an SDK 0.53 chain with the same MsgSend, 50,591 gas simulated without a fee and 68,700
 * with a 500uatom fee (issue 17).
 */
export const FEE_DEDUCTION_GAS = 68_700n - 50_591n;

/** Whether a Tx carries a fee the ante handler deducts (any non-zero coin): an empty or zero fee deducts nothing. */
export function hasNonZeroFee(tx: Tx): boolean {
  return (tx.authInfo?.fee?.amount ?? []).some((coin) => /^[0-9]+$/.test(coin.amount) && BigInt(coin.amount) > 0n);
}

/**
 * Simulate as the SDK's ante handler runs it: `gasUsed` is the gas without a fee, and a non-zero fee adds
 * FEE_DEDUCTION_GAS (the SDK deducts a fee only when there is one, in simulation as in the block). Or a failure log
 * as SDK 0.50 writes it. Every simulated Tx is kept for inspection.
 */
export function simulateRoute(answer: { gasUsed: bigint } | { failureLog: string }, seen: Tx[] = []): Record<string, QueryHandler> {
  return {
    '/cosmos.tx.v1beta1.Service/Simulate': (data) => {
      const tx = Tx.decode(SimulateRequest.decode(data).txBytes);
      seen.push(tx);
      if ('failureLog' in answer) return { code: 2, codespace: 'sdk', log: answer.failureLog };
      const gasUsed = answer.gasUsed + (hasNonZeroFee(tx) ? FEE_DEDUCTION_GAS : 0n);
      const response = SimulateResponse.fromPartial({ gasInfo: { gasWanted: 0n, gasUsed }, result: { events: [] } });
      return { value: SimulateResponse.encode(response).finish() };
    },
  };
}

/** ibc-go v9+ `Denom` query answers, by hash (without `ibc/`). */
export function denomRoute(traces: Record<string, { base: string; hops: Array<[string, string]> }>): Record<string, QueryHandler> {
  return {
    '/ibc.applications.transfer.v1.Query/Denom': (data) => {
      const { hash } = QueryDenomRequest.decode(data);
      const trace = traces[hash.replace(/^ibc\//, '').toUpperCase()];
      if (trace === undefined) return { code: 1, codespace: 'transfer', log: `denomination not found for ${hash}` };
      const response = QueryDenomResponse.fromPartial({
        denom: { base: trace.base, trace: trace.hops.map(([portId, channelId]) => ({ portId, channelId })) },
      });
      return { value: QueryDenomResponse.encode(response).finish() };
    },
  };
}

/** ibc-go <= v8 `DenomTrace` query answers (QueryDenomTraceResponse { DenomTrace denom_trace = 1; }). */
export function legacyDenomTraceRoute(traces: Record<string, { path: string; baseDenom: string }>): Record<string, QueryHandler> {
  return {
    '/ibc.applications.transfer.v1.Query/DenomTrace': (data) => {
      // QueryDenomTraceRequest { string hash = 1; }: one length-delimited field.
      const hash = new TextDecoder().decode(data.subarray(2));
      const trace = traces[hash.toUpperCase()];
      if (trace === undefined) return { code: 2, codespace: 'transfer', log: 'denomination trace not found' };
      const writer = new BinaryWriter();
      DenomTrace.encode(DenomTrace.fromPartial(trace), writer.uint32(10).fork()).ldelim();
      return { value: writer.finish() };
    },
  };
}
