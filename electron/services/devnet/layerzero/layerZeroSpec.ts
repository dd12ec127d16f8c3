import { getContractAddress, keccak256, toHex } from 'viem';
import { privateKeyToAddress } from 'viem/accounts';
import type { DevnetAlias } from '../devnetSpec';

/**
 * The devnet's LayerZero V2 numbers. Endpoint ids (eids) are LayerZero's chain ids; 50337/50338 mirror the EVM chain
 * ids 31337/31338 and belong to no public LayerZero deployment, so a devnet eid can never be mistaken for a real one.
 */
export const DEVNET_LZ_EIDS: Readonly<Record<DevnetAlias, number>> = { 'devnet-a': 50_337, 'devnet-b': 50_338 };

/** The eid of the other devnet chain: the only remote each endpoint is wired to. */
export function remoteAliasOf(alias: DevnetAlias): DevnetAlias {
  return alias === 'devnet-a' ? 'devnet-b' : 'devnet-a';
}

/**
 * The key that creates EndpointV2 (nonce 0) and SimpleMessageLib (nonce 1) with plain CREATE. EndpointV2 takes the
 * chain's eid in its constructor, so CREATE2 would give each chain a different endpoint address; CREATE from the
 * same key and nonce gives the same address on both. keccak256 of a public label: a devnet-only key known to all,
 * like the test mnemonic's keys.
 */
export const LZ_DEPLOYER_PRIVATE_KEY = keccak256(toHex('strata.devnet.layerzero.deployer'));
export const LZ_DEPLOYER_ADDRESS = privateKeyToAddress(LZ_DEPLOYER_PRIVATE_KEY);

/** EndpointV2, identical on both chains (the LayerZero deployer's nonce 0). */
export const LZ_ENDPOINT_ADDRESS = getContractAddress({ opcode: 'CREATE', from: LZ_DEPLOYER_ADDRESS, nonce: 0n });
/** SimpleMessageLib, identical on both chains (the LayerZero deployer's nonce 1). */
export const LZ_SIMPLE_MESSAGE_LIB_ADDRESS = getContractAddress({ opcode: 'CREATE', from: LZ_DEPLOYER_ADDRESS, nonce: 1n });

/** What the LayerZero deployer is funded with by the devnet deployer: enough gas for its four transactions. */
export const LZ_DEPLOYER_FUNDING_WEI = 10n ** 18n;

/** SimpleMessageLib's messaging fee per message: 0.0001 ETH, paid in native gas (no LZ token on the devnet). */
export const LZ_NATIVE_FEE_WEI = 100_000_000_000_000n;

/** The OFT on both chains: "Strata Bridge Token (devnet)", SBT, 18 decimals (6 shared decimals, OFT's default). */
export const SBT = { name: 'Strata Bridge Token (devnet)', symbol: 'SBT', decimals: 18 } as const;

/** 1,000,000 SBT for each of the first five user accounts, on each chain. */
export const SBT_MINT = { accounts: 5, amount: 1_000_000n * 10n ** 18n } as const;

/** Gas the executor gives OFT.lzReceive on the destination (the OFT's enforced option for SEND messages). */
export const SBT_LZ_RECEIVE_GAS = 200_000n;

/** OFT message type of a plain send (OFTCore.SEND); SEND_AND_CALL is 2. */
export const OFT_MSG_TYPE_SEND = 1;

/** The relayer signs with user account m/44'/60'/0'/0/19, which no test uses for anything else. */
export const LZ_RELAYER_ACCOUNT_INDEX = 19;
