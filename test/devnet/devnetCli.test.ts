import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devnetCommand } from '../../electron/cli/commands/devnet';
import type { CliIo } from '../../electron/cli/io';
import { stopBackgroundDevnet } from '../../electron/services/devnet/backgroundDevnet';
import { isProcessAlive } from '../../electron/services/devnet/devnetState';
import { httpRpc } from '../../electron/services/devnet/jsonRpc';
import { expectStrataRejection } from '../unit/expectStrataError';

let stateDir: string;
const io: CliIo = {
  stdin: async () => '',
  env: { ...process.env },
  stdout: () => undefined,
  stderr: () => undefined,
};

type StartJson = { chains: Array<Record<string, string>>; contracts: Record<string, string>; pid: number; alreadyRunning: boolean; stateDir: string };

async function devnet<T>(...argv: string[]): Promise<T> {
  return (await devnetCommand(argv, io)).json as T;
}

beforeAll(async () => {
  stateDir = await mkdtemp(join(tmpdir(), 'strata-devnet-cli-'));
});

afterAll(async () => {
  await stopBackgroundDevnet({ stateDir }).catch(() => undefined);
  await rm(stateDir, { recursive: true, force: true });
});

describe('strata devnet start|status|stop', () => {
  it('starts in the background, returns once both chains answer, and is idempotent', async () => {
    const started = performance.now();
    const first = await devnet<StartJson>('start', '--json', '--state-dir', stateDir);
    console.log(`strata devnet start (background, from the TypeScript sources) answered in ${(performance.now() - started).toFixed(0)} ms`);
    expect(first.chains.map((c) => Object.keys(c).sort())).toEqual([['alias', 'id', 'rpc'], ['alias', 'id', 'rpc']]);
    expect(first.chains.map((c) => [c.id, c.alias])).toEqual([['eip155:31337', 'devnet-a'], ['eip155:31338', 'devnet-b']]);
    expect(first.alreadyRunning).toBe(false);
    expect(first.stateDir).toBe(stateDir);
    expect(first.contracts).toMatchObject({ multicall3: '0xcA11bde05977b3631167028862bE2a173976CA11', create2Factory: '0x6D8da4B12D658a36909ec1C75F81E54B8DB4eBf9' });
    expect(isProcessAlive(first.pid)).toBe(true);
    expect(first.pid).not.toBe(process.pid);
    expect(statSync(join(stateDir, 'devnet.json')).mode & 0o777).toBe(0o600);
    // The chains are usable right away, deployment included.
    for (const [i, chain] of first.chains.entries()) {
      const rpc = httpRpc(chain.rpc as string);
      expect(await rpc('eth_chainId')).toBe(i === 0 ? '0x7a69' : '0x7a6a');
      expect(BigInt(await rpc<string>('eth_getBalance', ['0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266', 'latest']))).toBe(10_000n * 10n ** 18n);
      expect(await rpc('eth_getCode', [first.contracts.usdc, 'latest'])).not.toBe('0x');
    }

    const second = await devnet<StartJson>('start', '--json', '--state-dir', stateDir);
    expect(second).toEqual({ ...first, alreadyRunning: true });

    const status = await devnet<{ running: boolean; pid: number; chains: unknown[] }>('status', '--json', '--state-dir', stateDir);
    expect(status).toMatchObject({ running: true, pid: first.pid, stateDir });
    expect(status.chains).toHaveLength(2);
    const text = await devnetCommand(['status', '--state-dir', stateDir], io);
    expect(text.text).toContain(`Devnet running (pid ${first.pid}`);

    expect(await devnet('stop', '--json', '--state-dir', stateDir)).toEqual({ stopped: true, pid: first.pid });
    expect(isProcessAlive(first.pid)).toBe(false);
    expect(existsSync(join(stateDir, 'devnet.json'))).toBe(false);
    await expect(httpRpc(first.chains[0]?.rpc as string, { timeoutMs: 1_000 })('eth_chainId')).rejects.toMatchObject({ code: 'RPC_UNAVAILABLE' });

    expect(await devnet('status', '--json', '--state-dir', stateDir)).toEqual({ running: false, stateDir });
    await expectStrataRejection(devnetCommand(['stop', '--state-dir', stateDir], io), 'DEVNET_NOT_RUNNING');
  });

  it('treats a state file whose process is gone as not running, and removes it', async () => {
    const deadPid = spawnSync(process.execPath, ['-e', '']).pid as number;
    const state = {
      version: 1,
      pid: deadPid,
      startedAt: new Date().toISOString(),
      mining: 'auto',
      chains: [{ id: 'eip155:31337', alias: 'devnet-a', chainId: 31337, rpc: 'http://127.0.0.1:1' }],
      contracts: {},
      accounts: [],
    };
    await writeFile(join(stateDir, 'devnet.json'), JSON.stringify(state));
    await expectStrataRejection(devnetCommand(['stop', '--state-dir', stateDir], io), 'DEVNET_NOT_RUNNING', /stale/);
    expect(existsSync(join(stateDir, 'devnet.json'))).toBe(false);
    await writeFile(join(stateDir, 'devnet.json'), JSON.stringify(state));
    expect(await devnet('status', '--json', '--state-dir', stateDir)).toEqual({ running: false, stateDir });
    expect(existsSync(join(stateDir, 'devnet.json'))).toBe(false);
  });

  it('rejects bad arguments with INVALID_INPUT and starts nothing', async () => {
    for (const argv of [
      [],
      ['launch'],
      ['start', '--ports', '8545', '--state-dir', stateDir],
      ['start', '--ports', '8545,99999', '--state-dir', stateDir],
      ['start', '--interval-ms', '0', '--state-dir', stateDir],
      ['stop', '--force', '--state-dir', stateDir],
      ['status', '--state-dir', ''],
    ]) {
      await expectStrataRejection(devnetCommand(argv, io), 'INVALID_INPUT');
    }
    expect(existsSync(join(stateDir, 'devnet.json'))).toBe(false);
  });
});
