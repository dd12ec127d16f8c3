import { StrataError } from '../../../shared/errors';
import { ChainDirectory } from '../../services/chains/chainDirectory';
import { parseOptions, requireString } from '../args';
import { liveDevnet } from '../cliWallet';
import type { CliIo, CommandResult } from '../io';

/**
 * `strata chains rpc <chain> --dir D [--reset]` and `strata chains set-rpc <chain> <url[,url]> --dir D`: the app's
 * network settings (`chains.json` in the data dir, the store of the app's `chains.setRpc`). Each URL must be https
 * (plain http only to this machine) and answer with the chain's own id before anything is saved; a mismatch is
 * CHAIN_ID_MISMATCH and an unreachable node RPC_UNAVAILABLE, and then nothing changes. `--reset` restores the defaults.
 */
export async function chainsRpcCommand(subcommand: 'rpc' | 'set-rpc', argv: string[], io: CliIo): Promise<CommandResult> {
  const positionals = argv.filter((a, i) => !a.startsWith('--') && (i === 0 || argv[i - 1] !== '--dir'));
  const flags = argv.filter((a) => !positionals.includes(a));
  const opts = parseOptions(flags, { dir: { type: 'string' }, reset: { type: 'boolean' } });
  const dir = requireString(opts.dir, 'dir');
  const [chainName, urls, extra] = positionals;
  if (chainName === undefined) throw new StrataError('INVALID_INPUT', `Usage: strata chains ${subcommand} <chain>${subcommand === 'set-rpc' ? ' <url[,url]>' : ' [--reset]'} --dir <path>`);
  if (extra !== undefined || (subcommand === 'rpc' && urls !== undefined)) throw new StrataError('INVALID_INPUT', `Unexpected argument "${(extra ?? urls ?? '').slice(0, 64)}"`);
  const chains = await ChainDirectory.open(dir, { devnet: await liveDevnet(io.env) });
  const chain = chains.resolve(chainName);
  let changed = false;
  if (subcommand === 'set-rpc') {
    const list = (urls ?? '').split(',').map((u) => u.trim()).filter((u) => u.length > 0);
    if (list.length === 0) throw new StrataError('INVALID_INPUT', 'Name at least one RPC URL (comma-separated); --reset on `chains rpc` restores the defaults');
    if (list.length > 5) throw new StrataError('INVALID_INPUT', 'At most 5 RPC endpoints per chain');
    await chains.setEndpoints(chain, list);
    changed = true;
  } else if (opts.reset) {
    await chains.setEndpoints(chain, []);
    changed = true;
  }
  const endpoints = chains.endpoints(chain.id);
  const defaults = chains.defaults(chain.id);
  const custom = endpoints.join(',') !== defaults.join(',');
  const json = { chain: chain.id, endpoints, defaults, custom, changed };
  const text = [`${chain.name} (${chain.id}) RPC endpoints, in failover order${custom ? ' (your own)' : ' (defaults)'}:`, ...endpoints.map((e) => `  ${e}`)].join('\n');
  return { json, text };
}
