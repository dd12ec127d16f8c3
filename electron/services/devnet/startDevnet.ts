import { toHex } from 'viem';
import { StrataError } from '../../../shared/errors';
import { createDeployContext } from './deploy/deployContext';
import { DEPLOY_STEPS } from './deploy/deploySteps';
import type { Address, DeployStep } from './deploy/deployStep';
import { runDeploySteps, type StepTiming } from './deploy/runDeploySteps';
import { DEVNET_CHAIN_SPECS, type DevnetAlias, type DevnetChainId, type DevnetMining } from './devnetSpec';
import { createEdrChain, type EdrChain } from './edrChain';
import { startDevnetRelayer } from './layerzero/devnetRelayer';
import { LZ_RELAYER_ACCOUNT_INDEX } from './layerzero/layerZeroSpec';
import type { LayerZeroRelayer } from './layerzero/relayer';
import { serveJsonRpc, type JsonRpcServer } from './jsonRpcServer';
import { createRpcProxy, type RpcProxy, type RpcProxyOptions } from './rpcProxy';
import { loadDevnetArtifacts, type LoadArtifactsResult } from './solidity/compileContracts';
import { deriveDevnetTestKeys } from './testAccounts';

export interface DevnetChain {
  id: DevnetChainId;
  alias: DevnetAlias;
  chainId: number;
  name: string;
  /** `http://127.0.0.1:<port>` */
  rpc: string;
}

/** Addresses of the deployed contracts, identical on both chains. Later deploy steps add their own keys. */
export type DevnetContracts = { multicall3: string; usdc: string; weth: string; create2Factory: string } & Record<string, string>;

export interface DevnetTimings {
  artifactsMs: number;
  artifactsSource: LoadArtifactsResult['source'];
  chainsMs: number;
  deployMs: number;
  totalMs: number;
  steps: StepTiming[];
}

/** Snapshot ids per chain, from Devnet.snapshot(). */
export type DevnetSnapshot = Record<DevnetAlias, string>;

export interface Devnet {
  chains: [DevnetChain, DevnetChain];
  contracts: DevnetContracts;
  /** The 20 funded user accounts (EIP-55), m/44'/60'/0'/0/0 first. */
  accounts: string[];
  /** The account that deployed the contracts (m/44'/60'/0'/0/20); not one of `accounts`. */
  deployer: string;
  timings: DevnetTimings;
  /**
   * The LayerZero relayer between the chains (layerzero/relayer.ts), started with the devnet and stopped by stop().
   * It signs with account 19. Without the LayerZero deploy steps (custom `steps`) it has no chains and does nothing.
   */
  relayer: LayerZeroRelayer;
  chain(alias: DevnetAlias): DevnetChain;
  /** A JSON-RPC call on one chain, in-process (no HTTP). */
  request<T = unknown>(alias: DevnetAlias, method: string, params?: readonly unknown[]): Promise<T>;
  /** evm_snapshot on both chains. */
  snapshot(): Promise<DevnetSnapshot>;
  /** evm_revert on both chains. A snapshot can be reverted to once (take a new one after). */
  revert(snapshot: DevnetSnapshot): Promise<void>;
  /** Mines `blocks` empty blocks on one chain, or on both when `alias` is omitted. */
  mine(blocks?: number, alias?: DevnetAlias): Promise<void>;
  /** Sets the native balance (wei) of an address on one chain, or on both when `alias` is omitted. */
  setBalance(address: string, wei: bigint, alias?: DevnetAlias): Promise<void>;
  /** A controllable proxy in front of one chain's rpc; closed by stop(). */
  rpcProxy(alias: DevnetAlias, options?: RpcProxyOptions): Promise<RpcProxy>;
  /** Closes the rpc listeners and proxies; the chains are gone afterwards. Safe to call twice. */
  stop(): Promise<void>;
}

export interface StartDevnetOptions {
  /** Ports of devnet-a and devnet-b; default [0, 0] (free ports, so parallel tests never collide). */
  ports?: [number, number];
  /** When a port is taken, use a free one instead of failing (what the CLI does for its 8545/8546 defaults). */
  portFallback?: boolean;
  mining?: DevnetMining;
  /** Replaces the default deploy steps (for tests of the steps themselves). */
  steps?: readonly DeployStep[];
  log?: (line: string) => void;
}

function checkMining(mining: DevnetMining): void {
  if (mining === 'auto') return;
  if (!Number.isInteger(mining.intervalMs) || mining.intervalMs < 1 || mining.intervalMs > 3_600_000) {
    throw new StrataError('INVALID_INPUT', 'The mining interval must be an integer from 1 to 3600000 ms');
  }
}

function checkPort(port: number): void {
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new StrataError('INVALID_INPUT', 'Ports must be integers from 0 to 65535');
}

async function listen(chain: EdrChain, port: number, fallback: boolean): Promise<JsonRpcServer> {
  try {
    return await serveJsonRpc(chain.handle, port);
  } catch (error) {
    if (!fallback || port === 0) throw error;
    return serveJsonRpc(chain.handle, 0);
  }
}

/**
 * Starts the two devnet chains in this process (EDR behind HTTP JSON-RPC on 127.0.0.1), funds the 20 test
 * accounts with 10,000 ETH each, and runs the deploy steps on both chains. Contract addresses are checked to be
 * equal on both chains.
 * @throws StrataError INVALID_INPUT for bad options, IO_ERROR when a port is taken (without portFallback)
 */
