import path from 'node:path';
import { StrataError } from '../../../shared/errors';
import {
  devnetStatus,
  startDevnetInBackground,
  stopBackgroundDevnet,
  type ServeCommand,
} from '../../services/devnet/backgroundDevnet';
import { DEVNET_HARDFORK, type DevnetMining } from '../../services/devnet/devnetSpec';
import { defaultDevnetStateDir, type DevnetState } from '../../services/devnet/devnetState';
import { projectRoot } from '../../services/devnet/projectFiles';
import { serveDevnet } from '../../services/devnet/serveDevnet';
import type { Devnet } from '../../services/devnet/startDevnet';
import { integerOption, parseOptions } from '../args';
import type { CliIo, CommandResult } from '../io';

const USAGE = 'Usage: strata devnet start|stop|status [--state-dir <dir>] [--json]; start also takes [--ports A,B] [--interval-ms N]';

/**
 * `strata devnet start [--ports A,B] [--interval-ms N] [--timeout-ms N]`: starts the two devnet chains in the
 * background and returns once they answer, printing `{"chains":[{"id","alias","rpc"}], ...}` with --json.
 * `strata devnet stop`, `strata devnet status`. All take `--state-dir` (default $STRATA_DEVNET_DIR or
 * <tmp>/strata-devnet). `strata devnet serve` (not listed in the usage) runs the devnet in the foreground: it is
 * what `start` launches and what `npm run devnet` runs.
 */
export async function devnetCommand(argv: string[], io: CliIo): Promise<CommandResult> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'start':
      return start(rest, io);
    case 'stop':
      return stop(rest, io);
    case 'status':
      return status(rest, io);
    case 'serve':
      return serve(rest, io);
    default:
      throw new StrataError('INVALID_INPUT', USAGE);
  }
}

const COMMON = { 'state-dir': { type: 'string' } } as const;
const CHAIN_OPTIONS = { ports: { type: 'string' }, 'interval-ms': { type: 'string' } } as const;

function stateDirOf(value: unknown, io: CliIo): string {
  if (value === undefined) return defaultDevnetStateDir(io.env);
  if (typeof value !== 'string' || value.length === 0) throw new StrataError('INVALID_INPUT', 'Missing --state-dir');
  return path.resolve(value);
}

function parsePorts(value: unknown): [number, number] | undefined {
  if (value === undefined) return undefined;
  const match = typeof value === 'string' ? /^([0-9]{1,5}),([0-9]{1,5})$/.exec(value) : null;
  const ports = match ? [Number(match[1]), Number(match[2])] : [];
  if (ports.length !== 2 || ports.some((p) => p > 65_535)) throw new StrataError('INVALID_INPUT', '--ports must be two ports, e.g. 8545,8546 (0 picks a free port)');
  return ports as [number, number];
}

function parseMining(value: unknown): DevnetMining {
  if (value === undefined) return 'auto';
  const intervalMs = integerOption(value, 'interval-ms', 0);
  if (intervalMs < 1 || intervalMs > 3_600_000) throw new StrataError('INVALID_INPUT', '--interval-ms must be from 1 to 3600000');
  return { intervalMs };
}

/** The process `start` launches: the CLI bundle runs itself; from the sources, scripts/devnet.ts runs under tsx. */
function serveCommand(): ServeCommand {
  if (path.basename(__filename) === 'strata.cjs') return { command: process.execPath, args: [__filename, 'devnet', 'serve'] };
  if (__filename.endsWith('.ts')) {
    const root = projectRoot();
    return { command: process.execPath, args: ['--import', 'tsx', path.join(root, 'scripts', 'devnet.ts')], cwd: root };
  }
  throw new StrataError('INTERNAL', 'Cannot find the devnet server entry: run the CLI from dist/cli/strata.cjs');
}

function chainLines(state: Pick<DevnetState, 'chains'>): string {
  return state.chains.map((c) => `  ${c.alias}  ${c.id}  ${c.rpc}`).join('\n');
}

