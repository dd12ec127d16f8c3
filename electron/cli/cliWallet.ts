import type { ChainInfo } from '../../shared/domain/chain';
import { StrataError } from '../../shared/errors';
import { systemClock } from '../services/app/ports';
import type { ChainDirectory } from '../services/chains/chainDirectory';
import { liveDevnetInfo } from '../services/devnet/liveDevnetInfo';
import { ledgerConnector, type LedgerConnector } from '../services/ledger/openLedgerTransport';
import { Rebalancer } from '../services/rebalance/rebalancer';
import type { Vault } from '../services/vault/vault';
import { Wallet, type PriceSource } from '../services/wallet/wallet';
import { createAssetCatalogue, createPriceSource } from '../services/wallet/walletSources';

export { liveDevnetInfo as liveDevnet } from '../services/devnet/liveDevnetInfo';

/**
 * Resolves a chain for a CLI command, devnet chains included when a devnet runs, with `--rpc` replacing the
 * endpoints for this invocation only (the adapter still checks that it answers for this chain).
 * @throws UNKNOWN_CHAIN, DEVNET_NOT_RUNNING for devnet-a/devnet-b without a running devnet
 */
export async function cliChain(directory: ChainDirectory, name: string, rpc: string | undefined): Promise<{ chain: ChainInfo; endpoints: string[] }> {
  let chain: ChainInfo;
  try {
    chain = directory.resolve(name);
  } catch (error) {
    if (/^(devnet-[ab]|eip155:3133[78])$/.test(name.trim())) {
      throw new StrataError('DEVNET_NOT_RUNNING', 'No devnet is running: start one with `strata devnet start`');
    }
    throw error;
  }
  const endpoints = rpc ? [rpc] : directory.endpoints(chain.id);
  if (rpc && !/^https?:\/\/\S+$/i.test(rpc)) throw new StrataError('INVALID_INPUT', '--rpc must be an http(s) URL');
  return { chain, endpoints };
}

/**
 * The wallet services over a vault directory for the CLI: no events, and no prices unless given (the CLI prints base
 * units; `strata swap` passes them so routes carry their value lost).
 */
export async function openCliWallet(dir: string, vault: Vault, env: NodeJS.ProcessEnv, ledger?: LedgerConnector, options: { prices?: PriceSource } = {}): Promise<Wallet> {
  return Wallet.open({
    dataDir: dir,
    vault,
    clock: systemClock,
    emit: () => undefined,
    devnet: await liveDevnetInfo(env),
    assets: createAssetCatalogue,
    prices: options.prices ?? { getPrices: async () => ({}) },
    axelarApiUrls: { lcd: env.STRATA_AXELAR_LCD_URL || undefined, axelarscan: env.STRATA_AXELARSCAN_URL || undefined },
    // The CLI is not a packaged build: STRATA_LEDGER_REPLAY may stand in for the device.
    ledger: ledger ?? ledgerConnector({ env, allowTestHooks: true }),
  });
}

/**
 * The Rebalancer over a vault directory for the CLI: no events; its wallet (opened on first use) prices assets from
 * CoinGecko or STRATA_PRICE_API_URL, since plans are priced in USD.
 */
export async function openCliRebalancer(dir: string, vault: Vault, env: NodeJS.ProcessEnv): Promise<Rebalancer> {
  const devnet = await liveDevnetInfo(env);
  let opening: Promise<Wallet> | undefined;
  return new Rebalancer({
    dataDir: dir,
    vault,
    clock: systemClock,
    emit: () => undefined,
    wallet: () =>
      (opening ??= Wallet.open({
        dataDir: dir,
        vault,
        clock: systemClock,
        emit: () => undefined,
        devnet,
        assets: createAssetCatalogue,
        prices: createPriceSource({ dataDir: dir, baseUrl: env.STRATA_PRICE_API_URL || undefined, clock: systemClock }),
        axelarApiUrls: { lcd: env.STRATA_AXELAR_LCD_URL || undefined, axelarscan: env.STRATA_AXELARSCAN_URL || undefined },
        ledger: ledgerConnector({ env, allowTestHooks: true }),
      })),
  });
}
