/**
 * Live IBC and Osmosis tests against real nodes. Each group runs when its variables are set, and is skipped with a
 * message naming what is missing otherwise (no Cosmos node can run on our build machines).
 *
 * IBC transfer and timeout-with-refund (two chains joined by a transfer channel, and a relayer running between them,
 * e.g. Hermes or the Go relayer on two local simd / gaiad chains, or two testnets):
 *   STRATA_IBC_MNEMONIC          funded on the source chain (account 0 sends to its own address on the destination)
 *   STRATA_IBC_SOURCE_RPC        STRATA_IBC_SOURCE_CHAIN_ID    the sending chain
 *   STRATA_IBC_DEST_RPC          STRATA_IBC_DEST_CHAIN_ID      the receiving chain
 *   STRATA_IBC_CHANNEL           the transfer channel on the source (e.g. channel-0)
 *   STRATA_IBC_DEST_CHANNEL      its end on the destination (e.g. channel-0)
 *   optional: STRATA_IBC_DENOM (default stake), STRATA_IBC_SOURCE_PREFIX / STRATA_IBC_DEST_PREFIX (default cosmos),
 *   STRATA_IBC_GAS_PRICE (default 0.025, in the source denom), STRATA_IBC_AMOUNT (default 1000 base units).
 * Osmosis-style swap (a chain with Osmosis' poolmanager, e.g. a localosmosis node with a pool):
 *   STRATA_OSMOSIS_RPC, STRATA_OSMOSIS_CHAIN_ID, STRATA_OSMOSIS_MNEMONIC, STRATA_OSMOSIS_POOL_ID,
 *   STRATA_OSMOSIS_DENOM_IN, STRATA_OSMOSIS_DENOM_OUT; optional STRATA_OSMOSIS_AMOUNT (default 10000),
 *   STRATA_OSMOSIS_GAS_PRICE (default 0.025 uosmo).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressFromPublicKey } from '../../shared/addresses/addressFromPublicKey';
import type { AssetInfo } from '../../shared/domain/asset';
import type { ChainInfo } from '../../shared/domain/chain';
import { buildIbcTransfer } from '../../electron/services/bridges/ibcTransfer/buildIbcTransfer';
import type { IbcPath } from '../../electron/services/bridges/ibcTransfer/ibcPaths';
import { trackIbcTransfer, type IbcDeliveryStatus } from '../../electron/services/bridges/ibcTransfer/trackIbcTransfer';
import { listChains } from '../../electron/services/chains/chainRegistry';
import { ibcDenom } from '../../electron/services/cosmos/ibc/ibcDenom';
import { ibcTimeout } from '../../electron/services/cosmos/ibc/ibcTimeout';
import { getCosmosBalances } from '../../electron/services/cosmos/queries/getCosmosBalances';
import { createCosmosRpc, type CosmosRpc } from '../../electron/services/cosmos/rpc/createCosmosRpc';
import { latestBlock } from '../../electron/services/cosmos/rpc/searchTxs';
import { vaultCosmosSigner } from '../../electron/services/cosmos/vaultCosmosSigner';
import type { CosmosStepCall } from '../../electron/services/routing/routingTypes';
import { createOsmosisPoolManagerVenue } from '../../electron/services/swap/osmosisPoolManagerVenue';
import { cosmosCallTransport, cosmosSwapAmountOut, cosmosTransportCall } from '../../electron/services/transfers/cosmosCallTransport';
import type { CallReceipt, CallTransport } from '../../electron/services/transfers/stepRunner';
import { openTestVault, type TestVault } from './support/cosmosTestKeys';

const env = process.env;
const IBC_VARS = ['STRATA_IBC_MNEMONIC', 'STRATA_IBC_SOURCE_RPC', 'STRATA_IBC_SOURCE_CHAIN_ID', 'STRATA_IBC_DEST_RPC', 'STRATA_IBC_DEST_CHAIN_ID', 'STRATA_IBC_CHANNEL', 'STRATA_IBC_DEST_CHANNEL'];
const OSMOSIS_VARS = ['STRATA_OSMOSIS_RPC', 'STRATA_OSMOSIS_CHAIN_ID', 'STRATA_OSMOSIS_MNEMONIC', 'STRATA_OSMOSIS_POOL_ID', 'STRATA_OSMOSIS_DENOM_IN', 'STRATA_OSMOSIS_DENOM_OUT'];
const missingIbc = IBC_VARS.filter((name) => !env[name]);
const missingOsmosis = OSMOSIS_VARS.filter((name) => !env[name]);
if (missingIbc.length > 0) console.warn(`Live IBC tests skipped: no two chains with a relayer. Set ${missingIbc.join(', ')} (see test/cosmos/ibcLive.test.ts)`);
if (missingOsmosis.length > 0) console.warn(`Live Osmosis swap test skipped: no poolmanager chain. Set ${missingOsmosis.join(', ')} (see test/cosmos/ibcLive.test.ts)`);

const LIVE_TIMEOUT_MS = 300_000;

/** A bundled chain by chain id, or one described by the variables (a local or test chain). */
function chainFor(chainId: string, prefix: string, denom: string): ChainInfo {
  return listChains().find((c) => c.id === `cosmos:${chainId}`) ?? {
    id: `cosmos:${chainId}`,
    alias: chainId,
    name: chainId,
    family: 'cosmos',
    addressScheme: 'cosmos',
    coinType: 118,
    bech32Prefix: prefix,
    nativeAsset: { symbol: denom.toUpperCase(), denom, decimals: 6 },
    testnet: true,
  };
}

