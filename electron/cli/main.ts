import { StrataError } from '../../shared/errors';
import { activityCommand } from './commands/activity';
import { balanceCommand } from './commands/balance';
import { chainsCommand } from './commands/chains';
import { deriveCommand } from './commands/derive';
import { devnetCommand } from './commands/devnet';
import { LEDGER_USAGE, ledgerCommand } from './commands/ledger';
import { frontierCommand, optimizeCommand, OPTIMIZE_USAGE } from './commands/optimize';
import { rebalanceCommand, REBALANCE_USAGE } from './commands/rebalance';
import { routeCommand } from './commands/route';
import { sendCommand } from './commands/send';
import { swapCommand } from './commands/swap';
import { transfersCommand } from './commands/transfers';
import { vaultCommand } from './commands/vault';
import { processIo, reportError, type CliIo, type CommandResult } from './io';

const USAGE = `Usage: strata <command> [options] [--json]

Commands:
  chains                                   list the built-in chains
  chains rpc <chain> --dir <path> [--reset] a chain's RPC endpoints in failover order; --reset restores the defaults
  chains set-rpc <chain> <url[,url]> --dir <path>
                                           replace them (https, or http to this machine; each must serve the chain)
  derive --chain <chain> [--account N] [--index N] [--passphrase-env VAR]
                                           derive an address from a mnemonic read on stdin
  vault init --dir <path> [--generate [--words 12|24]] [--passphrase-env VAR]
                                           create a vault (mnemonic on stdin; password in STRATA_PASSWORD)
  vault unlock --dir <path>                check the password and the vault file
  vault accounts --dir <path>              list accounts and their addresses
  vault change-password --dir <path>       re-encrypt under STRATA_NEW_PASSWORD (current one in STRATA_PASSWORD)
${LEDGER_USAGE}
  balance --chain <chain> --address <addr> [--rpc <url>]
                                           native and token balances in base units
  send --dir <path> --chain <chain> --to <addr> --amount <decimal> [--asset <symbol|contract|denom>]
       [--account <id|label>] [--tier slow|normal|fast] [--rpc <url>] --yes
                                           sign with the vault (STRATA_PASSWORD), or on the Ledger when
                                           --account names a Ledger account (EVM), send, wait for confirmation
  activity --dir <path> [--no-recheck]     the wallet's own transactions, pending ones re-checked
  route --from <chain>:<asset> --to <chain>:<asset> --amount <decimal> [--slippage <percent>] [--sort amount|speed]
                                           routes (swap, bridge, swap; or one swap on a chain), best first:
                                           EVM mainnets (Uniswap V3), Cosmos chains, a running devnet
  swap --dir <path> --from <chain>:<asset> --to <chain>:<asset> --amount <decimal> [--route N] [--slippage <percent>]
       [--account <id|label>] [--accept-loss <percent>] [--timeout-s N] --yes
                                           run a route with the vault (STRATA_PASSWORD) and wait until it ends;
                                           a route losing over 15% runs only with --accept-loss of at least its loss
  transfers --dir <path>                   multi-step transfers (cross-chain swaps), newest first
${REBALANCE_USAGE}
  devnet start|stop|status [--state-dir D] [--ports A,B] [--interval-ms N]
                                           two local EVM chains (devnet-a eip155:31337, devnet-b eip155:31338)
${OPTIMIZE_USAGE}
Chains are CAIP-2 ids (eip155:1, cosmos:cosmoshub-4) or aliases (ethereum, cosmoshub, ...).
Errors: exit code 1 (2 for usage), one line on stderr, and {"error":{"code","message"}} on stdout with --json.
`;

const COMMANDS: Record<string, (argv: string[], io: CliIo) => Promise<CommandResult>> = {
  chains: chainsCommand,
  derive: deriveCommand,
  vault: vaultCommand,
  ledger: ledgerCommand,
  devnet: devnetCommand,
  balance: balanceCommand,
  send: sendCommand,
  activity: activityCommand,
  route: routeCommand,
  swap: swapCommand,
  transfers: transfersCommand,
  rebalance: rebalanceCommand,
  optimize: optimizeCommand,
  frontier: frontierCommand,
};

/** Runs one CLI invocation and returns its exit code. Output goes through `io` so tests can run it in-process. */
export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  const json = argv.includes('--json');
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(USAGE);
    return name === undefined ? 2 : 0;
  }
  try {
    const command = COMMANDS[name];
    if (!command) throw new StrataError('INVALID_INPUT', `Unknown command "${name.slice(0, 32)}" (see strata --help)`);
    const result = await command(rest, io);
    io.stdout((json ? JSON.stringify(result.json) : result.text) + '\n');
    return 0;
  } catch (error) {
    return reportError(io, error, json);
  }
}

if (require.main === module) {
  void runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
