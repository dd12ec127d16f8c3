import type * as Edr from '@nomicfoundation/edr';
import { hexToBytes } from '@noble/hashes/utils.js';
import { requireDevPackage } from './projectFiles';
import { rpcErrorToStrataError, type JsonRpcErrorObject, type JsonRpcRequest, type JsonRpcResponse, type RpcRequest } from './jsonRpc';
import {
  DEVNET_ACCOUNT_BALANCE_WEI,
  DEVNET_BLOCK_GAS_LIMIT,
  DEVNET_HARDFORK,
  DEVNET_INITIAL_BASE_FEE_WEI,
} from './devnetSpec';

/** One in-process EDR chain: answers JSON-RPC requests without any transport. */
export interface EdrChain {
  chainId: number;
  /** Answers one request object with a complete JSON-RPC response (never throws for a JSON-RPC error). */
  handle(request: JsonRpcRequest): Promise<JsonRpcResponse>;
  /** Calls a method and returns its result; a JSON-RPC error becomes a StrataError. */
  request: RpcRequest;
}

export interface EdrChainOptions {
  chainId: number;
  /** Accounts funded at genesis with DEVNET_ACCOUNT_BALANCE_WEI each. */
  fundedAddresses: readonly string[];
  /** Private keys EDR signs with for eth_sendTransaction and lists in eth_accounts (0x hex). */
  ownedPrivateKeys: readonly string[];
}

type EdrModule = typeof Edr;

let shared: Promise<{ edr: EdrModule; context: Edr.EdrContext }> | undefined;

/** EDR allows one context per process; every chain of every devnet in this process shares it. */
function edrContext(): Promise<{ edr: EdrModule; context: Edr.EdrContext }> {
  shared ??= (async () => {
    const edr = requireDevPackage<EdrModule>('@nomicfoundation/edr');
    const context = new edr.EdrContext();
    await context.registerProviderFactory(edr.L1_CHAIN_TYPE, edr.l1ProviderFactory());
    return { edr, context };
  })();
  shared.catch(() => {
    shared = undefined;
  });
  return shared;
}

const COINBASE = hexToBytes('c014ba5ec014ba5ec014ba5ec014ba5ec014ba5e');

/** Starts an automining local chain on EDR (Prague, 60M gas blocks, 1 gwei initial base fee). */
export async function createEdrChain(options: EdrChainOptions): Promise<EdrChain> {
  const { edr, context } = await edrContext();
  const chainId = BigInt(options.chainId);
  const hardfork = edr.l1HardforkFromString(DEVNET_HARDFORK);
  const config: Edr.ProviderConfig = {
    allowBlocksWithSameTimestamp: false,
    allowUnlimitedContractSize: false,
    // As on geth: a reverting eth_call is a JSON-RPC error (code 3, revert data in `data`), while a reverting
    // transaction is still accepted and mined with status 0.
    bailOnCallFailure: true,
    bailOnTransactionFailure: false,
    chainId,
    coinbase: COINBASE,
    defaultTransactionGasLimit: DEVNET_BLOCK_GAS_LIMIT / 2n,
    // The hardfork's system contracts (beacon roots, history storage) plus the funded accounts.
    genesisState: [
      ...edr.l1GenesisState(hardfork),
      ...options.fundedAddresses.map((address) => ({ address: hexToBytes(address.slice(2)), balance: DEVNET_ACCOUNT_BALANCE_WEI })),
    ],
    hardfork: DEVNET_HARDFORK,
    initialBaseFeePerGas: DEVNET_INITIAL_BASE_FEE_WEI,
    minGasPrice: 0n,
    mining: { autoMine: true, blockGasLimit: DEVNET_BLOCK_GAS_LIMIT, memPool: { order: edr.MineOrdering.Priority } },
    network: { genesisBlockGasLimit: DEVNET_BLOCK_GAS_LIMIT },
    networkId: chainId,
    observability: {},
    ownedAccounts: [...options.ownedPrivateKeys],
    precompileOverrides: [],
  };
  const provider = await context.createProvider(
    edr.L1_CHAIN_TYPE,
    config,
    { enable: false, decodeConsoleLogInputsCallback: () => [], printLineCallback: () => undefined },
    { subscriptionCallback: () => undefined },
    new edr.ContractDecoder(),
  );

  const handle = async (request: JsonRpcRequest): Promise<JsonRpcResponse> => {
    const id = request.id ?? null;
    const response = await provider.handleRequest(JSON.stringify({ jsonrpc: '2.0', id, method: request.method, params: request.params ?? [] }));
    const data = (typeof response.data === 'string' ? JSON.parse(response.data) : response.data) as Omit<JsonRpcResponse, 'jsonrpc' | 'id'>;
    // EDR's responses carry neither `jsonrpc` nor `id`; strict clients (ethers) match batch answers by id.
    return data.error ? { jsonrpc: '2.0', id, error: gethStyleRevert(data.error) } : { jsonrpc: '2.0', id, result: data.result };
  };
  let nextId = 1;
  const request: RpcRequest = async <T>(method: string, params: readonly unknown[] = []): Promise<T> => {
    const response = await handle({ jsonrpc: '2.0', id: nextId++, method, params: [...params] });
    if (response.error) throw rpcErrorToStrataError(method, response.error);
    return response.result as T;
  };
  return { chainId: options.chainId, handle, request };
}

/**
 * Rewrites EDR's revert errors (`-32000`, "VM Exception ... reverted ...", revert data in `data.data`) the way geth
 * reports them: code 3, "execution reverted[: reason]", the revert data as a hex string in `data`. That is the
 * shape wallets and libraries (ethers, viem) decode custom errors and reasons from.
 */
export function gethStyleRevert(error: JsonRpcErrorObject): JsonRpcErrorObject {
  const nested = (error.data as { data?: unknown } | undefined)?.data;
  if (!/reverted/.test(error.message) || typeof nested !== 'string' || !/^0x[0-9a-fA-F]*$/.test(nested)) return error;
  const reason = /reverted with reason string '(.*)'$/s.exec(error.message)?.[1];
  return { code: 3, message: reason === undefined ? 'execution reverted' : `execution reverted: ${reason}`, data: nested };
}
