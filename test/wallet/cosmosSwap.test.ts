/**
 * Cosmos routes through the app's cross-chain service and `strata swap`, without a devnet: the chain directory's
 * endpoints for Osmosis and Cosmos Hub point at stand-in nodes (set through chains.setRpc, which checks each node's
 * `status` chain id), and OSMO on Osmosis -> ATOM on Cosmos Hub runs as an Osmosis swap then IBC home, signed by the
 * vault, journaled, to completed. A balance short by one base unit signs nothing.
 */
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeTxRaw } from '@cosmjs/proto-signing';
import { MsgTransfer } from 'cosmjs-types/ibc/applications/transfer/v1/tx';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Route } from '../../shared/domain/route';
import type { Transfer } from '../../shared/domain/transferRecord';
import type { AccountView } from '../../shared/domain/account';
import type { SecureSessionView } from '../../shared/ipc/contract';
import { cosmosTxHash } from '../../electron/services/cosmos/tx/txHash';
import { COSMJS_TEST_MNEMONIC } from '../cosmos/support/cosmosTestKeys';
import { acknowledgePacketTxEvents, recvPacketTxEvents, type PacketFields } from '../cosmos/support/ibcEvents';
import { STAND_IN_RESERVES, startCosmosStandIns, type StandIns } from '../cosmos/support/cosmosStandIns';
import { CoinGeckoServer } from '../prices/coinGeckoServer';
import { bankKey, startCosmosBankProxy, type BankBalances } from '../support/cosmosBankProxy';
import { createCoreHarness, type CoreHarness } from '../support/coreHarness';
import type { LocalHttpServer } from '../support/localHttpServer';
import { resetCosmosStandIns } from '../support/resetCosmosStandIns';

const PASSWORD = 'correct horse battery';
const OSMOSIS = 'cosmos:osmosis-1';
const HUB = 'cosmos:cosmoshub-4';
const ATOM_ON_OSMOSIS = 'ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2';
const MSG_SWAP = '/osmosis.poolmanager.v1beta1.MsgSwapExactAmountIn';
const MSG_TRANSFER = '/ibc.applications.transfer.v1.MsgTransfer';
const AMOUNT_IN = 10_000_000n;
/** Pool 1 (0.2% spread factor) on 10 OSMO: what the stand-in pays out and the IBC leg then carries. */
const ATOM_OUT = (STAND_IN_RESERVES[1]![ATOM_ON_OSMOSIS]! * ((AMOUNT_IN * 9_980n) / 10_000n)) / (STAND_IN_RESERVES[1]!.uosmo! + (AMOUNT_IN * 9_980n) / 10_000n);

let standIns: StandIns;
let proxies: LocalHttpServer[];
let prices: CoinGeckoServer;
const balances: BankBalances = new Map();
let osmoAddress: string;
let hubAddress: string;

beforeAll(async () => {
  standIns = await startCosmosStandIns();
  proxies = [await startCosmosBankProxy(standIns.chains.osmosis.url, balances), await startCosmosBankProxy(standIns.chains.cosmoshub.url, balances)];
  prices = new CoinGeckoServer();
  prices.prices = { osmosis: '0.5', cosmos: '5' };
  await prices.start();
});

afterAll(async () => {
  await Promise.all((proxies ?? []).map((p) => p.close()));
  await standIns?.close();
  await prices?.stop();
});

beforeEach(() => {
  resetCosmosStandIns(standIns);
  balances.clear();
});

/** A vault from cosmjs' test mnemonic whose Osmosis and Cosmos Hub endpoints are the stand-ins (through the bank proxies). */
async function cosmosWallet(): Promise<{ h: CoreHarness; accountId: string }> {
  const h = await createCoreHarness({ priceApiUrl: prices.baseUrl });
  const session = await h.value<SecureSessionView>('secure.begin', { purpose: 'import-mnemonic' });
  await h.secure(session.sessionId, 'secure.submitMnemonic', { mnemonic: COSMJS_TEST_MNEMONIC, passphrase: '' });
  await h.value('vault.create', { sessionId: session.sessionId, password: PASSWORD });
  await h.confirmed('chains.setRpc', { chain: 'osmosis', endpoints: [proxies[0]!.url] });
  await h.confirmed('chains.setRpc', { chain: 'cosmoshub', endpoints: [proxies[1]!.url] });
  const [account] = await h.value<AccountView[]>('accounts.list');
  const addressOn = (chain: string) => account!.addresses.find((a) => a.chain === chain)!.address;
  osmoAddress = addressOn(OSMOSIS);
  hubAddress = addressOn(HUB);
  standIns.sequences.set(osmoAddress, 3n);
  return { h, accountId: account!.id };
}

