import type { AssetInfo } from '../../../../shared/domain/asset';
import type { CaipChainId } from '../../../../shared/domain/chain';
import type { Address, Hex } from '../../routing/routingTypes';

/** Axelar's gateway on one chain. */
export interface AxelarGatewayDeployment {
  chain: CaipChainId;
  /** The chain's Axelar name: what sendToken's destinationChain says ("Ethereum", "devnet-b"). */
  name: string;
  gateway: Address;
}

/** One token the gateways carry under one symbol, with its ERC-20 on each chain. */
export interface AxelarGatewayToken {
  symbol: string;
  /** One asset per chain the token exists on (`asset.ref` is the ERC-20 the gateway locks or unlocks). */
  assets: readonly AssetInfo[];
  /** Axelar's fee per transfer, in the token's base units, kept from the amount. */
  fee: bigint;
}

/** Every gateway and token the adapter may route through. */
export interface AxelarGatewayRegistry {
  gateways: readonly AxelarGatewayDeployment[];
  tokens: readonly AxelarGatewayToken[];
  /**
   * The id of the destination command that delivers the TokenSent log at `logIndex` of `txHash` on `source`: the
   * gateway's isCommandExecuted(id) and Executed(id) tell delivery. (The devnet derives it like axelar-local-dev.)
   */
  commandIdOf(source: AxelarGatewayDeployment, txHash: Hex, logIndex: number): Hex;
}
