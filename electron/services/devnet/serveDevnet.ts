import { StrataError } from '../../../shared/errors';
import { readLiveDevnet } from './backgroundDevnet';
import { devnetDeploymentRows } from './devnetDeployments';
import { removeDevnetState, writeDevnetState } from './devnetState';
import { startDevnet, type Devnet, type StartDevnetOptions } from './startDevnet';

export interface ServeDevnetOptions extends StartDevnetOptions {
  /** Where the state file goes, so `strata devnet status|stop` and the app find this devnet. */
  stateDir: string;
  /** Called once the chains answer and the contracts are deployed. */
  onReady?: (devnet: Devnet) => void;
  /** Stops the devnet when aborted (besides SIGINT and SIGTERM). */
  signal?: AbortSignal;
}

/**
 * Runs a devnet in this process until SIGINT, SIGTERM or `signal`, published in `stateDir` while it runs. This is
 * both `npm run devnet` (foreground) and the process behind `strata devnet start` (background).
 * @throws StrataError IO_ERROR when a devnet is already running for this state directory
 */
export async function serveDevnet(options: ServeDevnetOptions): Promise<void> {
  const running = await readLiveDevnet(options.stateDir);
  if (running && running.pid !== process.pid) {
    throw new StrataError('IO_ERROR', `A devnet is already running (pid ${running.pid}): stop it with "strata devnet stop"`);
  }
  const devnet = await startDevnet(options);
  let onStop: () => void = () => undefined;
  const stopRequested = new Promise<void>((resolve) => (onStop = resolve));
  process.once('SIGINT', onStop);
  process.once('SIGTERM', onStop);
  options.signal?.addEventListener('abort', onStop, { once: true });
  try {
    await writeDevnetState(options.stateDir, {
      version: 1,
      pid: process.pid,
      startedAt: new Date().toISOString(),
      mining: options.mining ?? 'auto',
      chains: devnet.chains.map(({ id, alias, chainId, rpc }) => ({ id, alias, chainId, rpc })),
      contracts: { ...devnet.contracts },
      deployments: devnetDeploymentRows(devnet.chains, devnet.contracts),
      accounts: devnet.accounts,
    });
    options.onReady?.(devnet);
    await stopRequested;
  } finally {
    process.off('SIGINT', onStop);
    process.off('SIGTERM', onStop);
    options.signal?.removeEventListener('abort', onStop);
    await removeDevnetState(options.stateDir, process.pid);
    await devnet.stop();
  }
}
