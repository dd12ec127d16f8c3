import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PubKey } from 'cosmjs-types/cosmos/crypto/secp256k1/keys';
import { SignMode } from 'cosmjs-types/cosmos/tx/signing/v1beta1/signing';
import type { Tx } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import type { QueryAllBalancesRequest } from 'cosmjs-types/cosmos/bank/v1beta1/query';
import { addressFromPublicKey } from '../../shared/addresses/addressFromPublicKey';
import { resolveChain } from '../../electron/services/chains/chainRegistry';
import { estimateCosmosFees } from '../../electron/services/cosmos/fees/estimateCosmosFees';
import { ibcDenom } from '../../electron/services/cosmos/ibc/ibcDenom';
import { traceIbcDenom } from '../../electron/services/cosmos/ibc/traceIbcDenom';
import { getCosmosAccount } from '../../electron/services/cosmos/queries/getCosmosAccount';
import { getCosmosBalances } from '../../electron/services/cosmos/queries/getCosmosBalances';
import { createCosmosRpc } from '../../electron/services/cosmos/rpc/createCosmosRpc';
import { buildMsgSend } from '../../electron/services/cosmos/tx/buildMsgSend';
import { vaultCosmosSigner } from '../../electron/services/cosmos/vaultCosmosSigner';
import { expectStrataRejection } from '../unit/expectStrataError';
import { COSMJS_TEST_ADDRESS_0, COSMJS_TEST_ADDRESS_1, openTestVault, type TestVault } from './support/cosmosTestKeys';
import {
  accountRoute,
  appRouter,
  balancesRoute,
  baseAccountAny,
  denomRoute,
  injectiveEthAccountAny,
  legacyDenomTraceRoute,
  simulateRoute,
} from './support/scriptedCosmosApp';
import { startScriptedNode, type ScriptedNode } from './support/scriptedCometNode';

const cosmoshub = resolveChain('cosmoshub');
const osmosis = resolveChain('osmosis');
const injective = resolveChain('injective');
const OSMO_ADDRESS_0 = 'osmo1jhg0e7s6gn44tfc5k37kr04sznyhedtcdc35xx';
const OSMO_ADDRESS_1 = 'osmo1jc26t6dp59smtkf75e784dzwmgjlhksc96df8f';

const ATOM = 'ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2';
const USDC = 'ibc/498A0751C798A0D9A389AA3691123DADA57DAA4FE165D5C75894505B876BA6E4';
/** Not in the registry: traced by the node (ibc-go v9 Denom query); channel-42 of Osmosis leads to Juno. */
const JUNO_FACTORY = ibcDenom('transfer/channel-42', 'factory/juno1strata/utest');
/** Not in the registry: two hops, the first from Noble; the node only knows the legacy DenomTrace query for it. */
const NOBLE_TWO_HOPS = ibcDenom('transfer/channel-750/transfer/channel-9', 'uusdc');
/** The node lies about this one: its answer does not hash to the denom. */
const LIED_ABOUT = ibcDenom('transfer/channel-3', 'ulie');

let keys: TestVault;
let node: ScriptedNode;
const balanceRequests: QueryAllBalancesRequest[] = [];
const simulated: Tx[] = [];

beforeAll(async () => {
  keys = await openTestVault();
  node = await startScriptedNode({
    network: 'osmosis-1',
    abciQuery: appRouter({
      ...balancesRoute(
        {
          [OSMO_ADDRESS_0]: [
            { denom: 'factory/osmo1abc/udust', amount: '0' },
            { denom: 'factory/osmo1abc/utoken', amount: '42' },
            { denom: ATOM, amount: '1500000' },
            { denom: USDC, amount: '2500000' },
            { denom: JUNO_FACTORY, amount: '7' },
            { denom: LIED_ABOUT, amount: '9' },
            { denom: NOBLE_TWO_HOPS, amount: '3000000' },
            { denom: 'uosmo', amount: '123456789012345678901234567890' },
          ],
        },
        3,
        balanceRequests,
      ),
      ...denomRoute({
        [JUNO_FACTORY.slice(4)]: { base: 'factory/juno1strata/utest', hops: [['transfer', 'channel-42']] },
        [LIED_ABOUT.slice(4)]: { base: 'uatom', hops: [['transfer', 'channel-0']] },
      }),
      ...legacyDenomTraceRoute({ [NOBLE_TWO_HOPS.slice(4)]: { path: 'transfer/channel-750/transfer/channel-9', baseDenom: 'uusdc' } }),
      ...accountRoute({ [OSMO_ADDRESS_0]: baseAccountAny(OSMO_ADDRESS_0, 1234n, 7n) }),
      ...simulateRoute({ gasUsed: 94_967n }, simulated),
    }),
  });
});

afterAll(async () => {
  await node.close();
  await keys.dispose();
});

