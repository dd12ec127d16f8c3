/**
 * A single-node Cosmos SDK chain in a temp home, from a simd or gaiad binary (STRATA_SIMD_BINARY): init, genesis
 * accounts, gentx, collect-gentxs, start. Used by the live tests only; no binary exists on our build machines.
 *
 * Works with SDK 0.45 to 0.53 binaries: the genesis subcommands moved under `genesis` in 0.47 (detected), and the
 * ports and block time are set by editing config.toml and app.toml section by section rather than through start
 * flags, whose names changed between versions.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface LocalSimd {
  rpcUrl: string;
  chainId: string;
  /** the bond denom read from genesis (`stake` for simd) */
  denom: string;
  /** funded in genesis */
  mnemonic: string;
  home: string;
  stop(): Promise<void>;
}

export const LOCAL_CHAIN_ID = 'strata-local-1';
const KEYRING = ['--keyring-backend', 'test'];

/** Starts the chain, funds `mnemonic`'s account 0 (m/44'/118'/0'/0/0) and waits for the second block. */
export async function startLocalSimd(binary: string, mnemonic: string): Promise<LocalSimd> {
  const home = await mkdtemp(join(tmpdir(), 'strata-simd-'));
  const run = (args: string[], input?: string) => execBinary(binary, [...args, '--home', home], input);
  let child: ChildProcess | undefined;
  try {
    await run(['init', 'strata-node', '--chain-id', LOCAL_CHAIN_ID]);
    const genesisPath = join(home, 'config', 'genesis.json');
    const genesis = JSON.parse(await readFile(genesisPath, 'utf8')) as { app_state: { staking: { params: { bond_denom: string } } } };
    const denom = genesis.app_state.staking.params.bond_denom;

    await run(['keys', 'add', 'validator', ...KEYRING]);
    await run(['keys', 'add', 'user', '--recover', ...KEYRING], `${mnemonic}\n`);
    const validator = (await run(['keys', 'show', 'validator', '-a', ...KEYRING])).trim();
    const user = (await run(['keys', 'show', 'user', '-a', ...KEYRING])).trim();

    // Cobra prints the root help (and succeeds) for an unknown subcommand with --help: read the command list instead.
    const genesisCommand = genesisSubcommand(await execBinary(binary, ['--help']));
    await run([...genesisCommand, 'add-genesis-account', validator, `1000000000000${denom}`, ...KEYRING]);
    await run([...genesisCommand, 'add-genesis-account', user, `1000000000000${denom}`, ...KEYRING]);
    await run([...genesisCommand, 'gentx', 'validator', `100000000${denom}`, '--chain-id', LOCAL_CHAIN_ID, ...KEYRING]);
    await run([...genesisCommand, 'collect-gentxs']);

    const [rpcPort, p2pPort, grpcPort, apiPort] = await freePorts(4);
    await editToml(join(home, 'config', 'config.toml'), {
      rpc: { laddr: `"tcp://127.0.0.1:${rpcPort}"`, pprof_laddr: '""' },
      p2p: { laddr: `"tcp://127.0.0.1:${p2pPort}"` },
      consensus: { timeout_commit: '"500ms"', timeout_propose: '"1s"' },
      tx_index: { indexer: '"kv"' },
    });
    await editToml(join(home, 'config', 'app.toml'), {
      '': { 'minimum-gas-prices': `"0.0025${denom}"` },
      api: { enable: 'false', address: `"tcp://127.0.0.1:${apiPort}"` },
      grpc: { enable: 'true', address: `"127.0.0.1:${grpcPort}"` },
      'grpc-web': { enable: 'false' },
    });

    const log = createWriteStream(join(home, 'simd.log'));
    child = spawn(binary, ['start', '--home', home], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    const rpcUrl = `http://127.0.0.1:${rpcPort}`;
    await waitForHeight(rpcUrl, 2, 90_000, child, home);
    const started = child;
    return {
      rpcUrl,
      chainId: LOCAL_CHAIN_ID,
      denom,
      mnemonic,
      home,
      stop: async () => {
        await stopProcess(started);
        await rm(home, { recursive: true, force: true });
      },
    };
  } catch (error) {
    if (child) await stopProcess(child);
    const log = await readFile(join(home, 'simd.log'), 'utf8').catch(() => '');
    await rm(home, { recursive: true, force: true });
    throw new Error(`Could not start ${binary}: ${(error as Error).message}\n${log.slice(-2000)}`);
  }
}

/** `['genesis']` when the root help lists a genesis command (SDK 0.47+), `[]` for older binaries. */
export function genesisSubcommand(rootHelp: string): string[] {
  return /^\s+genesis\s/m.test(rootHelp) ? ['genesis'] : [];
}

function execBinary(binary: string, args: string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(binary, args, { timeout: 60_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${args.slice(0, 3).join(' ')} failed: ${stderr || error.message}`));
      else resolve(stdout);
    });
    if (input !== undefined) child.stdin?.end(input);
    else child.stdin?.end();
  });
}

/** Sets `key = value` (value already in TOML syntax) inside the given [section]s; '' is the top level. */
export async function editToml(path: string, changes: Record<string, Record<string, string>>): Promise<void> {
  const lines = (await readFile(path, 'utf8')).split('\n');
  let section = '';
  const out = lines.map((line) => {
    const header = /^\s*\[([^\]]+)\]\s*$/.exec(line);
    if (header) {
      section = header[1] ?? '';
      return line;
    }
    const assignment = /^(\s*)([A-Za-z0-9_.-]+)\s*=/.exec(line);
    const value = assignment ? changes[section]?.[assignment[2] ?? ''] : undefined;
    return value === undefined ? line : `${assignment?.[1] ?? ''}${assignment?.[2]} = ${value}`;
  });
  await writeFile(path, out.join('\n'));
}

async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, () => new Promise<ReturnType<typeof createServer>>((resolve) => {
      const server = createServer();
      server.listen(0, '127.0.0.1', () => resolve(server));
    })),
  );
  const ports = servers.map((s) => (s.address() as AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

async function waitForHeight(rpcUrl: string, height: number, timeoutMs: number, child: ChildProcess, home: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the node exited with code ${child.exitCode} (log: ${join(home, 'simd.log')})`);
    try {
      const response = await fetch(`${rpcUrl}/status`, { signal: AbortSignal.timeout(2_000) });
      const status = (await response.json()) as { result?: { sync_info?: { latest_block_height?: string } } };
      if (Number(status.result?.sync_info?.latest_block_height ?? '0') >= height) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no block ${height} within ${timeoutMs} ms`);
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
