/**
 * Cosmos fees as the chain charges them (issue 17), against a stand-in SDK 0.53 chain whose simulation and block
 * execution deduct a fee only when it is non-zero, with x/feemarket's minimum enforced at CheckTx
 * (support/sdkAnteChain.ts), and an Osmosis node with txfees' EIP-1559 base fee.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BinaryWriter } from 'cosmjs-types/binary';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActivityJournal } from '../../electron/services/activity/activityJournal';
import { sendWithJournal } from '../../electron/services/activity/sendWithJournal';
import { nativeAssetOf } from '../../electron/services/assets/nativeAsset';
import { resolveChain } from '../../electron/services/chains/chainRegistry';
import type { DigestSigner } from '../../electron/services/chains/chainAdapter';
import { createCosmosAdapter } from '../../electron/services/cosmos/cosmosAdapter';
import type { CosmosSigner } from '../../electron/services/cosmos/cosmosSigner';
import { assertFeeCoversMinimum } from '../../electron/services/cosmos/fees/assertFeeCoversMinimum';
import { estimateCosmosFees } from '../../electron/services/cosmos/fees/estimateCosmosFees';
import { createCosmosRpc } from '../../electron/services/cosmos/rpc/createCosmosRpc';
import { sendCosmosTokens } from '../../electron/services/cosmos/sendCosmosTokens';
import { buildMsgSend } from '../../electron/services/cosmos/tx/buildMsgSend';
import { vaultCosmosSigner } from '../../electron/services/cosmos/vaultCosmosSigner';
import { expectStrataError, expectStrataRejection } from '../unit/expectStrataError';
import { COSMJS_TEST_ADDRESS_0, COSMJS_TEST_ADDRESS_1, openTestVault, type TestVault } from './support/cosmosTestKeys';
import { accountRoute, appRouter, baseAccountAny, simulateRoute } from './support/scriptedCosmosApp';
import { startScriptedNode } from './support/scriptedCometNode';
import { legacyDecAtomics, startSdkAnteChain, type SdkAnteChain } from './support/sdkAnteChain';

const cosmoshub = resolveChain('cosmoshub');
const osmosis = resolveChain('osmosis');
const OSMO_ADDRESS_0 = 'osmo1jhg0e7s6gn44tfc5k37kr04sznyhedtcdc35xx';
/** Issue 17's measurement: a MsgSend after the account's first, SDK 0.53. */
const MSG_SEND_GAS = 50_591n;

let keys: TestVault;
let signer: CosmosSigner;
let signatures = 0;
const chains: SdkAnteChain[] = [];

async function chain(options: { gasPrice?: string; blockExtraGas?: bigint } = {}): Promise<SdkAnteChain> {
  const started = await startSdkAnteChain({ address: COSMJS_TEST_ADDRESS_0, balance: 10_000_000n, accountNumber: 1234n, sequence: 8n, msgGas: MSG_SEND_GAS, ...options });
  chains.push(started);
  return started;
}

function digestSigner(): DigestSigner {
  return {
    address: COSMJS_TEST_ADDRESS_0,
    publicKey: signer.pubkey,
    signDigest: async (digest) => ({ signature: await signer.signDigest(digest), recovery: 0 }),
  };
}

beforeAll(async () => {
  keys = await openTestVault();
  const vaultSigner = vaultCosmosSigner(keys.vault, keys.accountId, cosmoshub);
  signer = { pubkey: vaultSigner.pubkey, signDigest: (digest) => ((signatures += 1), vaultSigner.signDigest(digest)) };
});

afterAll(async () => {
  await Promise.all(chains.map((c) => c.close()));
  await keys.dispose();
});