describe('getCosmosBalances', () => {
  it('lists every page, native first, symbols from the registry, IBC denoms traced (registry, then node)', async () => {
    const rpc = createCosmosRpc([node.url], osmosis);
    const balances = await getCosmosBalances(rpc, osmosis, OSMO_ADDRESS_0);
    expect(balances).toEqual([
      { denom: 'uosmo', symbol: 'OSMO', decimals: 6, amount: 123456789012345678901234567890n },
      { denom: 'factory/osmo1abc/utoken', symbol: 'factory/osmo1abc/utoken', decimals: 0, amount: 42n },
      {
        denom: ATOM,
        symbol: 'ATOM',
        decimals: 6,
        amount: 1_500_000n,
        origin: { chain: 'cosmoshub', baseDenom: 'uatom', path: 'transfer/channel-0' },
      },
      {
        denom: USDC,
        symbol: 'USDC',
        decimals: 6,
        amount: 2_500_000n,
        origin: { chain: 'noble', baseDenom: 'uusdc', path: 'transfer/channel-750' },
      },
      {
        denom: JUNO_FACTORY,
        symbol: 'factory/juno1strata/utest',
        decimals: 0,
        amount: 7n,
        origin: { chain: 'juno', baseDenom: 'factory/juno1strata/utest', path: 'transfer/channel-42' },
      },
      { denom: LIED_ABOUT, symbol: LIED_ABOUT, decimals: 0, amount: 9n },
      {
        denom: NOBLE_TWO_HOPS,
        symbol: 'USDC',
        decimals: 6,
        amount: 3_000_000n,
        origin: { chain: 'noble', baseDenom: 'uusdc', path: 'transfer/channel-750/transfer/channel-9' },
      },
    ]);
    expect(balanceRequests.map((r) => new TextDecoder().decode(r.pagination?.key))).toEqual(['', '3', '6']);
  });

  it("refuses an address of another chain before asking the node", async () => {
    const calls = node.calls.length;
    await expectStrataRejection(getCosmosBalances(createCosmosRpc([node.url], osmosis), osmosis, COSMJS_TEST_ADDRESS_0), 'INVALID_ADDRESS');
    expect(node.calls.length).toBe(calls);
  });
});

describe('traceIbcDenom', () => {
  it('prefers the registry, then asks the node and checks the answer hashes back', async () => {
    const rpc = createCosmosRpc([node.url], osmosis);
    const calls = node.calls.length;
    expect(await traceIbcDenom(osmosis, USDC, rpc)).toMatchObject({ source: 'registry', chain: 'noble', baseDenom: 'uusdc' });
    expect(node.calls.length).toBe(calls);
    expect(await traceIbcDenom(osmosis, JUNO_FACTORY.toLowerCase(), rpc)).toEqual({
      denom: JUNO_FACTORY,
      chain: 'juno',
      baseDenom: 'factory/juno1strata/utest',
      path: 'transfer/channel-42',
      source: 'node',
    });
    expect(await traceIbcDenom(osmosis, NOBLE_TWO_HOPS, rpc)).toMatchObject({ source: 'node', chain: 'noble' });
    expect(await traceIbcDenom(osmosis, LIED_ABOUT, rpc)).toBeNull();
    expect(await traceIbcDenom(osmosis, ibcDenom('transfer/channel-1', 'unknown'), rpc)).toBeNull();
    expect(await traceIbcDenom(osmosis, 'uosmo', rpc)).toBeNull();
  });
});

describe('getCosmosAccount', () => {
  it('reads BaseAccount, Injective EthAccount, and null for an address the chain does not know', async () => {
    const rpc = createCosmosRpc([node.url], osmosis);
    expect(await getCosmosAccount(rpc, osmosis, OSMO_ADDRESS_0)).toEqual({ address: OSMO_ADDRESS_0, accountNumber: 1234n, sequence: 7n });
    expect(await getCosmosAccount(rpc, osmosis, OSMO_ADDRESS_1)).toBeNull();

    const injAddress = addressFromPublicKey(vaultCosmosSigner(keys.vault, keys.accountId, injective).pubkey, injective);
    const inj = await startScriptedNode({
      network: 'injective-1',
      abciQuery: appRouter(accountRoute({ [injAddress]: injectiveEthAccountAny(injAddress, 31_337n, 12n) })),
    });
    try {
      expect(await getCosmosAccount(createCosmosRpc([inj.url], injective), injective, injAddress)).toEqual({
        address: injAddress,
        accountNumber: 31_337n,
        sequence: 12n,
      });
    } finally {
      await inj.close();
    }
  });
});