/** Polls `read` until `done` holds of its value, at most `timeoutMs`. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
}

async function sendAndConfirm(transport: CallTransport, call: CosmosStepCall): Promise<{ hash: string; receipt: CallReceipt }> {
  const signed = await transport.sign(cosmosTransportCall(call));
  await transport.broadcast(signed);
  const status = await eventually(() => transport.status({ hash: signed.hash, from: signed.from, nonce: signed.nonce.toString() }), (s) => s.kind === 'mined', 60_000);
  if (status.kind !== 'mined') throw new Error(`the transaction was not included: ${status.kind}`);
  return { hash: signed.hash, receipt: status.receipt };
}

describe.skipIf(missingIbc.length > 0)('live IBC transfer between two chains with a relayer', () => {
  const denom = env.STRATA_IBC_DENOM ?? 'stake';
  const amount = BigInt(env.STRATA_IBC_AMOUNT ?? '1000');
  let keys: TestVault;
  let source: ChainInfo;
  let dest: ChainInfo;
  let sourceRpc: CosmosRpc;
  let destRpc: CosmosRpc;
  let transport: CallTransport;
  let sender: string;
  let recipient: string;

  beforeAll(async () => {
    keys = await openTestVault(env.STRATA_IBC_MNEMONIC);
    source = chainFor(env.STRATA_IBC_SOURCE_CHAIN_ID!, env.STRATA_IBC_SOURCE_PREFIX ?? 'cosmos', denom);
    dest = chainFor(env.STRATA_IBC_DEST_CHAIN_ID!, env.STRATA_IBC_DEST_PREFIX ?? 'cosmos', denom);
    sourceRpc = createCosmosRpc([env.STRATA_IBC_SOURCE_RPC!], source);
    destRpc = createCosmosRpc([env.STRATA_IBC_DEST_RPC!], dest);
    const signer = vaultCosmosSigner(keys.vault, keys.accountId, source);
    transport = cosmosCallTransport({ chain: source, rpc: sourceRpc, signer, gasPrices: { denom, averageGasPrice: env.STRATA_IBC_GAS_PRICE ?? '0.025' } });
    sender = addressFromPublicKey(signer.pubkey, source);
    recipient = addressFromPublicKey(signer.pubkey, dest);
  });

  afterAll(async () => {
    await keys?.dispose();
  });

  const path = (): IbcPath => {
    const hop = { fromChainName: source.name, toChainName: dest.name, sourcePort: 'transfer', sourceChannel: env.STRATA_IBC_CHANNEL!, destPort: 'transfer', destChannel: env.STRATA_IBC_DEST_CHANNEL! };
    const arrival = ibcDenom(`transfer/${hop.destChannel}`, denom);
    const toAsset: AssetInfo = { chain: dest.id, ref: arrival, symbol: denom, name: denom, decimals: 6, priceId: null };
    return { chains: [source, dest], hops: [hop], sourceDenom: denom, arrivalDenom: arrival, arrivalTrace: { path: `transfer/${hop.destChannel}`, baseDenom: denom }, toAsset };
  };

  const track = (hash: string): Promise<IbcDeliveryStatus> =>
    eventually(
      () => trackIbcTransfer({ chain: source.id, txHash: hash }, { chains: [source, dest], rpcOf: (id) => (id === source.id ? sourceRpc : destRpc), now: Date.now, counterparty: () => dest.id }),
      (s) => s.state !== 'inflight',
      LIVE_TIMEOUT_MS - 60_000,
    );

  it('transfers, and the relayer delivers: the recipient holds the ibc/ denom more', async () => {
    const arrival = path().arrivalDenom;
    const before = (await getCosmosBalances(destRpc, dest, recipient)).find((b) => b.denom === arrival)?.amount ?? 0n;
    const latest = await destRpc.withNode(latestBlock);
    const msg = buildIbcTransfer(path(), amount, { sender, recipient }, ibcTimeout(dest.id.slice(7), latest.height, Date.now()));
    const { hash, receipt } = await sendAndConfirm(transport, { family: 'cosmos', chain: source.id, typeUrl: msg.typeUrl, value: msg.value, label: 'ibc transfer' });
    expect(receipt.status).toBe(1);
    const status = await track(hash);
    expect(status.state).toBe('delivered');
    const after = (await getCosmosBalances(destRpc, dest, recipient)).find((b) => b.denom === arrival)?.amount ?? 0n;
    expect(after - before).toBe(amount);
  }, LIVE_TIMEOUT_MS);

  it('times out (a window of one block) and is refunded to the sender', async () => {
    const latest = await destRpc.withNode(latestBlock);
    const msg = buildIbcTransfer(path(), amount, { sender, recipient }, ibcTimeout(dest.id.slice(7), latest.height, Date.now(), { blocks: 1n, seconds: 1 }));
    const { hash } = await sendAndConfirm(transport, { family: 'cosmos', chain: source.id, typeUrl: msg.typeUrl, value: msg.value, label: 'ibc transfer' });
    const status = await track(hash);
    expect(status).toMatchObject({ state: 'failed', detail: `timed out; refunded to ${sender} on ${source.name}`, fundsAt: { chain: source.id, address: sender, action: 'none' } });
  }, LIVE_TIMEOUT_MS);
});

describe.skipIf(missingOsmosis.length > 0)('live Osmosis-style swap', () => {
  it('quotes by EstimateSwapExactAmountIn, swaps with the minimum out, and reads what the pool paid', async () => {
    const keys = await openTestVault(env.STRATA_OSMOSIS_MNEMONIC);
    try {
      const denomIn = env.STRATA_OSMOSIS_DENOM_IN!;
      const denomOut = env.STRATA_OSMOSIS_DENOM_OUT!;
      const chain = chainFor(env.STRATA_OSMOSIS_CHAIN_ID!, 'osmo', 'uosmo');
      const rpc = createCosmosRpc([env.STRATA_OSMOSIS_RPC!], chain);
      const venue = createOsmosisPoolManagerVenue({ chain, rpc: () => rpc, pools: [{ poolId: BigInt(env.STRATA_OSMOSIS_POOL_ID!), denoms: [denomIn, denomOut], spreadFactorBps: 0 }] });
      const pair = venue.pairs(chain.id).find((p) => (p.tokenIn.ref === denomIn || (p.tokenIn.ref === 'native' && denomIn === chain.nativeAsset.denom)))!;
      const quote = await venue.quote(chain.id, pair.tokenIn, pair.tokenOut, BigInt(env.STRATA_OSMOSIS_AMOUNT ?? '10000'));
      expect(quote.amountOut > 0n).toBe(true);
      const signer = vaultCosmosSigner(keys.vault, keys.accountId, chain);
      const built = venue.buildSwap(quote, { slippageBps: 100, recipient: addressFromPublicKey(signer.pubkey, chain), deadline: 0n });
      const transport = cosmosCallTransport({ chain, rpc, signer, gasPrices: { denom: 'uosmo', averageGasPrice: env.STRATA_OSMOSIS_GAS_PRICE ?? '0.025' } });
      const call = built.calls[0];
      if (call?.family !== 'cosmos') throw new Error('expected a Cosmos call');
      const { receipt } = await sendAndConfirm(transport, call);
      expect(receipt.status).toBe(1);
      const out = cosmosSwapAmountOut(receipt, denomOut);
      expect(out !== null && out >= built.minAmountOut).toBe(true);
    } finally {
      await keys.dispose();
    }
  }, LIVE_TIMEOUT_MS);
});
