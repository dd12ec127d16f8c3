/** Shared set-up of the EVM tests: the real devnet, a real vault on the test mnemonic, targets and assets. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { AssetInfo } from '../../shared/domain/asset';
import type { ChainInfo } from '../../shared/domain/chain';
import type { ChainEndpoint, DigestSigner } from '../../electron/services/chains/chainAdapter';
import { devnetChains } from '../../electron/services/devnet/devnetChains';
import { DEVNET_MNEMONIC } from '../../electron/services/devnet/devnetSpec';
import { startDevnet, type Devnet } from '../../electron/services/devnet/startDevnet';
import { vaultEvmSigner } from '../../electron/services/evm/vaultEvmSigner';
import { Vault } from '../../electron/services/vault/vault';

export const PASSWORD = 'correct horse battery staple';
export const ETH = 10n ** 18n;
export const USDC_UNIT = 10n ** 6n;

export interface EvmFixture {
  devnet: Devnet;
  vault: Vault;
  dir: string;
  chainA: ChainInfo;
  chainB: ChainInfo;
  /** devnet-a (eip155:31337) straight to its rpc */
  targetA: ChainEndpoint;
  targetB: ChainEndpoint;
  /** vault account ids, index i = m/44'/60'/0'/0/i */
  accountIds: string[];
  addresses: string[];
  assets: { eth: AssetInfo; usdc: AssetInfo; weth: AssetInfo; ethB: AssetInfo; usdcB: AssetInfo };
  signer(index: number): DigestSigner;
  /** the mined nonce of an address on a chain (eth_getTransactionCount latest), straight from EDR */
  nonceOf(address: string, alias?: 'devnet-a' | 'devnet-b'): Promise<bigint>;
  balanceOf(address: string, alias?: 'devnet-a' | 'devnet-b'): Promise<bigint>;
  tokenBalanceOf(token: string, address: string, alias?: 'devnet-a' | 'devnet-b'): Promise<bigint>;
  close(): Promise<void>;
}

/** Starts the devnet and a vault holding HD accounts 0..accounts-1 of the test mnemonic (the devnet's funded ones). */
export async function startEvmFixture(accounts = 6): Promise<EvmFixture> {
  const devnet = await startDevnet();
  const dir = await mkdtemp(join(tmpdir(), 'strata-evm-test-'));
  const vault = new Vault({ dir, kdf: { N: 2 ** 10 } });
  await vault.create(PASSWORD, { mnemonic: DEVNET_MNEMONIC, passphrase: '' });
  for (let i = 1; i < accounts; i++) await vault.addHdAccount();
  const accountIds = vault.accounts().map((a) => a.id);
  const addresses = accountIds.map((id) => vaultEvmSigner(vault, id).address);
  // The vault's HD accounts are the devnet's funded accounts: the whole suite relies on it.
  expect(addresses).toEqual(devnet.accounts.slice(0, accounts));
  const [chainA, chainB] = devnetChains() as [ChainInfo, ChainInfo];
  const asset = (chain: ChainInfo, ref: string, symbol: string, decimals: number): AssetInfo => ({ chain: chain.id, ref, symbol, name: symbol, decimals, priceId: null });
  const request = <T>(alias: 'devnet-a' | 'devnet-b', method: string, params: unknown[]) => devnet.request<T>(alias, method, params);
  return {
    devnet,
    vault,
    dir,
    chainA,
    chainB,
    targetA: { chain: chainA, endpoints: [devnet.chains[0].rpc] },
    targetB: { chain: chainB, endpoints: [devnet.chains[1].rpc] },
    accountIds,
    addresses,
    assets: {
      eth: asset(chainA, 'native', 'ETH', 18),
      usdc: asset(chainA, devnet.contracts.usdc, 'USDC', 6),
      weth: asset(chainA, devnet.contracts.weth, 'WETH', 18),
      ethB: asset(chainB, 'native', 'ETH', 18),
      usdcB: asset(chainB, devnet.contracts.usdc, 'USDC', 6),
    },
    signer: (index) => vaultEvmSigner(vault, accountIds[index] as string),
    nonceOf: async (address, alias = 'devnet-a') => BigInt(await request<string>(alias, 'eth_getTransactionCount', [address, 'latest'])),
    balanceOf: async (address, alias = 'devnet-a') => BigInt(await request<string>(alias, 'eth_getBalance', [address, 'latest'])),
    tokenBalanceOf: async (token, address, alias = 'devnet-a') =>
      BigInt(await request<string>(alias, 'eth_call', [{ to: token, data: `0x70a08231${address.slice(2).toLowerCase().padStart(64, '0')}` }, 'latest'])),
    async close() {
      vault.lock();
      await devnet.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The receipt of a mined transaction, straight from EDR. */
export async function receiptOf(devnet: Devnet, hash: string, alias: 'devnet-a' | 'devnet-b' = 'devnet-a') {
  const receipt = await devnet.request<{ status: string; gasUsed: string; effectiveGasPrice: string; blockNumber: string } | null>(alias, 'eth_getTransactionReceipt', [hash]);
  if (receipt === null) throw new Error(`no receipt for ${hash}`);
  return { status: BigInt(receipt.status), gasUsed: BigInt(receipt.gasUsed), effectiveGasPrice: BigInt(receipt.effectiveGasPrice), blockNumber: BigInt(receipt.blockNumber) };
}
