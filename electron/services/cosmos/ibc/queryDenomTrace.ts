import { BinaryReader, BinaryWriter } from 'cosmjs-types/binary';
import { DenomTrace } from 'cosmjs-types/ibc/applications/transfer/v1/denomtrace';
import { QueryDenomRequest, QueryDenomResponse } from 'cosmjs-types/ibc/applications/transfer/v1/query';
import { abciQuery, CosmosQueryError } from '../rpc/abciQuery';
import type { CosmosNode } from '../rpc/createCosmosRpc';

const DENOM_PATH = '/ibc.applications.transfer.v1.Query/Denom';
const DENOM_TRACE_PATH = '/ibc.applications.transfer.v1.Query/DenomTrace';

/**
 * Asks a node for the trace of an IBC denom hash (64 hex digits): first the `Denom` query of ibc-go v9 and later
 * (base + hops), then the `DenomTrace` query of ibc-go up to v8 (path + base_denom). Null when the node knows
 * neither the query nor the hash. The caller checks that the answer hashes back to the denom.
 */
export async function queryDenomTrace(node: CosmosNode, hash: string): Promise<{ path: string; baseDenom: string } | null> {
  try {
    const response = QueryDenomResponse.decode(await abciQuery(node, DENOM_PATH, QueryDenomRequest.encode({ hash }).finish()));
    if (response.denom !== undefined && response.denom.base !== '') {
      return { path: response.denom.trace.map((hop) => `${hop.portId}/${hop.channelId}`).join('/'), baseDenom: response.denom.base };
    }
  } catch (error) {
    if (!(error instanceof CosmosQueryError)) throw error;
  }
  try {
    const trace = decodeDenomTraceResponse(await abciQuery(node, DENOM_TRACE_PATH, encodeDenomTraceRequest(hash)));
    return trace === null || trace.baseDenom === '' ? null : { path: trace.path, baseDenom: trace.baseDenom };
  } catch (error) {
    if (error instanceof CosmosQueryError) return null;
    throw error;
  }
}

/** QueryDenomTraceRequest { string hash = 1; } (ibc-go <= v8; cosmjs-types 0.11 ships only the newer query). */
function encodeDenomTraceRequest(hash: string): Uint8Array {
  return new BinaryWriter().uint32(10).string(hash).finish();
}

/** QueryDenomTraceResponse { DenomTrace denom_trace = 1; } */
function decodeDenomTraceResponse(bytes: Uint8Array): DenomTrace | null {
  const reader = new BinaryReader(bytes);
  let trace: DenomTrace | null = null;
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    if (tag >>> 3 === 1 && (tag & 7) === 2) trace = DenomTrace.decode(reader, reader.uint32());
    else reader.skipType(tag & 7);
  }
  return trace;
}
