/**
 * A bridge send's tracking key survives a restart: a LayerZero transfer on the real devnet, through the router, the
 * route step runners and the executor, is abandoned while delivering; a new journal and runner on the same data dir
 * resume it, and the LayerZero adapter tracks from the destination block journaled at the send (not from block 0).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BridgeAdapter, SentBridgeTx } from '../../electron/services/bridges/bridgeAdapter';
import { devnetRoutingEnvironment } from '../../electron/services/routing/devnetRouting';
import { findRoutes, type RoutingEnvironment } from '../../electron/services/routing/findRoutes';
import { createChainClients } from '../../electron/services/chains/chainClients';
import { evmCallTransport } from '../../electron/services/transfers/evmCallTransport';
import { journaledStepAdapter, routeStepRunner } from '../../electron/services/transfers/routeStepRunners';
import { resumeTransfers, startTransfer } from '../../electron/services/transfers/runTransfer';
import type { CallTransport } from '../../electron/services/transfers/stepRunner';
import { TransferJournal } from '../../electron/services/transfers/transferJournal';
import { StrataError } from '../../shared/errors';
import { StepRecord } from '../../shared/domain/transferRecord';
import { ETH, startEvmFixture, type EvmFixture } from '../evm/support';

const A = 'eip155:31337';
const B = 'eip155:31338';

let fx: EvmFixture;
let env: RoutingEnvironment;
let dataDir: string;

beforeAll(async () => {
  fx = await startEvmFixture(1);
  env = devnetRoutingEnvironment({ chains: fx.devnet.chains, contracts: fx.devnet.contracts, usdPrices: { ethereum: '3000', 'usd-coin': '1' } });
  dataDir = await mkdtemp(join(tmpdir(), 'strata-tracking-key-'));
});
afterAll(async () => {
  fx?.devnet.relayer.resume();
  await fx?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** The LayerZero adapter itself, with each trackDelivery argument seen first (`die`: the app stops right there). */
function spiedLayerZero(seen: SentBridgeTx[], die = false): RoutingEnvironment {
  const bridges = env.bridges
    .filter((b) => b.id === 'layerzero-oft')
    .map((b): BridgeAdapter => ({
      ...b,
      trackDelivery: (sent, ctx) => {
        seen.push(sent);
        if (die) throw new StrataError('RPC_UNAVAILABLE', 'The app stopped');
        return b.trackDelivery(sent, ctx);
      },
    }));
  return { ...env, bridges };
}

function runnerOptions(routing: RoutingEnvironment) {
  // Fresh clients (and nonce state) per run: the devnet is reverted between tests.
  const clients = createChainClients();
  const transports: Record<string, CallTransport> = { [A]: evmCallTransport(fx.targetA, fx.signer(0), clients), [B]: evmCallTransport(fx.targetB, fx.signer(0), clients) };
  return {
    runnerFor: (step: Parameters<typeof routeStepRunner>[0]) => routeStepRunner(step, journaledStepAdapter(step, routing), { env: routing, transportFor: (chain) => transports[chain] as CallTransport }),
    pollMs: 50,
  };
}

describe('the tracking key of a bridge send is journaled', () => {
  it('a LayerZero transfer abandoned while delivering resumes on the same data dir and tracks from the journaled destination block', async () => {
    const sbt = fx.devnet.contracts.sbt as string;
    const me = fx.addresses[0] as string;
    const sbtB = () => fx.tokenBalanceOf(sbt, me, 'devnet-b');
    // Blocks on devnet-b first, so "from the journaled block" and "from block 0" differ.
    for (let i = 0; i < 3; i++) await fx.devnet.request('devnet-b', 'evm_mine', []);
    const [found] = await findRoutes(spiedLayerZero([]), { from: { chain: A, asset: sbt, amount: 10n * ETH }, to: { chain: B, asset: sbt }, slippageBps: 100 });
    expect(found?.route.steps.map((s) => s.provider)).toEqual(['layerzero-oft']);
    const before = await sbtB();
    const destinationBlock = BigInt(await fx.devnet.request<string>('devnet-b', 'eth_blockNumber', []));

    await fx.devnet.relayer.pause();
    const firstSeen: SentBridgeTx[] = [];
    const first = await TransferJournal.open(dataDir);
    await expect(startTransfer(found!.route, { journal: first, id: 'lz-restart', ...runnerOptions(spiedLayerZero(firstSeen, true)) })).rejects.toMatchObject({ code: 'RPC_UNAVAILABLE' });
    const held = first.get('lz-restart')!.steps[0]!;
    expect([held.state, held.calls.map((c) => c.state)]).toEqual(['delivering', ['confirmed']]);
    // The key buildSend returned (devnet-b's block before the send, 0x hex) is on disk, and was what the tracker got.
    const key = held.trackingKey as string;
    expect(key).toMatch(/^0x[0-9a-f]+$/);
    expect(BigInt(key)).toBe(destinationBlock);
    expect(firstSeen.map((s) => s.trackingKey)).toEqual([key]);
    expect(JSON.stringify(JSON.parse(await readFile(join(dataDir, 'transfers.json'), 'utf8')))).toContain(`"trackingKey":"${key}"`);

    // A restart: a new journal over the same directory and new runners (nothing in memory survives).
    fx.devnet.relayer.resume();
    const secondSeen: SentBridgeTx[] = [];
    const resumed = await resumeTransfers({ journal: await TransferJournal.open(dataDir), ...runnerOptions(spiedLayerZero(secondSeen)) });
    expect(resumed.map((r) => [r.id, r.transfer?.status, r.error])).toEqual([['lz-restart', 'completed', null]]);
    expect(secondSeen.length).toBeGreaterThan(0);
    expect(secondSeen.every((s) => s.trackingKey === key && s.txHash === held.calls[0]!.hash)).toBe(true);
    expect(await sbtB()).toBe(before + 10n * ETH);
  });

  it('a step record journaled before the field existed still parses', () => {
    const old = { index: 0, state: 'delivering', calls: [], amountIn: '1', amountOut: null, startedAt: 1, updatedAt: 2, expectedSeconds: 5, delayed: false, failure: null };
    expect(StepRecord.parse(old).trackingKey).toBeUndefined();
    expect(StepRecord.safeParse({ ...old, trackingKey: 'x'.repeat(201) }).success).toBe(false);
  });
});
