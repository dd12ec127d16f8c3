/**
 * What a Strata devnet is: two local EVM chains on Hardhat's EDR engine, the standard test mnemonic's accounts,
 * and the fixed numbers everything else (deploy steps, tests, the app's chain list) relies on.
 */

export type DevnetAlias = 'devnet-a' | 'devnet-b';
export type DevnetChainId = 'eip155:31337' | 'eip155:31338';

export interface DevnetChainSpec {
  id: DevnetChainId;
  alias: DevnetAlias;
  name: string;
  chainId: number;
  /** Port used by `npm run devnet` and `strata devnet start` when free (tests use ephemeral ports). */
  defaultPort: number;
}

export const DEVNET_CHAIN_SPECS: readonly [DevnetChainSpec, DevnetChainSpec] = [
  { id: 'eip155:31337', alias: 'devnet-a', name: 'Devnet A', chainId: 31337, defaultPort: 8545 },
  { id: 'eip155:31338', alias: 'devnet-b', name: 'Devnet B', chainId: 31338, defaultPort: 8546 },
];

/** The public test mnemonic of Hardhat, Foundry and Ganache. Its keys are known to everyone: devnets only. */
export const DEVNET_MNEMONIC = 'test test test test test test test test test test test junk';

/** m/44'/60'/0'/0/0 .. /19 are the funded user accounts, as on a Hardhat node. */
export const DEVNET_ACCOUNT_COUNT = 20;

/**
 * The deployer is m/44'/60'/0'/0/20: outside the user accounts, so deployments never move their nonces or balances
 * and every user account starts with exactly DEVNET_ACCOUNT_BALANCE_WEI.
 */
export const DEVNET_DEPLOYER_INDEX = 20;

/** 10,000 ETH, Hardhat's default. */
export const DEVNET_ACCOUNT_BALANCE_WEI = 10_000n * 10n ** 18n;

/** Prague: EIP-1559 fees, blobs and eth_feeHistory as on today's mainnet; solc's default target since 0.8.30. */
export const DEVNET_HARDFORK = 'prague';

export const DEVNET_BLOCK_GAS_LIMIT = 60_000_000n;

/** 1 gwei at genesis; EIP-1559 then moves it block by block. */
export const DEVNET_INITIAL_BASE_FEE_WEI = 1_000_000_000n;

/** Where Multicall3 lives on nearly every public EVM chain; the devnet puts its Multicall3 there too. */
export const MULTICALL3_ADDRESS = '0xcA11bde05977b3631167028862bE2a173976CA11';

/** How blocks are produced: one per transaction (`auto`, the default), or on a timer for realism. */
export type DevnetMining = 'auto' | { intervalMs: number };
