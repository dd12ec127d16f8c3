import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAddress } from '../../../shared/addresses/parseAddress';
import { formatAmount } from '../../../shared/amounts';
import { ChainDirectory } from '../../services/chains/chainDirectory';
import { createCosmosAdapter } from '../../services/cosmos/cosmosAdapter';
import { createEvmAdapter } from '../../services/evm/createEvmAdapter';
import { createAssetCatalogue } from '../../services/wallet/walletSources';
import { parseOptions, requireString } from '../args';
import { cliChain, liveDevnet } from '../cliWallet';
import type { CliIo, CommandResult } from '../io';

/**
 * `strata balance --chain <chain> --address <addr> [--rpc <url>] [--dir <vault>] --json`: native and token balances
 * of any address, in base units (EVM: one Multicall3 call). Needs no password; `--dir` only brings that wallet's
 * custom chains and RPC settings.
 */
export async function balanceCommand(argv: string[], io: CliIo): Promise<CommandResult> {
  const opts = parseOptions(argv, { chain: { type: 'string' }, address: { type: 'string' }, rpc: { type: 'string' }, dir: { type: 'string' } });
  // Without --dir, a directory that holds no settings: the directory only reads there (it writes on changes only).
  const settingsDir = typeof opts.dir === 'string' ? opts.dir : join(tmpdir(), 'strata-no-settings');
  const directory = await ChainDirectory.open(settingsDir, { devnet: await liveDevnet(io.env) });
  const { chain, endpoints } = await cliChain(directory, requireString(opts.chain, 'chain'), opts.rpc as string | undefined);
  const address = parseAddress(requireString(opts.address, 'address'), chain);
  const assets = createAssetCatalogue(directory).list(chain);
  const adapter = chain.family === 'evm' ? createEvmAdapter() : createCosmosAdapter();
  const [row = []] = await adapter.getBalances({ chain, endpoints }, [address], assets);
  const balances = assets.map((asset, i) => ({ asset: asset.ref, symbol: asset.symbol, decimals: asset.decimals, amount: (row[i] ?? 0n).toString() }));
  const text = balances
    .filter((b) => b.amount !== '0' || b.asset === 'native')
    .map((b) => `${formatAmount(BigInt(b.amount), b.decimals).padStart(28)} ${b.symbol}`)
    .join('\n');
  return { json: { chain: chain.id, address, balances }, text: `${chain.name} ${address}\n${text}` };
}
