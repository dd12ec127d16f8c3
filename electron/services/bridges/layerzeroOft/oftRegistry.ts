import type { AssetInfo } from '../../../../shared/domain/asset';
import type { CaipChainId } from '../../../../shared/domain/chain';
import type { Address, Hex } from '../../routing/routingTypes';

/** One OFT contract on one chain. */
export interface OftDeployment {
  chain: CaipChainId;
  /** The chain's LayerZero endpoint id. */
  eid: number;
  /** The chain's name, for messages ("devnet-b"). */
  chainName: string;
  /** The OFT (or OFTAdapter) contract the send goes to. */
  oft: Address;
  /** The chain's LayerZero EndpointV2: a message the receiver rejected waits there (LzReceiveAlert), verified. */
  endpoint: Address;
  /** The token the user holds: the OFT itself, or the token an OFTAdapter locks. */
  asset: AssetInfo;
  /** The chain's native coin (`ref: 'native'`): it pays the messaging fee. */
  nativeAsset: AssetInfo;
  /** OFTAdapter-style contracts pull the token (transferFrom): an exact approval goes first. */
  approvalRequired: boolean;
}

/** One token that exists as peered OFTs on several chains (every deployment is a peer of every other). */
export interface OftToken {
  symbol: string;
  deployments: readonly OftDeployment[];
  /** Executor options for the send; '0x' when the OFTs enforce their own lzReceive gas (the devnet's do). */
  extraOptions: Hex;
}

/** Every OFT the adapter may route through. */
export interface OftRegistry {
  tokens: readonly OftToken[];
}

/** The deployment of `token` on `chain`, if any. */
export function oftOn(token: OftToken, chain: CaipChainId): OftDeployment | undefined {
  return token.deployments.find((d) => d.chain === chain);
}
