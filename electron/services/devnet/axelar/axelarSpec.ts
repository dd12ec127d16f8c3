import { getContractAddress, keccak256, toHex } from 'viem';
import { privateKeyToAddress } from 'viem/accounts';
import type { DevnetAlias } from '../devnetSpec';

/**
 * The devnet's Axelar numbers. Axelar names chains with strings (its own registry, not EVM chain ids); these two
 * names belong to no public Axelar network, so a devnet transfer can never be mistaken for a real one.
 */
export const DEVNET_AXELAR_CHAIN_NAMES: Readonly<Record<DevnetAlias, string>> = { 'devnet-a': 'devnet-a', 'devnet-b': 'devnet-b' };

/**
 * The key that creates AxelarAuthWeighted with plain CREATE (nonce 0) and then hands its ownership to the gateway
 * proxy, as axelar-local-dev does. The auth module is Ownable(msg.sender): through the CREATE2 factory the factory
 * would own it for ever. keccak256 of a public label: a devnet-only key known to all.
 */
export const AXELAR_DEPLOYER_PRIVATE_KEY = keccak256(toHex('strata.devnet.axelar.deployer'));
export const AXELAR_DEPLOYER_ADDRESS = privateKeyToAddress(AXELAR_DEPLOYER_PRIVATE_KEY);

/** AxelarAuthWeighted, identical on both chains (the Axelar deployer's nonce 0). */
export const AXELAR_AUTH_ADDRESS = getContractAddress({ opcode: 'CREATE', from: AXELAR_DEPLOYER_ADDRESS, nonce: 0n });

/**
 * The gateways' only operator (weight 1, threshold 1): it signs every command batch (`execute(input)`) and, in the
 * devnet relayer, also pays the destination gas. A public devnet key, like axelar-local-dev's operator wallet.
 */
export const AXELAR_OPERATOR_PRIVATE_KEY = keccak256(toHex('strata.devnet.axelar.operator'));
export const AXELAR_OPERATOR_ADDRESS = privateKeyToAddress(AXELAR_OPERATOR_PRIVATE_KEY);

/** What the Axelar deployer and the operator are topped up to by the devnet deployer: gas for their transactions. */
export const AXELAR_KEY_FUNDING_WEI = 10n ** 18n;

/** The one token the devnet gateways carry: the devnet USDC, registered as an EXTERNAL token (locked / unlocked). */
export const AXELAR_USDC_SYMBOL = 'USDC';

/**
 * Axelar's transfer fee on the devnet: 1 USDC (6 decimals) kept by the network per transfer, as axelar-local-dev's
 * relayer keeps its fee. The relayer delivers `amount - fee`; the adapter quotes the same constant.
 */
export const AXELAR_USDC_TRANSFER_FEE = 1_000_000n;

/** USDC each gateway holds to unlock for arriving transfers: 500,000 USDC. */
export const AXELAR_GATEWAY_USDC_LIQUIDITY = 500_000n * 10n ** 6n;

/**
 * Fixed gas for a gateway `execute`. The gateway runs each command in a self-call whose failure does not revert the
 * batch, so eth_estimateGas finds the gas at which the command fails silently: never estimate an execute.
 */
export const AXELAR_EXECUTE_GAS = 1_000_000n;

/** Axelar's fee per transfer, by gateway symbol; a symbol without a fee here is not relayed. */
export const AXELAR_TRANSFER_FEES: Readonly<Record<string, bigint>> = { [AXELAR_USDC_SYMBOL]: AXELAR_USDC_TRANSFER_FEE };
