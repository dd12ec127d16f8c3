import type { DevnetInfo } from '../chains/chainDirectory';
import { readLiveDevnet } from './backgroundDevnet';
import { defaultDevnetStateDir } from './devnetState';

/** The devnet running for STRATA_DEVNET_DIR (or the default state dir), as the app and the CLI use it; else undefined. */
export async function liveDevnetInfo(env: NodeJS.ProcessEnv): Promise<DevnetInfo | undefined> {
  const state = await readLiveDevnet(defaultDevnetStateDir(env));
  return state ? { chains: state.chains.map((c) => ({ id: c.id, rpc: c.rpc })), contracts: state.contracts, ...(state.deployments ? { deployments: state.deployments } : {}) } : undefined;
}