const QUERY = { from: { chain: 'osmosis', asset: 'OSMO', amount: '10' }, to: { chain: 'cosmoshub', asset: 'ATOM' }, slippagePercent: 1, sort: 'amount' } as const;

/** What the route's gas on Osmosis costs at most, in uosmo (the fee token). */
const osmosisGas = (route: Route): bigint => route.fees.filter((f) => f.chain === OSMOSIS && f.kind === 'gas').reduce((sum, f) => sum + BigInt(f.amount), 0n);

describe('Cosmos routes through the cross-chain service (no devnet)', () => {
  it('OSMO on Osmosis -> ATOM on Cosmos Hub: found over the configured endpoints, run by the executor to completed', async () => {
    const { h, accountId } = await cosmosWallet();
    const routes = await h.value<Route[]>('routes.find', QUERY);
    expect(routes.map((r) => r.steps.map((s) => `${s.kind} ${s.provider} ${s.fromChain}>${s.toChain} ${s.assetIn.symbol}>${s.assetOut.symbol}`))).toEqual([
      [`swap osmosis-poolmanager ${OSMOSIS}>${OSMOSIS} OSMO>ATOM`, `bridge ibc-transfer ${OSMOSIS}>${HUB} ATOM>ATOM`],
    ]);
    const route = routes[0]!;
    expect([route.amountIn, route.amountOut, route.steps.map((s) => s.amountOut)]).toEqual([AMOUNT_IN.toString(), ATOM_OUT.toString(), [ATOM_OUT.toString(), ATOM_OUT.toString()]]);
    expect(route.totalFeesUsd).not.toBeNull();
    balances.set(bankKey(osmoAddress, 'uosmo'), AMOUNT_IN + osmosisGas(route));

    const started = await h.confirmed<Transfer>('transfers.start', { routeId: route.id, accountId });
    expect(started.status).toBe('running');
    await expect.poll(async () => (await h.value<Transfer>('transfers.get', { id: started.id })).status, { timeout: 15_000, interval: 100 }).toBe('completed');
    const done = await h.value<Transfer>('transfers.get', { id: started.id });
    expect(standIns.accepted).toEqual([MSG_SWAP, MSG_TRANSFER]);
    // The journal: each leg, its call signed by the Osmosis key at the account's sequence, the bytes the node got.
    expect(done.steps.map((s) => [s.state, s.amountIn, s.amountOut, s.failure])).toEqual([
      ['confirmed', AMOUNT_IN.toString(), ATOM_OUT.toString(), null],
      ['delivered', ATOM_OUT.toString(), ATOM_OUT.toString(), null],
    ]);
    const sent = standIns.chains.osmosis.broadcasts;
    expect(done.steps.map((s) => s.calls.map((c) => [c.label, c.chain, c.from, c.nonce, c.state, c.hash]))).toEqual([
      [['swap', OSMOSIS, osmoAddress, '3', 'confirmed', `0x${cosmosTxHash(sent[0]!)}`]],
      [['ibc transfer', OSMOSIS, osmoAddress, '4', 'confirmed', `0x${cosmosTxHash(sent[1]!)}`]],
    ]);
    const transfer = MsgTransfer.decode(decodeTxRaw(sent[1]!).body.messages[0]!.value);
    expect(transfer).toMatchObject({ sender: osmoAddress, receiver: hubAddress, token: { denom: ATOM_ON_OSMOSIS, amount: ATOM_OUT.toString() } });
    expect(standIns.sequences.get(osmoAddress)).toBe(5n);
    await h.core.dispose();
  });

  it('INSUFFICIENT_FUNDS when the OSMO balance is one uosmo short of the amount and gas: nothing is signed or journaled', async () => {
    const { h, accountId } = await cosmosWallet();
    const [route] = await h.value<Route[]>('routes.find', QUERY);
    balances.set(bankKey(osmoAddress, 'uosmo'), AMOUNT_IN + osmosisGas(route!) - 1n);
    const answer = await h.call('transfers.start', { routeId: route!.id, accountId });
    expect(answer.ok ? 'ok' : answer.error.code).toBe('INSUFFICIENT_FUNDS');
    expect(standIns.chains.osmosis.broadcasts).toHaveLength(0);
    expect(await h.value<Transfer[]>('transfers.list')).toEqual([]);
    await h.core.dispose();
  });

  it('without a devnet, a Cosmos transfer left running at a restart resumes on the next unlock and completes', async () => {
    const { h, accountId } = await cosmosWallet();
    const [route] = await h.value<Route[]>('routes.find', QUERY);
    balances.set(bankKey(osmoAddress, 'uosmo'), AMOUNT_IN + osmosisGas(route!));
    // No relayer: the packet stays in flight, and the app closes with the transfer running.
    standIns.relay.mode = 'none';
    const started = await h.confirmed<Transfer>('transfers.start', { routeId: route!.id, accountId });
    await expect.poll(async () => (await h.value<Transfer>('transfers.get', { id: started.id })).steps.map((s) => s.state), { timeout: 15_000, interval: 100 }).toEqual(['confirmed', 'delivering']);
    await h.core.dispose();
    relayLastPacket();

    const reopened = await createCoreHarness({ dataDir: h.dataDir, priceApiUrl: prices.baseUrl });
    await reopened.value('vault.unlock', { password: PASSWORD });
    await expect.poll(async () => (await reopened.value<Transfer>('transfers.get', { id: started.id })).status, { timeout: 15_000, interval: 100 }).toBe('completed');
    expect((await reopened.value<Transfer>('transfers.get', { id: started.id })).steps.map((s) => s.state)).toEqual(['confirmed', 'delivered']);
    // Resumed, not sent again.
    expect(standIns.accepted).toEqual([MSG_SWAP, MSG_TRANSFER]);
    await reopened.core.dispose();
  });

  it('strata swap (built CLI) --from osmosis:OSMO --to cosmoshub:ATOM --yes --json: completed, in the shape of EVM swaps', async () => {
    const { h } = await cosmosWallet();
    await h.core.dispose();
    balances.set(bankKey(osmoAddress, 'uosmo'), 1_000_000_000n);
    const bin = join(__dirname, '..', '..', 'bin', 'strata.cjs');
    const env = { ...process.env, STRATA_PASSWORD: PASSWORD, STRATA_PRICE_API_URL: prices.baseUrl, STRATA_DEVNET_DIR: await mkdtemp(join(tmpdir(), 'strata-no-devnet-')) };
    const args = ['swap', '--dir', h.dataDir, '--from', 'osmosis:OSMO', '--to', 'cosmoshub:ATOM', '--amount', '10', '--yes', '--timeout-s', '30', '--json'];
    const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = execFile(process.execPath, [bin, ...args], { env }, (error, out, err) => resolve({ code: error ? (child.exitCode ?? 1) : 0, stdout: out, stderr: err }));
    });
    expect([code, stderr.split('\n')[0]]).toEqual([0, 'Route 0: swap OSMO→ATOM (osmosis-poolmanager) → bridge ATOM→ATOM (ibc-transfer)']);
    const json = JSON.parse(stdout.trim()) as { transferId: string; status: string; steps: Transfer['steps'] };
    expect(Object.keys(json)).toEqual(['transferId', 'status', 'steps']);
    expect(json.status).toBe('completed');
    expect(json.steps.map((s) => [s.state, s.amountOut, s.calls.map((c) => [c.label, c.from, c.nonce])])).toEqual([
      ['confirmed', ATOM_OUT.toString(), [['swap', osmoAddress, '3']]],
      ['delivered', ATOM_OUT.toString(), [['ibc transfer', osmoAddress, '4']]],
    ]);
    expect(standIns.accepted).toEqual([MSG_SWAP, MSG_TRANSFER]);
  });
});

/** What a relayer does for the last packet Osmosis sent: recv_packet with a success ack on the Hub, the ack back on Osmosis. */
function relayLastPacket(): void {
  const sendPacket = standIns.chains.osmosis.txs.flatMap((t) => t.events).filter((e) => e.type === 'send_packet').pop()!;
  const attr = (key: string) => sendPacket.attributes.find((a) => a.key === key)!.value;
  const data = JSON.parse(attr('packet_data')) as PacketFields['data'];
  const packet: PacketFields = {
    sequence: attr('packet_sequence'),
    srcChannel: attr('packet_src_channel'),
    dstChannel: attr('packet_dst_channel'),
    timeoutHeight: attr('packet_timeout_height'),
    timeoutTimestamp: attr('packet_timeout_timestamp'),
    data,
  };
  standIns.chains.cosmoshub.record(recvPacketTxEvents(packet, { ack: { ok: true } }));
  standIns.chains.osmosis.record(acknowledgePacketTxEvents(packet, { ok: true }));
}
