import type { CaipChainId } from '../../../shared/domain/chain';
import { createCosmosRpc, type CosmosRpc, type CosmosRpcOptions } from '../cosmos/rpc/createCosmosRpc';
import { createEvmRpc, type EvmRpcOptions } from '../evm/createEvmRpc';
import { nonceManager, type NonceManager } from '../evm/nonceManager';
import type { FailoverRpc } from '../rpc/createFailoverRpc';
import type { ChainEndpoint } from './chainAdapter';

/**
 * The one place that hands out a chain's RPC client. A chain keeps one client while its endpoints stay the same, so
 * which endpoint worked, which serve another chain and which were already checked survive between calls (and between
 * a balance refresh, a send and a route step); a change of endpoints replaces the client. Sends and route steps from
 * one account take their nonces from the one NonceManager here.
 */
export interface ChainClients {
  /** The failover client of an EVM chain. @throws UNKNOWN_CHAIN, INVALID_INPUT, RPC_UNAVAILABLE (no endpoint) */
  evm(target: ChainEndpoint): FailoverRpc;
  /** The failover client of a Cosmos chain. @throws UNKNOWN_CHAIN, INVALID_INPUT, RPC_UNAVAILABLE (no endpoint) */
  cosmos(target: ChainEndpoint): CosmosRpc;
  /** Nonces per (chain, address), shared by sends (the chain adapter) and route steps (evmCallTransport). */
  readonly nonces: NonceManager;
  /** Clients made so far, per family (tests count constructions with it). */
  readonly created: { evm: number; cosmos: number };
  /** Drops every client (closing the Cosmos ones); the next call makes new ones. */
  clear(): void;
}

export interface ChainClientsOptions {
  evm?: EvmRpcOptions;
  cosmos?: CosmosRpcOptions;
}

export function createChainClients(options: ChainClientsOptions = {}): ChainClients {
  const evmClients = new Map<CaipChainId, { key: string; client: FailoverRpc }>();
  const cosmosClients = new Map<CaipChainId, { key: string; client: CosmosRpc }>();
  const created = { evm: 0, cosmos: 0 };
  // The chain's name is part of the key: it is in every message the client makes.
  const keyOf = (target: ChainEndpoint): string => JSON.stringify([target.chain.name, target.endpoints]);

  return {
    evm(target) {
      const key = keyOf(target);
      const kept = evmClients.get(target.chain.id);
      if (kept !== undefined && kept.key === key) return kept.client;
      const client = createEvmRpc(target, options.evm);
      created.evm++;
      evmClients.set(target.chain.id, { key, client });
      return client;
    },
    cosmos(target) {
      const key = keyOf(target);
      const kept = cosmosClients.get(target.chain.id);
      if (kept !== undefined && kept.key === key) return kept.client;
      const client = createCosmosRpc(target.endpoints, target.chain, options.cosmos);
      created.cosmos++;
      kept?.client.disconnect();
      cosmosClients.set(target.chain.id, { key, client });
      return client;
    },
    nonces: nonceManager(),
    created,
    clear() {
      for (const { client } of cosmosClients.values()) client.disconnect();
      cosmosClients.clear();
      evmClients.clear();
    },
  };
}

/**
 * The process's chain clients: the app's services and the CLI use these unless handed others (tests), so one account
 * has one nonce sequence per chain and each chain one failover state in a process.
 */
export const processChainClients: ChainClients = createChainClients();
