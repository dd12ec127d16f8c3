/**
 * Live tests against a real Cosmos SDK node. They run when one of these is set, and are skipped otherwise:
 *   STRATA_COSMOS_RPC + STRATA_COSMOS_CHAIN_ID + STRATA_COSMOS_MNEMONIC   a node's RPC URL, its chain id, and a funded
 *       mnemonic (account 0 sends small amounts to account 1 of the same mnemonic). For a chain outside the built-in
 *       list also STRATA_COSMOS_PREFIX (default cosmos), STRATA_COSMOS_DENOM (default stake), STRATA_COSMOS_DECIMALS
 *       (default 6), STRATA_COSMOS_GAS_PRICE (default 0.025).
 *   STRATA_SIMD_BINARY   a simd or gaiad binary: a single-node chain is created in a temp home and started.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressFromPublicKey } from '../../shared/addresses/addressFromPublicKey';
import type { ChainInfo } from '../../shared/domain/chain';
import { listChains } from '../../electron/services/chains/chainRegistry';
import type { CosmosSigner } from '../../electron/services/cosmos/cosmosSigner';
import { estimateCosmosFees } from '../../electron/services/cosmos/fees/estimateCosmosFees';
import { GAS_FLOOR_MARGIN, type GasPriceConfig } from '../../electron/services/cosmos/fees/feeTiers';
import { getCosmosAccount } from '../../electron/services/cosmos/queries/getCosmosAccount';
import { getCosmosBalances } from '../../electron/services/cosmos/queries/getCosmosBalances';
import { createCosmosRpc, type CosmosRpc } from '../../electron/services/cosmos/rpc/createCosmosRpc';
import { eventAttributeValues } from '../../electron/services/cosmos/rpc/normalizeEventAttributes';
import { sendCosmosTokens } from '../../electron/services/cosmos/sendCosmosTokens';
import { buildMsgSend } from '../../electron/services/cosmos/tx/buildMsgSend';
import { vaultCosmosSigner } from '../../electron/services/cosmos/vaultCosmosSigner';
import { expectStrataRejection } from '../unit/expectStrataError';
import { COSMJS_TEST_MNEMONIC, openTestVault, type TestVault } from './support/cosmosTestKeys';
import { startLocalSimd, type LocalSimd } from './support/localSimd';

const SKIP_MESSAGE =
  'No Cosmos node: set STRATA_COSMOS_RPC (+ STRATA_COSMOS_CHAIN_ID, STRATA_COSMOS_MNEMONIC) or STRATA_SIMD_BINARY to run the live Cosmos tests';

const env = process.env;
const mode = env.STRATA_COSMOS_RPC ? 'rpc' : env.STRATA_SIMD_BINARY ? 'simd' : null;
if (mode === null) console.warn(SKIP_MESSAGE);

const liveAddressScheme =
  mode === 'rpc' ? (listChains().find((c) => c.id === `cosmos:${env.STRATA_COSMOS_CHAIN_ID}`)?.addressScheme ?? 'cosmos') : 'cosmos';

/** Sent per transfer, in base units: small enough for a funded testnet account. */
const AMOUNT = 1_000n;

interface Target {
  rpcUrl: string;
  chain: ChainInfo;
  mnemonic: string;
  gasPrices?: GasPriceConfig;
}

function customChain(chainId: string, prefix: string, denom: string, decimals: number): ChainInfo {
  return {
    id: `cosmos:${chainId}`,
    alias: 'live',
    name: `Live ${chainId}`,
    family: 'cosmos',
    addressScheme: 'cosmos',
    coinType: 118,
    bech32Prefix: prefix,
    nativeAsset: { symbol: denom.toUpperCase(), denom, decimals },
    testnet: true,
  };
}

function rpcTarget(): Target {
  const { STRATA_COSMOS_RPC: rpcUrl, STRATA_COSMOS_CHAIN_ID: chainId, STRATA_COSMOS_MNEMONIC: mnemonic } = env;
  if (!rpcUrl || !chainId || !mnemonic) {
    throw new Error('STRATA_COSMOS_RPC needs STRATA_COSMOS_CHAIN_ID and STRATA_COSMOS_MNEMONIC too');
  }
  const builtin = listChains().find((c) => c.id === `cosmos:${chainId}`);
  if (builtin) return { rpcUrl, chain: builtin, mnemonic };
  const denom = env.STRATA_COSMOS_DENOM ?? 'stake';
  return {
    rpcUrl,
    mnemonic,
    chain: customChain(chainId, env.STRATA_COSMOS_PREFIX ?? 'cosmos', denom, Number(env.STRATA_COSMOS_DECIMALS ?? '6')),
    gasPrices: { denom, averageGasPrice: env.STRATA_COSMOS_GAS_PRICE ?? '0.025' },
  };
}

