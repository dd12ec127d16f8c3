/**
 * Axelar mainnet facts the adapter relies on, each with its source (see README.md in this folder): the GMP account
 * Cosmos-side transfers go to, the EVM gateways and their USDC tokens, and the public endpoints the real fee and
 * status sources use by default. Tests never reach the public endpoints: they inject local stand-ins.
 */
import type { CaipChainId } from '../../../../shared/domain/chain';
import type { Address } from '../../routing/routingTypes';

/** Axelar's own chain (`axelar-dojo-1`): where the funds are while a transfer is between its two legs. */
export const AXELAR_CHAIN: CaipChainId = 'cosmos:axelar-dojo-1';

/**
 * The account that receives ICS-20 transfers carrying an Axelar memo: sha256("axelarnet_gmp") as a 32-byte address
 * (axelar-core x/axelarnet/types: `AxelarGMPAccount = GetEscrowAddress("axelarnet_gmp")`). A test derives it.
 */
export const AXELAR_GMP_ACCOUNT = 'axelar1dv4u5k73pzqrxlzujxg3qp8kvc3pje7jtdvu72npnt5zhq05ejcsn5qme5';

/** nexus.TypeSendToken: a memo of this type makes Axelar forward the transferred token to another chain. */
export const SEND_TOKEN_MESSAGE_TYPE = 3;

/** Axelarscan's public API: `POST /token/searchTransfers` answers where a transfer stands. */
export const AXELARSCAN_API_BASE_URL = 'https://api.axelarscan.io';

/** An Axelar LCD (the one axelar-contract-deployments' mainnet.json lists) for `/axelar/nexus/v1beta1/transfer_fee`. */
export const AXELAR_LCD_BASE_URL = 'https://axelar-lcd.qubelabs.io';

/** One EVM chain Axelar's gateway runs on, with the USDC token its gateway carries there. */
export interface AxelarEvmChain {
  chain: CaipChainId;
  /** Axelar's name of the chain (`Ethereum`, `arbitrum`): sendToken's destinationChain and the memo's. */
  axelarName: string;
  /** The AxelarGateway proxy: the spender of the approval and the target of sendToken. */
  gateway: Address;
  /** The gateway's USDC: Circle's USDC on Ethereum (locked), Axelar-wrapped axlUSDC elsewhere (burned and minted). */
  usdc: { address: Address; symbol: 'USDC' | 'axlUSDC'; name: string; priceId: string };
  /** Minutes Axelar waits for the chain's finality before confirming a send (mainnet.json approxFinalityWaitTime). */
  finalityMinutes: number;
}

const CIRCLE_USDC = { symbol: 'USDC', name: 'USD Coin', priceId: 'usd-coin' } as const;
const AXL_USDC = { symbol: 'axlUSDC', name: 'Axelar Wrapped USDC', priceId: 'axlusdc' } as const;

/**
 * The EVM chains Strata routes through Axelar. Gateways from axelar-contract-deployments
 * `axelar-chains-config/info/mainnet.json` (AxelarGateway.address, axelarId); tokens from axelarscan-api
 * `config/assets.json` (`uusdc` addresses); finality from mainnet.json.
 */
export const MAINNET_AXELAR_EVM_CHAINS: readonly AxelarEvmChain[] = [
  {
    chain: 'eip155:1',
    axelarName: 'Ethereum',
    gateway: '0x4F4495243837681061C4743b74B3eEdf548D56A5',
    usdc: { address: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48', ...CIRCLE_USDC },
    finalityMinutes: 40,
  },
  {
    chain: 'eip155:42161',
    axelarName: 'arbitrum',
    gateway: '0xe432150cce91c13a887f7D836923d5597adD8E31',
    usdc: { address: '0xEB466342C4d449BC9f53A865D5Cb90586f405215', ...AXL_USDC },
    finalityMinutes: 25,
  },
  {
    chain: 'eip155:10',
    axelarName: 'optimism',
    gateway: '0xe432150cce91c13a887f7D836923d5597adD8E31',
    usdc: { address: '0xEB466342C4d449BC9f53A865D5Cb90586f405215', ...AXL_USDC },
    finalityMinutes: 25,
  },
  {
    chain: 'eip155:8453',
    axelarName: 'base',
    gateway: '0xe432150cce91c13a887f7D836923d5597adD8E31',
    usdc: { address: '0xEB466342C4d449BC9f53A865D5Cb90586f405215', ...AXL_USDC },
    finalityMinutes: 30,
  },
  {
    chain: 'eip155:137',
    axelarName: 'Polygon',
    gateway: '0x6f015F16De9fC8791b234eF68D486d2bF203FBA8',
    usdc: { address: '0x750e4C4984a9e0f12978eA6742Bc1c5D248f40ed', ...AXL_USDC },
    finalityMinutes: 5,
  },
];

/**
 * The Cosmos chains (chain-registry names, which are also Axelar's names for them) that have an Axelar transfer
 * channel in chain-registry and where Strata routes axlUSDC.
 */
export const MAINNET_AXELAR_COSMOS_CHAINS: readonly string[] = ['osmosis', 'cosmoshub', 'neutron', 'injective'];
