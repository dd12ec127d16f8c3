/**
 * What devnet tests share: providers for both chains (no ethers caching: back-to-back reads must see new blocks),
 * a state file that lets the CLI find a devnet this test process hosts, and the CLI run in-process with a fake
 * terminal, its last JSON line parsed.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JsonRpcProvider, Network } from 'ethers';
import { runCli } from '../../electron/cli/main';
import type { CliIo } from '../../electron/cli/io';
import { devnetDeploymentRows } from '../../electron/services/devnet/devnetDeployments';
import { writeDevnetState } from '../../electron/services/devnet/devnetState';
import type { Devnet } from '../../electron/services/devnet/startDevnet';

export const DEVNET_A = 'eip155:31337';
export const DEVNET_B = 'eip155:31338';

/** A provider for a devnet chain that never serves a cached answer. */
export function devnetProvider(rpc: string, chainId: number): JsonRpcProvider {
  return new JsonRpcProvider(rpc, Network.from(chainId), { staticNetwork: true, cacheTimeout: -1 });
}

/** Providers for devnet-a and devnet-b, by CAIP id. */
export function devnetProviders(devnet: Pick<Devnet, 'chains'>): Record<typeof DEVNET_A | typeof DEVNET_B, JsonRpcProvider> {
  const [a, b] = devnet.chains;
  if (!a || !b) throw new Error('The devnet has fewer than two chains');
  return { [DEVNET_A]: devnetProvider(a.rpc, a.chainId), [DEVNET_B]: devnetProvider(b.rpc, b.chainId) };
}

/**
 * Writes, in a new temp dir, the state file `strata devnet start` would leave for a devnet this process hosts, and
 * returns that dir (for STRATA_DEVNET_DIR).
 */
export async function hostedDevnetStateDir(devnet: Devnet, prefix = 'strata-cli-devnet-'): Promise<string> {
  const stateDir = await mkdtemp(join(tmpdir(), prefix));
  await writeDevnetState(stateDir, {
    version: 1, pid: process.pid, startedAt: new Date().toISOString(), mining: 'auto',
    chains: devnet.chains.map((c) => ({ id: c.id, alias: c.alias, chainId: c.chainId, rpc: c.rpc })),
    contracts: devnet.contracts, deployments: devnetDeploymentRows(devnet.chains, devnet.contracts), accounts: devnet.accounts,
  });
  return stateDir;
}

export interface CliResult {
  code: number;
  stderr: string;
  json: Record<string, unknown>;
}

/** `strata <argv> --json` in-process with `env` (read at each call) and `stdin`; the last stdout line parsed. */
export function jsonCli(env: () => Record<string, string>): (argv: string[], stdin?: string) => Promise<CliResult> {
  return async (argv, stdin = '') => {
    let stdout = '';
    let stderr = '';
    const io: CliIo = { stdin: async () => stdin, env: env(), stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) };
    const code = await runCli([...argv, '--json'], io);
    return { code, stderr, json: JSON.parse(stdout.trim().split('\n').pop() ?? 'null') as Record<string, unknown> };
  };
}
