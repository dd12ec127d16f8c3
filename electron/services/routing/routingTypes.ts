import type { AssetInfo } from '../../../shared/domain/asset';
import type { CaipChainId } from '../../../shared/domain/chain';
import type { FeeKind } from '../../../shared/domain/route';
import type { JsonRpcCall } from '../rpc/httpJsonRpc';
import type { z } from 'zod';

export type Address = `0x${string}`;
export type Hex = `0x${string}`;

/** One EVM contract call to sign and send on `chain`; `value` in wei. */
export interface EvmStepCall {
  family: 'evm';
  chain: CaipChainId;
  to: Address;
  data: Hex;
  value: bigint;
  /** What the call does, for the review screen and logs ("approve", "swap", "send"). */
  label: string;
}

/**
 * One Cosmos transaction message (an `EncodeObject`): MsgTransfer for IBC (ibcTransfer) and for Axelar's Cosmos ->
 * EVM side (axelarCosmos, with a send-token memo), MsgSwapExactAmountIn for Osmosis' poolmanager. The executor signs
 * it through cosmosCallTransport with the vault key of the chain's coin type and key scheme.
 */
export interface CosmosStepCall {
  family: 'cosmos';
  chain: CaipChainId;
  typeUrl: string;
  value: unknown;
  label: string;
}

/** What a step asks the wallet to sign, in order. Tagged by family so bridges of any family share one executor. */
export type StepCall = EvmStepCall | CosmosStepCall;

/** One log of a confirmed call's receipt (EVM shaped; Cosmos events come as logs too, cosmos/tx/eventLogs.ts). */
export interface ReceiptLog {
  address: string;
  topics: readonly string[];
  data: string;
}

/** A fee of a step before pricing: RouteFee with a bigint amount and no USD value yet. */
export interface ProviderFee {
  kind: z.infer<typeof FeeKind>;
  chain: CaipChainId;
  asset: AssetInfo;
  amount: bigint;
}

/** How adapters reach chains: a JSON-RPC call per EVM chain (ChainClients.evm(...).request, chains/chainClients.ts). @throws UNKNOWN_CHAIN */
export interface ChainRpcs {
  rpc(chain: CaipChainId): JsonRpcCall;
}
