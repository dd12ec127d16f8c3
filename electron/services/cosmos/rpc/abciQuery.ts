import { StrataError } from '../../../../shared/errors';
import { sanitizeNodeText } from '../../rpc/rpcErrors';
import type { CosmosNode } from './createCosmosRpc';

/**
 * The node ran the query and the app refused it (unknown path, account not found, simulation failed, ...): the
 * endpoint works, so this is never a reason to fail over. Callers that know the query map it to a precise code; one
 * that escapes is INTERNAL (like RpcResponseError). `abciCode` is the app's code (StrataError's `code` is ours).
 */
export class CosmosQueryError extends StrataError {
  constructor(
    readonly path: string,
    readonly abciCode: number,
    readonly codespace: string,
    readonly log: string,
  ) {
    super('INTERNAL', `Query ${path} failed with code ${abciCode}${codespace ? ` (${sanitizeNodeText(codespace, 64)})` : ''}`);
    this.name = 'CosmosQueryError';
  }
}

/**
 * A gRPC query through CometBFT's `abci_query` (`/cosmos.bank.v1beta1.Query/AllBalances` with the protobuf request):
 * the response's protobuf bytes. Unlike cosmjs' QueryClient, a refusal is a typed error with code and codespace.
 * @throws CosmosQueryError when the app answered with a non-zero code; RpcTransportError from the transport
 */
export async function abciQuery(node: CosmosNode, path: string, request: Uint8Array): Promise<Uint8Array> {
  const response = await node.comet.abciQuery({ path, data: request, prove: false });
  if (response.code) throw new CosmosQueryError(path, response.code, response.codespace ?? '', response.log ?? '');
  return response.value;
}
