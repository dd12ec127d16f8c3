/**
 * A Cosmos route run end to end by the executor (runTransfer + routeStepRunners + cosmosCallTransport) with the
 * vault's keys, against stand-in nodes: the IBC transfer is signed, journaled, broadcast, found in a block and its
 * packet acknowledged; the Osmosis swap then runs on what arrived. A lost broadcast answer, a restart between signing
 * and broadcasting, and an error acknowledgement (refund) each leave every transaction sent exactly once.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeTxRaw } from '@cosmjs/proto-signing';
import { MsgTransfer } from 'cosmjs-types/ibc/applications/transfer/v1/tx';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addressFromPublicKey } from '../../shared/addresses/addressFromPublicKey';
import type { CaipChainId } from '../../shared/domain/chain';
import type { Route } from '../../shared/domain/route';
import { StrataError } from '../../shared/errors';
import { cosmosChains } from '../../electron/services/chains/cosmosChains';
import { vaultCosmosSigner } from '../../electron/services/cosmos/vaultCosmosSigner';
import { cosmosTxHash } from '../../electron/services/cosmos/tx/txHash';
import { cosmosRoutingEnvironment } from '../../electron/services/routing/cosmosRouting';
import { findRoutes, type RoutingEnvironment } from '../../electron/services/routing/findRoutes';
import { cosmosCallTransport } from '../../electron/services/transfers/cosmosCallTransport';
import { journaledStepAdapter, routeStepRunner } from '../../electron/services/transfers/routeStepRunners';
import { runTransfer, startTransfer, type RunTransferOptions } from '../../electron/services/transfers/runTransfer';
import type { CallTransport } from '../../electron/services/transfers/stepRunner';
import { TransferJournal } from '../../electron/services/transfers/transferJournal';
import { openTestVault, type TestVault } from '../cosmos/support/cosmosTestKeys';
import { startCosmosStandIns, type StandIns } from '../cosmos/support/cosmosStandIns';

const chains = cosmosChains();
const noble = chains.find((c) => c.alias === 'noble')!;
const osmosis = chains.find((c) => c.alias === 'osmosis')!;
const USDC_ON_OSMOSIS = 'ibc/498A0751C798A0D9A389AA3691123DADA57DAA4FE165D5C75894505B876BA6E4';

let standIns: StandIns;
let keys: TestVault;
let env: RoutingEnvironment;
let dir: string;
let journal: TransferJournal;
let nobleAddress: string;
let osmoAddress: string;

beforeAll(async () => {
  standIns = await startCosmosStandIns();
  keys = await openTestVault();
  env = cosmosRoutingEnvironment({ cosmosRpc: (id) => standIns.rpcOf(id), usdPrices: {} });
  const pubkey = vaultCosmosSigner(keys.vault, keys.accountId, noble).pubkey;
  nobleAddress = addressFromPublicKey(pubkey, noble);
  osmoAddress = addressFromPublicKey(pubkey, osmosis);
});

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'strata-cosmos-transfer-'));
  journal = await TransferJournal.open(dir);
  for (const chain of Object.values(standIns.chains)) {
    chain.txs.length = 0;
    chain.broadcasts.length = 0;
  }
  standIns.accepted.length = 0;
  standIns.relay.mode = 'ack';
  standIns.relay.ibcGo = 'v8';
  standIns.sequences.clear();
  standIns.sequences.set(nobleAddress, 5n);
  standIns.sequences.set(osmoAddress, 0n);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await standIns.close();
  await keys.dispose();
});

function transportOf(chainId: CaipChainId): CallTransport {
  const chain = chains.find((c) => c.id === chainId)!;
  return cosmosCallTransport({ chain, rpc: standIns.rpcOf(chainId), signer: vaultCosmosSigner(keys.vault, keys.accountId, chain) });
}

function options(transportFor: (chain: CaipChainId) => CallTransport = transportOf): RunTransferOptions {
  return {
    journal,
    pollMs: 10,
    runnerFor: (step) => routeStepRunner(step, journaledStepAdapter(step, env), { env, transportFor }),
  };
}

async function usdcToOsmo(): Promise<Route> {
  const [found] = await findRoutes(env, { from: { chain: noble.id, asset: 'native', amount: 25_000_000n }, to: { chain: osmosis.id, asset: 'native' }, slippageBps: 100 });
  return found!.route;
}

const SWAP_OUT = (20_000_000_000n * 24_987_500n) / (10_000_000_000n + 24_987_500n);

describe('runTransfer over Cosmos: Noble USDC -> IBC -> Osmosis swap -> OSMO', () => {
  it('completes: MsgTransfer and MsgSwapExactAmountIn each accepted once, the packet acknowledged, the swap on what arrived', async () => {
    const transfer = await startTransfer(await usdcToOsmo(), options());
    expect(transfer.status).toBe('completed');
    expect(standIns.accepted).toEqual(['/ibc.applications.transfer.v1.MsgTransfer', '/osmosis.poolmanager.v1beta1.MsgSwapExactAmountIn']);
    const [ibc, swap] = transfer.steps;
    expect(ibc).toMatchObject({ state: 'delivered', amountIn: '25000000', amountOut: '25000000', failure: null });
    expect(swap).toMatchObject({ state: 'confirmed', amountIn: '25000000', amountOut: SWAP_OUT.toString() });
    // The journal keeps the very bytes that were broadcast, under the hash the chain indexes them by.
    const call = ibc!.calls[0]!;
    const sent = standIns.chains.noble.broadcasts[0]!;
    expect(call).toMatchObject({ label: 'ibc transfer', chain: noble.id, from: nobleAddress, nonce: '5', state: 'confirmed', hash: `0x${cosmosTxHash(sent)}`, raw: `0x${Buffer.from(sent).toString('hex')}` });
    const msg = MsgTransfer.decode(decodeTxRaw(sent).body.messages[0]!.value);
    expect(msg).toMatchObject({ sourceChannel: 'channel-1', token: { denom: 'uusdc', amount: '25000000' }, sender: nobleAddress, receiver: osmoAddress, memo: '' });
    expect(msg.timeoutHeight.revisionNumber).toBe(1n);
    // Gas: the MsgTransfer simulated with a 1 uusdc fee (100000 + the fee deduction's 18109), × 1.3 + 10000, at
    // Noble's average price 0.1 uusdc: ceil(153541.7) + 10000 = 163542 gas, ceil(16354.2) uusdc.
    expect(decodeTxRaw(sent).authInfo.fee).toMatchObject({ gasLimit: 163_542n, amount: [{ denom: 'uusdc', amount: '16355' }] });
    expect(swap!.calls.map((c) => [c.label, c.from, c.nonce, c.state])).toEqual([['swap', osmoAddress, '0', 'confirmed']]);
    expect(standIns.sequences.get(nobleAddress)).toBe(6n);
    expect(standIns.sequences.get(osmoAddress)).toBe(1n);
  });

  it('on ibc-go v10 chains (packet_data_hex only) the delivered IBC step records the amount it delivered', async () => {
    standIns.relay.ibcGo = 'v10';
    const transfer = await startTransfer(await usdcToOsmo(), options());
    expect(transfer.status).toBe('completed');
    const [ibc, swap] = transfer.steps;
    expect(ibc).toMatchObject({ state: 'delivered', amountIn: '25000000', amountOut: '25000000', failure: null });
    expect(swap).toMatchObject({ state: 'confirmed', amountIn: '25000000', amountOut: SWAP_OUT.toString() });
  });

  it('a broadcast whose answer was lost: the resume finds the transaction in a block and sends nothing again', async () => {
    const route = await usdcToOsmo();
    const lossy = (chain: CaipChainId): CallTransport => {
      const real = transportOf(chain);
      return { ...real, broadcast: async (signed) => {
        await real.broadcast(signed);
        throw new StrataError('RPC_UNAVAILABLE', 'the answer was lost');
      } };
    };
    await expect(startTransfer(route, { ...options(lossy), id: 'lost-answer' })).rejects.toMatchObject({ code: 'RPC_UNAVAILABLE' });
    expect(journal.get('lost-answer')?.steps[0]?.state).toBe('signed');
    const done = await runTransfer('lost-answer', options());
    expect(done.status).toBe('completed');
    expect(standIns.accepted).toEqual(['/ibc.applications.transfer.v1.MsgTransfer', '/osmosis.poolmanager.v1beta1.MsgSwapExactAmountIn']);
    expect(standIns.chains.noble.broadcasts).toHaveLength(1);
  });

  it('a restart between signing and broadcasting: the resume broadcasts the journaled bytes, byte for byte', async () => {
    const route = await usdcToOsmo();
    const crashing = (chain: CaipChainId): CallTransport => ({ ...transportOf(chain), broadcast: async () => { throw new StrataError('RPC_UNAVAILABLE', 'killed before the broadcast'); } });
    await expect(startTransfer(route, { ...options(crashing), id: 'restart' })).rejects.toMatchObject({ code: 'RPC_UNAVAILABLE' });
    const journaled = journal.get('restart')!.steps[0]!.calls[0]!;
    expect(standIns.chains.noble.broadcasts).toHaveLength(0);
    const reopened = await TransferJournal.open(dir);
    const done = await runTransfer('restart', { ...options(), journal: reopened });
    expect(done.status).toBe('completed');
    expect(standIns.chains.noble.broadcasts).toHaveLength(1);
    expect(`0x${Buffer.from(standIns.chains.noble.broadcasts[0]!).toString('hex')}`).toBe(journaled.raw);
    expect(done.steps[0]!.calls[0]!.hash).toBe(journaled.hash);
  });

  it('an error acknowledgement: the IBC step fails with the funds refunded to the sender on Noble; the swap never runs', async () => {
    standIns.relay.mode = 'error';
    const transfer = await startTransfer(await usdcToOsmo(), options());
    expect(transfer.status).toBe('needs-attention');
    expect(standIns.accepted).toEqual(['/ibc.applications.transfer.v1.MsgTransfer']);
    expect(transfer.steps[1]?.state).toBe('pending');
    expect(transfer.steps[0]?.failure).toEqual({
      reason: 'delivery',
      message: `The bridge reports that the delivery failed: Osmosis refused the transfer; refunded to ${nobleAddress} on Noble`,
      fundsAt: { chain: noble.id, asset: transfer.route.steps[0]!.assetIn, address: nobleAddress, amount: '25000000' },
      action: 'retry',
      summary: `25 USDC: Osmosis refused the transfer; refunded to ${nobleAddress} on Noble`,
    });
  });

  it('a swap below the reviewed minimum signs nothing (the route was reviewed at a better price)', async () => {
    const route = await usdcToOsmo();
    const swapStep = route.steps[1]!;
    const greedy: Route = { ...route, steps: [route.steps[0]!, { ...swapStep, minAmountOut: (SWAP_OUT + 1n).toString() }] };
    const transfer = await startTransfer(greedy, options());
    expect(transfer.status).toBe('needs-attention');
    expect(standIns.accepted).toEqual(['/ibc.applications.transfer.v1.MsgTransfer']);
    expect(transfer.steps[1]).toMatchObject({ state: 'failed', calls: [], failure: { reason: 'refused', fundsAt: { chain: osmosis.id, address: osmoAddress, asset: { ref: USDC_ON_OSMOSIS } } } });
  });
});