describe('simulation with the fee the block deducts', () => {
  it('a send after the first gets the gas the block charges, not the 65,769 that ran out of gas', async () => {
    const hub = await chain();
    const result = await sendCosmosTokens(createCosmosRpc([hub.url], cosmoshub), cosmoshub, signer, {
      to: COSMJS_TEST_ADDRESS_1,
      amount: '0.5',
      broadcast: { pollIntervalMs: 20, timeoutMs: 2_000 },
    });
    // Simulated with a 1 uatom fee: 50,591 + 18,109 = 68,700 gas, as the block charges.
    expect(hub.simulated).toHaveLength(1);
    expect(hub.simulated[0]?.authInfo?.fee?.amount).toEqual([{ denom: 'uatom', amount: '1' }]);
    expect(hub.simulated[0]?.authInfo?.signerInfos[0]?.publicKey?.typeUrl).toBe('/cosmos.crypto.secp256k1.PubKey');
    expect(result.gas).toBe(99_310n); // ceil(68700 * 1.3) + 10000
    expect(result.fee).toEqual({ amount: 2_483n, denom: 'uatom', gasPrice: '0.025' }); // ceil(99310 * 0.025)
    expect(hub.included.map((t) => ({ code: t.code, gasWanted: t.gasWanted, gasUsed: t.gasUsed, fee: t.fee }))).toEqual([
      { code: 0, gasWanted: 99_310n, gasUsed: 68_700n, fee: 2_483n },
    ]);
    expect(hub.state.balance).toBe(10_000_000n - 500_000n - 2_483n);
  });

  it('reads the fee market: tiers at least the current price times 1.1 / 1.2 / 1.5, queried in the fee denom', async () => {
    const hub = await chain({ gasPrice: '0.05' });
    const msg = buildMsgSend(cosmoshub, { from: COSMJS_TEST_ADDRESS_0, to: COSMJS_TEST_ADDRESS_1, amount: '1' });
    const estimate = await estimateCosmosFees(createCosmosRpc([hub.url], cosmoshub), cosmoshub, [msg], signer.pubkey);
    expect(estimate.chainMinimum).toEqual({ price: { units: 5n, scale: 2 }, denom: 'uatom', source: 'feemarket' });
    expect(estimate.gas).toBe(99_310n);
    expect(estimate.tiers).toEqual({
      slow: { amount: 5_463n, denom: 'uatom', gasPrice: '0.055' }, // registry low 0.01 < 0.05 * 1.1; ceil(5462.05)
      normal: { amount: 5_959n, denom: 'uatom', gasPrice: '0.06' }, // ceil(5958.6)
      fast: { amount: 7_449n, denom: 'uatom', gasPrice: '0.075' }, // ceil(7448.25)
    });
  });

  it('keeps the registry price where it is above the fee market, and sends at it', async () => {
    const hub = await chain({ gasPrice: '0.005' });
    const result = await sendCosmosTokens(createCosmosRpc([hub.url], cosmoshub), cosmoshub, signer, {
      to: COSMJS_TEST_ADDRESS_1,
      amount: '1',
      broadcast: { pollIntervalMs: 20, timeoutMs: 2_000 },
    });
    expect(result.fee).toEqual({ amount: 2_483n, denom: 'uatom', gasPrice: '0.025' });
    expect(hub.refused).toEqual([]);
    expect(hub.included.map((t) => t.code)).toEqual([0]);
  });

  it('refuses before signing a prepared fee that the fee market has risen above: FEE_TOO_LOW, nothing broadcast', async () => {
    const hub = await chain({ gasPrice: '0.005' });
    const adapter = createCosmosAdapter();
    const target = { chain: cosmoshub, endpoints: [hub.url] };
    const prepared = await adapter.prepareTransfer(target, {
      from: COSMJS_TEST_ADDRESS_0,
      publicKey: signer.pubkey,
      to: COSMJS_TEST_ADDRESS_1,
      asset: nativeAssetOf(cosmoshub),
      amount: 100_000n,
      tier: 'normal',
    });
    expect(prepared.fees.normal).toBe(2_483n);
    hub.state.gasPrice = '0.03'; // 99310 gas now needs ceil(2979.3) = 2980 uatom
    const before = signatures;
    hub.node.calls.length = 0;
    await expectStrataRejection(
      adapter.sendTransfer(target, prepared, digestSigner()),
      'FEE_TOO_LOW',
      /^The fee is below what the chain accepts now \(2980uatom for 99310 gas\); nothing was signed$/,
    );
    expect(signatures).toBe(before);
    expect(hub.node.calls).not.toContain('broadcast_tx_sync');
    expect(hub.included).toEqual([]);
  });

  it('checks a fee against the minimum exactly: ceil(gas * price) passes, one unit less does not', () => {
    const minimum = { price: { units: 3n, scale: 2 }, denom: 'uatom', source: 'feemarket' as const };
    expect(() => assertFeeCoversMinimum({ denom: 'uatom', amount: 2_980n }, 99_310n, minimum)).not.toThrow();
    expectStrataError(() => assertFeeCoversMinimum({ denom: 'uatom', amount: 2_979n }, 99_310n, minimum), 'FEE_TOO_LOW');
    // No fee market, or a fee in another denom than the market prices: nothing to check here.
    expect(() => assertFeeCoversMinimum({ denom: 'uatom', amount: 1n }, 99_310n, null)).not.toThrow();
    expect(() => assertFeeCoversMinimum({ denom: 'ibc/X', amount: 1n }, 99_310n, minimum)).not.toThrow();
  });

  it("prices Osmosis from txfees' EIP-1559 base fee", async () => {
    const node = await startScriptedNode({
      network: 'osmosis-1',
      abciQuery: appRouter({
        ...accountRoute({ [OSMO_ADDRESS_0]: baseAccountAny(OSMO_ADDRESS_0, 5n, 3n) }),
        ...simulateRoute({ gasUsed: MSG_SEND_GAS }),
        // QueryEipBaseFeeResponse { string base_fee = 1; } with the LegacyDec's atomics
        '/osmosis.txfees.v1beta1.Query/GetEipBaseFee': () => ({ value: new BinaryWriter().uint32(10).string(legacyDecAtomics('0.1')).finish() }),
      }),
    });
    try {
      const msg = buildMsgSend(osmosis, { from: OSMO_ADDRESS_0, to: OSMO_ADDRESS_0, amount: '1' });
      const estimate = await estimateCosmosFees(createCosmosRpc([node.url], osmosis), osmosis, [msg], signer.pubkey);
      expect(estimate.chainMinimum).toEqual({ price: { units: 1n, scale: 1 }, denom: 'uosmo', source: 'osmosis-eip1559' });
      expect(estimate.tiers).toEqual({
        slow: { amount: 10_925n, denom: 'uosmo', gasPrice: '0.11' }, // 99310 * 0.11 = 10924.1
        normal: { amount: 11_918n, denom: 'uosmo', gasPrice: '0.12' }, // 11917.2
        fast: { amount: 15_890n, denom: 'uosmo', gasPrice: '0.16' }, // registry high 0.16 > 0.15; 15889.6
      });
    } finally {
      await node.close();
    }
  });
});