describe.skipIf(mode === null)('live Cosmos node', () => {
  let simd: LocalSimd | undefined;
  let target: Target;
  let keys: TestVault;
  let signer: CosmosSigner;
  let from: string;
  let to: string;
  let rpc: CosmosRpc;
  const denom = () => target.gasPrices?.denom ?? target.chain.nativeAsset.denom;
  const balanceOf = async (address: string) =>
    (await getCosmosBalances(rpc, target.chain, address)).find((b) => b.denom === denom())?.amount ?? 0n;

  beforeAll(async () => {
    if (mode === 'simd') {
      simd = await startLocalSimd(env.STRATA_SIMD_BINARY as string, COSMJS_TEST_MNEMONIC);
      target = {
        rpcUrl: simd.rpcUrl,
        mnemonic: simd.mnemonic,
        chain: customChain(simd.chainId, 'cosmos', simd.denom, 6),
        gasPrices: { denom: simd.denom, fixedMinGasPrice: '0.0025', averageGasPrice: '0.0025', highGasPrice: '0.004' },
      };
    } else {
      target = rpcTarget();
    }
    keys = await openTestVault(target.mnemonic);
    signer = vaultCosmosSigner(keys.vault, keys.accountId, target.chain);
    const second = await keys.vault.addHdAccount();
    from = addressFromPublicKey(signer.pubkey, target.chain);
    to = addressFromPublicKey(keys.vault.publicKeyFor(second.id, target.chain.coinType).publicKey, target.chain);
    rpc = createCosmosRpc([target.rpcUrl], target.chain, { timeoutMs: 15_000 });
  }, 180_000);

  afterAll(async () => {
    rpc?.disconnect();
    await keys?.dispose();
    await simd?.stop();
  }, 30_000);

  it('reads the funded balance and the account', async () => {
    expect(await balanceOf(from)).toBeGreaterThan(AMOUNT);
    const account = await getCosmosAccount(rpc, target.chain, from);
    expect(account?.address).toBe(from);
  });

  it('simulates a MsgSend and prices the adjusted gas exactly', async () => {
    const msg = buildMsgSend(target.chain, { from, to, amount: AMOUNT, denom: denom() });
    const estimate = await estimateCosmosFees(rpc, target.chain, [msg], signer.pubkey, { gasPrices: target.gasPrices });
    expect(estimate.gasUsed).toBeGreaterThan(30_000n);
    // Simulated with a fee, as the block runs it; then ceil(x 1.3) plus the floor margin.
    expect(estimate.gas).toBe((estimate.gasUsed * 13n + 9n) / 10n + GAS_FLOOR_MARGIN);
    const price = estimate.tiers.normal.gasPrice;
    const [whole, fraction = ''] = price.split('.');
    const scale = 10n ** BigInt(fraction.length);
    expect(estimate.tiers.normal.amount).toBe((estimate.gas * BigInt(`${whole}${fraction}`) + scale - 1n) / scale);
  }, 60_000);

  it('sends in direct mode, waits for the block, and finds the transfer in the events', async () => {
    const before = await balanceOf(to);
    const account = await getCosmosAccount(rpc, target.chain, from);
    const result = await sendCosmosTokens(rpc, target.chain, signer, {
      to,
      amount: AMOUNT,
      denom: denom(),
      gasPrices: target.gasPrices,
      memo: 'strata live test',
    });
    expect(result.height).toBeGreaterThan(0);
    expect(result.hash).toMatch(/^[0-9A-F]{64}$/);
    expect(eventAttributeValues(result.events, 'transfer', 'recipient')).toContain(to);
    expect(eventAttributeValues(result.events, 'transfer', 'amount')).toContain(`${AMOUNT}${denom()}`);
    expect(eventAttributeValues(result.events, 'message', 'sender')).toContain(from);
    expect(eventAttributeValues(result.events, 'tx', 'acc_seq')).toEqual([`${from}/${account?.sequence}`]);
    expect(await balanceOf(to)).toBe(before + AMOUNT);
  }, 120_000);

  // Amino JSON signed with eth_secp256k1 keys has not been tried on a live chain: run it for plain secp256k1 only.
  it.skipIf(liveAddressScheme !== 'cosmos')('sends in amino mode', async () => {
    const before = await balanceOf(to);
    const result = await sendCosmosTokens(rpc, target.chain, signer, {
      to,
      amount: AMOUNT,
      denom: denom(),
      gasPrices: target.gasPrices,
      signMode: 'amino',
    });
    expect(eventAttributeValues(result.events, 'transfer', 'recipient')).toContain(to);
    expect(await balanceOf(to)).toBe(before + AMOUNT);
  }, 120_000);

  it('refuses to send more than the balance, without broadcasting', async () => {
    const balance = await balanceOf(from);
    const sequence = (await getCosmosAccount(rpc, target.chain, from))?.sequence;
    await expectStrataRejection(
      sendCosmosTokens(rpc, target.chain, signer, { to, amount: balance + 1n, denom: denom(), gasPrices: target.gasPrices }),
      'INSUFFICIENT_FUNDS',
    );
    expect((await getCosmosAccount(rpc, target.chain, from))?.sequence).toBe(sequence);
  }, 60_000);
});