describe('estimateCosmosFees', () => {
  it('simulates with the signer key, sequence and a 1 uosmo fee, adds 30 % plus the floor margin and prices the three tiers', async () => {
    const rpc = createCosmosRpc([node.url], osmosis);
    const signer = vaultCosmosSigner(keys.vault, keys.accountId, osmosis);
    const msg = buildMsgSend(osmosis, { from: OSMO_ADDRESS_0, to: OSMO_ADDRESS_0, amount: '1' });
    const estimate = await estimateCosmosFees(rpc, osmosis, [msg], signer.pubkey);
    expect(estimate).toEqual({
      gasUsed: 113_076n, // 94967 + the fee deduction's 18109: the simulation carried a fee
      gas: 156_999n, // ceil(113076 * 1.3) = ceil(146998.8), + 10000
      tiers: {
        slow: { amount: 4_710n, denom: 'uosmo', gasPrice: '0.03' }, // 4709.97
        normal: { amount: 15_700n, denom: 'uosmo', gasPrice: '0.1' }, // 15699.9
        fast: { amount: 25_120n, denom: 'uosmo', gasPrice: '0.16' }, // 25119.84
      },
      // This node does not know Osmosis' txfees query: chain-registry's prices, and no chain minimum.
      chainMinimum: null,
    });
    const tx = simulated.at(-1);
    expect(tx?.authInfo?.fee?.amount).toEqual([{ denom: 'uosmo', amount: '1' }]);
    const info = tx?.authInfo?.signerInfos[0];
    expect(info?.sequence).toBe(7n);
    expect(info?.modeInfo?.single?.mode).toBe(SignMode.SIGN_MODE_UNSPECIFIED);
    expect(info?.publicKey?.typeUrl).toBe('/cosmos.crypto.secp256k1.PubKey');
    expect(PubKey.decode(info?.publicKey?.value ?? new Uint8Array()).key).toEqual(signer.pubkey);
    expect(tx?.body?.messages.map((m) => m.typeUrl)).toEqual(['/cosmos.bank.v1beta1.MsgSend']);
  });

  it('takes explicit gas prices and adjustment for a chain outside the registry', async () => {
    const local = { ...cosmoshub, id: 'cosmos:osmosis-1' as const, name: 'Local' };
    const rpc = createCosmosRpc([node.url], local);
    const signer = vaultCosmosSigner(keys.vault, keys.accountId, cosmoshub);
    const msg = buildMsgSend(local, { from: COSMJS_TEST_ADDRESS_0, to: COSMJS_TEST_ADDRESS_1, amount: '1' });
    const estimate = await estimateCosmosFees(rpc, local, [msg], signer.pubkey, {
      gasAdjustment: '1.5',
      gasPrices: { denom: 'stake', averageGasPrice: '0.0025' },
      sequence: 0n,
    });
    expect(estimate.gas).toBe(179_614n); // 113076 * 1.5 = 169614, + 10000
    expect(estimate.tiers.normal).toEqual({ amount: 450n, denom: 'stake', gasPrice: '0.0025' }); // ceil(449.035)
    expect(simulated.at(-1)?.authInfo?.signerInfos[0]?.sequence).toBe(0n);
    expect(simulated.at(-1)?.authInfo?.fee?.amount).toEqual([{ denom: 'stake', amount: '1' }]);
  });

  it('simulates a free chain (gas price 0) with the empty fee it will execute', async () => {
    const local = { ...cosmoshub, id: 'cosmos:osmosis-1' as const, name: 'Local' };
    const signer = vaultCosmosSigner(keys.vault, keys.accountId, cosmoshub);
    const msg = buildMsgSend(local, { from: COSMJS_TEST_ADDRESS_0, to: COSMJS_TEST_ADDRESS_1, amount: '1' });
    const estimate = await estimateCosmosFees(createCosmosRpc([node.url], local), local, [msg], signer.pubkey, {
      gasPrices: { denom: 'stake', averageGasPrice: '0' },
      sequence: 0n,
    });
    expect(simulated.at(-1)?.authInfo?.fee?.amount).toEqual([]);
    expect(estimate.gasUsed).toBe(94_967n);
    expect(estimate.tiers.fast.amount).toBe(0n);
  });
});

describe('simulation failures', () => {
  it('maps an insufficient-funds simulation to INSUFFICIENT_FUNDS and others to TX_FAILED', async () => {
    const poor = await startScriptedNode({
      network: 'cosmoshub-4',
      abciQuery: appRouter({
        ...simulateRoute({
          failureLog:
            'failed to execute message; message index: 0: spendable balance 10uatom is smaller than 1000000uatom: insufficient funds With gas wanted: 18446744073709551615 and gas used: 52105',
        }),
      }),
    });
    const broken = await startScriptedNode({
      network: 'cosmoshub-4',
      abciQuery: appRouter({ ...simulateRoute({ failureLog: 'invalid coins \u001b[31m' }) }),
    });
    try {
      const signer = vaultCosmosSigner(keys.vault, keys.accountId, cosmoshub);
      const msg = buildMsgSend(cosmoshub, { from: COSMJS_TEST_ADDRESS_0, to: COSMJS_TEST_ADDRESS_1, amount: '1' });
      await expectStrataRejection(
        estimateCosmosFees(createCosmosRpc([poor.url], cosmoshub), cosmoshub, [msg], signer.pubkey, { sequence: 0n }),
        'INSUFFICIENT_FUNDS',
        /^The transaction would fail: insufficient funds$/,
      );
      await expectStrataRejection(
        estimateCosmosFees(createCosmosRpc([broken.url], cosmoshub), cosmoshub, [msg], signer.pubkey, { sequence: 0n }),
        'TX_FAILED',
        /^The transaction would fail: the transaction could not be decoded$/,
      );
    } finally {
      await poor.close();
      await broken.close();
    }
  });
});