describe('a send that fails in a block', () => {
  it('is journaled failed with the fee the chain charged and its block', async () => {
    // The block charges 40,000 gas more than simulation saw (state changed in between): out of gas, fee charged.
    const hub = await chain({ blockExtraGas: 40_000n });
    const dataDir = await mkdtemp(join(tmpdir(), 'strata-cosmos-journal-'));
    try {
      const journal = await ActivityJournal.open(dataDir);
      const adapter = createCosmosAdapter();
      const target = { chain: cosmoshub, endpoints: [hub.url] };
      const prepared = await adapter.prepareTransfer(target, {
        from: COSMJS_TEST_ADDRESS_0,
        publicKey: signer.pubkey,
        to: COSMJS_TEST_ADDRESS_1,
        asset: nativeAssetOf(cosmoshub),
        amount: 100_000n,
        tier: 'normal',
      });
      await expectStrataRejection(
        sendWithJournal({ journal, adapter, target, prepared, signer: digestSigner(), accountId: keys.accountId, id: 'out-of-gas' }),
        'TX_FAILED',
        /^The transaction failed on chain \(the fee was charged\): out of gas$/,
      );
      expect(hub.included.map((t) => ({ code: t.code, fee: t.fee, height: t.height }))).toEqual([{ code: 11, fee: 2_483n, height: 2029 }]);
      expect(journal.get('out-of-gas')).toMatchObject({
        status: 'failed',
        fee: '2483',
        blockNumber: '2029',
        error: 'The transaction failed on chain (the fee was charged): out of gas',
      });
      // The status look-up the recheck uses says the same.
      const status = await adapter.getTransactionStatus(target, hub.included[0]?.hash ?? '', 8n, COSMJS_TEST_ADDRESS_0);
      expect(status).toEqual({ status: 'failed', blockNumber: 2029n, feePaid: 2_483n, error: 'The transaction failed on chain (the fee was charged): out of gas' });
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('a transaction the node refused is journaled failed with no fee and no block', async () => {
    const hub = await chain({ gasPrice: '0.005' });
    const dataDir = await mkdtemp(join(tmpdir(), 'strata-cosmos-journal-'));
    try {
      const journal = await ActivityJournal.open(dataDir);
      const adapter = createCosmosAdapter();
      const target = { chain: cosmoshub, endpoints: [hub.url] };
      const prepared = await adapter.prepareTransfer(target, {
        from: COSMJS_TEST_ADDRESS_0,
        publicKey: signer.pubkey,
        to: COSMJS_TEST_ADDRESS_1,
        asset: nativeAssetOf(cosmoshub),
        amount: 100_000n,
        tier: 'normal',
      });
      hub.state.sequence += 1n; // another wallet used this sequence meanwhile: CheckTx refuses
      await expectStrataRejection(
        sendWithJournal({ journal, adapter, target, prepared, signer: digestSigner(), accountId: keys.accountId, id: 'refused' }),
        'TX_FAILED',
        /^The node rejected the transaction: wrong account sequence/,
      );
      expect(journal.get('refused')).toMatchObject({ status: 'failed', fee: '0', blockNumber: null });
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