export async function startDevnet(options: StartDevnetOptions = {}): Promise<Devnet> {
  const started = performance.now();
  const ports = options.ports ?? [0, 0];
  ports.forEach(checkPort);
  const mining = options.mining ?? 'auto';
  checkMining(mining);
  const log = options.log ?? (() => undefined);

  const keys = deriveDevnetTestKeys();
  const loaded = await loadDevnetArtifacts();
  const accounts = keys.accounts.map((a) => a.address);
  const chainsStarted = performance.now();
  const edrChains = await Promise.all(
    DEVNET_CHAIN_SPECS.map((spec) =>
      createEdrChain({
        chainId: spec.chainId,
        fundedAddresses: [...accounts, keys.deployer.address],
        ownedPrivateKeys: keys.accounts.map((a) => a.privateKey),
      }),
    ),
  );
  const servers: JsonRpcServer[] = [];
  const proxies: RpcProxy[] = [];
  let relayer: LayerZeroRelayer | undefined;
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    // First, so no delivery is in flight when the chains go away.
    await relayer?.stop();
    // An interval miner is a timer inside EDR; stop it so a stopped devnet does no work.
    if (mining !== 'auto') await Promise.all(edrChains.map((c) => c.request('evm_setIntervalMining', [0]).catch(() => undefined)));
    await Promise.all([...proxies.map((p) => p.close()), ...servers.map((s) => s.close())]);
  };

  try {
    for (const [i, chain] of edrChains.entries()) servers.push(await listen(chain, ports[i] ?? 0, options.portFallback ?? false));
    const chainsMs = performance.now() - chainsStarted;

    const deployStarted = performance.now();
    const results = await Promise.all(
      DEVNET_CHAIN_SPECS.map(async (spec, i) => {
        const ctx = createDeployContext({
          chain: { alias: spec.alias, chainId: spec.chainId },
          request: (edrChains[i] as EdrChain).request,
          artifacts: loaded.artifacts,
          deployerPrivateKey: keys.deployer.privateKey,
          accounts: accounts as Address[],
          log,
        });
        const steps = await runDeploySteps(ctx, options.steps ?? DEPLOY_STEPS);
        return { contracts: ctx.contracts, steps };
      }),
    );
    const [a, b] = results as [(typeof results)[number], (typeof results)[number]];
    if (JSON.stringify(a.contracts) !== JSON.stringify(b.contracts)) {
      throw new StrataError('INTERNAL', 'Devnet contract addresses differ between the chains', {
        details: JSON.stringify({ a: a.contracts, b: b.contracts }),
      });
    }
    if (mining !== 'auto') {
      for (const chain of edrChains) {
        await chain.request('evm_setAutomine', [false]);
        await chain.request('evm_setIntervalMining', [mining.intervalMs]);
      }
    }
    const deployMs = performance.now() - deployStarted;
    relayer = startDevnetRelayer({
      contracts: a.contracts,
      chains: DEVNET_CHAIN_SPECS.map((spec, i) => ({ alias: spec.alias, chainId: spec.chainId, request: (edrChains[i] as EdrChain).request })),
      privateKey: (keys.accounts[LZ_RELAYER_ACCOUNT_INDEX] as { privateKey: `0x${string}` }).privateKey,
      log,
    });

    const chains = DEVNET_CHAIN_SPECS.map((spec, i) => ({
      id: spec.id,
      alias: spec.alias,
      chainId: spec.chainId,
      name: spec.name,
      rpc: (servers[i] as JsonRpcServer).url,
    })) as [DevnetChain, DevnetChain];
    const edrOf = (alias: DevnetAlias): EdrChain => edrChains[alias === 'devnet-a' ? 0 : 1] as EdrChain;
    const targets = (alias?: DevnetAlias): EdrChain[] => (alias ? [edrOf(alias)] : edrChains);
    const chainOf = (alias: DevnetAlias): DevnetChain => {
      const found = chains.find((c) => c.alias === alias);
      if (!found) throw new StrataError('UNKNOWN_CHAIN', `Unknown devnet chain "${String(alias).slice(0, 32)}"`);
      return found;
    };

    return {
      chains,
      contracts: a.contracts as DevnetContracts,
      accounts,
      deployer: keys.deployer.address,
      timings: {
        artifactsMs: loaded.ms,
        artifactsSource: loaded.source,
        chainsMs,
        deployMs,
        totalMs: performance.now() - started,
        steps: a.steps,
      },
      relayer,
      chain: chainOf,
      request: (alias, method, params) => edrOf(chainOf(alias).alias).request(method, params),
      async snapshot() {
        const [sa, sb] = await Promise.all(edrChains.map((c) => c.request<string>('evm_snapshot')));
        return { 'devnet-a': sa as string, 'devnet-b': sb as string };
      },
      async revert(snapshot) {
        const reverted = await Promise.all(DEVNET_CHAIN_SPECS.map((spec) => edrOf(spec.alias).request<boolean>('evm_revert', [snapshot[spec.alias]])));
        if (reverted.some((ok) => !ok)) throw new StrataError('INVALID_INPUT', 'Unknown or already used devnet snapshot');
      },
      async mine(blocks = 1, alias) {
        if (!Number.isInteger(blocks) || blocks < 1) throw new StrataError('INVALID_INPUT', 'blocks must be a positive integer');
        await Promise.all(targets(alias).map((c) => c.request('hardhat_mine', [toHex(blocks)])));
      },
      async setBalance(address, wei, alias) {
        if (wei < 0n) throw new StrataError('INVALID_AMOUNT', 'A balance cannot be negative');
        await Promise.all(targets(alias).map((c) => c.request('hardhat_setBalance', [address, toHex(wei)])));
      },
      async rpcProxy(alias, proxyOptions) {
        if (stopped) throw new StrataError('DEVNET_NOT_RUNNING', 'The devnet is stopped');
        const proxy = await createRpcProxy(chainOf(alias).rpc, proxyOptions);
        proxies.push(proxy);
        return proxy;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