async function start(argv: string[], io: CliIo): Promise<CommandResult> {
  const opts = parseOptions(argv, { ...COMMON, ...CHAIN_OPTIONS, 'timeout-ms': { type: 'string' } });
  const stateDir = stateDirOf(opts['state-dir'], io);
  const ports = parsePorts(opts.ports);
  const mining = parseMining(opts['interval-ms']);
  const timeoutMs = integerOption(opts['timeout-ms'], 'timeout-ms', 60_000);
  const serve = serveCommand();
  if (ports) serve.args.push('--ports', ports.join(','));
  if (mining !== 'auto') serve.args.push('--interval-ms', String(mining.intervalMs));
  const result = await startDevnetInBackground({ stateDir, serve, timeoutMs, env: io.env });
  const { state } = result;
  return {
    json: {
      chains: state.chains.map(({ id, alias, rpc }) => ({ id, alias, rpc })),
      contracts: state.contracts,
      pid: state.pid,
      alreadyRunning: result.alreadyRunning,
      stateDir,
    },
    text:
      `${result.alreadyRunning ? 'Devnet already running' : `Devnet started in ${(result.ms / 1000).toFixed(1)} s`} (pid ${state.pid})\n` +
      chainLines(state),
  };
}

async function stop(argv: string[], io: CliIo): Promise<CommandResult> {
  const opts = parseOptions(argv, COMMON);
  const { pid } = await stopBackgroundDevnet({ stateDir: stateDirOf(opts['state-dir'], io) });
  return { json: { stopped: true, pid }, text: `Devnet stopped (pid ${pid})` };
}

async function status(argv: string[], io: CliIo): Promise<CommandResult> {
  const opts = parseOptions(argv, COMMON);
  const stateDir = stateDirOf(opts['state-dir'], io);
  const current = await devnetStatus(stateDir);
  if (!current.running) return { json: { running: false, stateDir }, text: 'No devnet is running' };
  const { state } = current;
  return {
    json: { running: true, pid: state.pid, startedAt: state.startedAt, chains: state.chains, contracts: state.contracts, stateDir },
    text: `Devnet running (pid ${state.pid}, since ${state.startedAt})\n${chainLines(state)}`,
  };
}

function banner(devnet: Devnet, stateDir: string, mining: DevnetMining): string {
  const t = devnet.timings;
  const contracts = Object.entries(devnet.contracts).map(([name, address]) => `  ${name.padEnd(15)} ${address}`);
  const accounts = devnet.accounts.map((address, i) => `  ${String(i).padStart(2)}  ${address}`);
  return [
    `Strata devnet ready in ${(t.totalMs / 1000).toFixed(2)} s (contracts ${t.artifactsSource} ${t.artifactsMs.toFixed(0)} ms, ` +
      `chains ${t.chainsMs.toFixed(0)} ms, deploy ${t.deployMs.toFixed(0)} ms); EDR, ${DEVNET_HARDFORK}, ` +
      (mining === 'auto' ? 'automine' : `a block every ${mining.intervalMs} ms`),
    ...devnet.chains.map((c) => `  ${c.alias}  ${c.id}  ${c.rpc}`),
    'Contracts (same addresses on both chains):',
    ...contracts,
    'Accounts: the standard test mnemonic (test test ... junk), m/44\'/60\'/0\'/0/i, 10,000 ETH each:',
    ...accounts,
    `State: ${path.join(stateDir, 'devnet.json')}. Stop with Ctrl-C or "strata devnet stop".`,
    '',
  ].join('\n');
}

async function serve(argv: string[], io: CliIo): Promise<CommandResult> {
  const opts = parseOptions(argv, { ...COMMON, ...CHAIN_OPTIONS });
  const stateDir = stateDirOf(opts['state-dir'], io);
  const ports = parsePorts(opts.ports);
  const mining = parseMining(opts['interval-ms']);
  await serveDevnet({
    stateDir,
    // Without --ports: the well-known 8545/8546, or free ports when something else holds them.
    ports: ports ?? [8545, 8546],
    portFallback: ports === undefined,
    mining,
    onReady: (devnet) => io.stdout(banner(devnet, stateDir, mining)),
  });
  return { json: { stopped: true }, text: 'Devnet stopped' };
}
