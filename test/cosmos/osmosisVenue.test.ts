import { makeSignDoc as makeAminoSignDoc, serializeSignDoc } from '@cosmjs/amino';
import { decodeTxRaw } from '@cosmjs/proto-signing';
import { BinaryReader } from 'cosmjs-types/binary';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressFromPublicKey } from '../../shared/addresses/addressFromPublicKey';
import { nativeAssetOf } from '../../electron/services/assets/nativeAsset';
import { cosmosChains } from '../../electron/services/chains/cosmosChains';
import type { CosmosSigner } from '../../electron/services/cosmos/cosmosSigner';
import { cosmosKeyScheme, verifyCosmosSignature } from '../../electron/services/cosmos/keyScheme';
import {
  decodeEstimateSwapExactAmountIn,
  encodeEstimateSwapExactAmountIn,
  encodeEstimateSwapExactAmountInResponse,
  MsgSwapExactAmountInType,
} from '../../electron/services/cosmos/osmosis/poolManagerTypes';
import { createCosmosRpc } from '../../electron/services/cosmos/rpc/createCosmosRpc';
import { signCosmosTx } from '../../electron/services/cosmos/tx/signCosmosTx';
import { cosmosAminoTypes, cosmosRegistry } from '../../electron/services/cosmos/tx/txEncoding';
import { vaultCosmosSigner } from '../../electron/services/cosmos/vaultCosmosSigner';
import { createOsmosisPoolManagerVenue, OSMOSIS_SWAP_GAS } from '../../electron/services/swap/osmosisPoolManagerVenue';
import { ATOM_ON_OSMOSIS, AXLUSDC_ON_OSMOSIS, USDC_ON_OSMOSIS } from '../../electron/services/swap/osmosisPoolManager/osmosisPools';
import { expectStrataError, expectStrataRejection } from '../unit/expectStrataError';
import { openTestVault, type TestVault } from './support/cosmosTestKeys';
import { STAND_IN_RESERVES } from './support/cosmosStandIns';
import { osmosisPoolsApp } from './support/osmosisPoolsApp';
import { startScriptedNode, type ScriptedNode } from './support/scriptedCometNode';

const osmosis = cosmosChains().find((c) => c.alias === 'osmosis')!;
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const text = (s: string) => Buffer.from(s, 'utf8').toString('hex');
const len = (s: string) => (s.length / 2).toString(16).padStart(2, '0');

describe('poolmanager protobuf (hand-written, osmojs field numbers)', () => {
  it('encodes EstimateSwapExactAmountInRequest: pool_id = 2, token_in = 3, routes = 4', () => {
    const route = `0801` + `12${len(text(ATOM_ON_OSMOSIS))}${text(ATOM_ON_OSMOSIS)}`;
    expect(hex(encodeEstimateSwapExactAmountIn({ poolId: 1n, tokenIn: '1000000uosmo', routes: [{ poolId: 1n, tokenOutDenom: ATOM_ON_OSMOSIS }] }))).toBe(
      `1001` + `1a${len(text('1000000uosmo'))}${text('1000000uosmo')}` + `22${len(route)}${route}`,
    );
    expect(decodeEstimateSwapExactAmountIn(Buffer.from(`0a06${text('123456')}`, 'hex'))).toBe('123456');
    expect(decodeEstimateSwapExactAmountIn(encodeEstimateSwapExactAmountInResponse('98765432109876543210'))).toBe('98765432109876543210');
  });

  it('encodes MsgSwapExactAmountIn byte for byte and decodes it back through the signing registry', () => {
    const msg = { sender: 'osmo1abc', routes: [{ poolId: 1464n, tokenOutDenom: 'uosmo' }], tokenIn: { denom: 'ibc/X', amount: '5' }, tokenOutMinAmount: '7' };
    const route = `08b80b` + `12${len(text('uosmo'))}${text('uosmo')}`;
    const coin = `0a${len(text('ibc/X'))}${text('ibc/X')}` + `12${len(text('5'))}${text('5')}`;
    const expected = `0a${len(text('osmo1abc'))}${text('osmo1abc')}` + `12${len(route)}${route}` + `1a${len(coin)}${coin}` + `22${len(text('7'))}${text('7')}`;
    expect(hex(MsgSwapExactAmountInType.encode(msg).finish())).toBe(expected);
    expect(MsgSwapExactAmountInType.decode(new BinaryReader(Buffer.from(expected, 'hex')))).toEqual(msg);
    const any = cosmosRegistry.encodeAsAny({ typeUrl: '/osmosis.poolmanager.v1beta1.MsgSwapExactAmountIn', value: msg });
    expect(cosmosRegistry.decode(any)).toEqual(msg);
    expect(cosmosAminoTypes.toAmino({ typeUrl: '/osmosis.poolmanager.v1beta1.MsgSwapExactAmountIn', value: msg })).toEqual({
      type: 'osmosis/poolmanager/swap-exact-amount-in',
      value: { sender: 'osmo1abc', routes: [{ pool_id: '1464', token_out_denom: 'uosmo' }], token_in: { denom: 'ibc/X', amount: '5' }, token_out_min_amount: '7' },
    });
  });
});

describe('Osmosis poolmanager venue over a stand-in node', () => {
  const reserves = STAND_IN_RESERVES;
  let node: ScriptedNode;
  let keys: TestVault;
  let signer: CosmosSigner;
  const venue = () => createOsmosisPoolManagerVenue({ chain: osmosis, rpc: () => createCosmosRpc([node.url], osmosis) });

  beforeAll(async () => {
    node = await startScriptedNode({ network: 'osmosis-1', abciQuery: osmosisPoolsApp(reserves) });
    keys = await openTestVault();
    signer = vaultCosmosSigner(keys.vault, keys.accountId, osmosis);
  });

  afterAll(async () => {
    await node.close();
    await keys.dispose();
  });

  it('trades every pair of its table, one pool or two through OSMO', () => {
    const pairs = venue().pairs(osmosis.id).map((p) => `${p.tokenIn.symbol}>${p.tokenOut.symbol}`);
    expect(pairs).toEqual(['OSMO>ATOM', 'OSMO>USDC', 'OSMO>USDC', 'ATOM>OSMO', 'ATOM>USDC', 'ATOM>USDC', 'USDC>OSMO', 'USDC>ATOM', 'USDC>USDC', 'USDC>OSMO', 'USDC>ATOM', 'USDC>USDC']);
    expect(venue().pairs(osmosis.id)[1]?.tokenOut.ref).toBe(USDC_ON_OSMOSIS);
    expect(venue().pairs('cosmos:cosmoshub-4')).toEqual([]);
  });

  it('quotes by EstimateSwapExactAmountIn: the pool pays out, impact against a thousandth, the spread fee in the input', async () => {
    const quote = await venue().quote(osmosis.id, nativeAssetOf(osmosis), venue().pairs(osmosis.id)[0]!.tokenOut, 100_000_000n);
    // x·y=k with the 0.2% fee taken from the input: 1e9 · 99.8e6 / (1e10 + 99.8e6) = 9881383 (floor)
    expect(quote.amountOut).toBe(9_881_383n);
    // the thousandth (100000 in) pays 9979 (floor), scaled to the whole: 9979000; impact = (9979000 - 9881383) / 9979000
    expect(quote.priceImpactBps).toBe(97);
    expect(quote.fees).toEqual([{ kind: 'swap', chain: osmosis.id, asset: nativeAssetOf(osmosis), amount: 200_000n }]);
    expect(quote.gasUnits).toBe(OSMOSIS_SWAP_GAS);
    expect(quote.path).toEqual(['1', ATOM_ON_OSMOSIS]);
  });

  it('quotes axlUSDC -> ATOM through OSMO in one message (pools 678 then 1), a fee per hop', async () => {
    const axl = venue().pairs(osmosis.id).find((p) => p.tokenIn.ref === AXLUSDC_ON_OSMOSIS && p.tokenOut.ref === ATOM_ON_OSMOSIS)!;
    const quote = await venue().quote(osmosis.id, axl.tokenIn, axl.tokenOut, 10_000_000n);
    expect(quote.path).toEqual(['678', 'uosmo', '1', ATOM_ON_OSMOSIS]);
    // hop 1: 2e9 · 9.98e6 / (1e9 + 9.98e6) = 19762767; hop 2: 1e9 · (19762767 · 0.998) / (1e10 + 19762767 · 0.998) = 1968441
    expect(quote.amountOut).toBe(1_968_441n);
    expect(quote.fees.map((f) => [f.asset.ref, f.amount])).toEqual([[AXLUSDC_ON_OSMOSIS, 20_000n], ['native', 39_525n]]);
  });

  it('refuses a pair without pools, a zero amount, and reports a pool refusal as PRICE_UNAVAILABLE', async () => {
    const [pair] = venue().pairs(osmosis.id);
    await expectStrataRejection(venue().quote(osmosis.id, pair!.tokenOut, pair!.tokenOut, 1n), 'INVALID_INPUT');
    await expectStrataRejection(venue().quote(osmosis.id, pair!.tokenIn, pair!.tokenOut, 0n), 'INVALID_AMOUNT');
    const dry = createOsmosisPoolManagerVenue({ chain: osmosis, rpc: () => createCosmosRpc([node.url], osmosis), pools: [{ poolId: 999n, denoms: ['uosmo', ATOM_ON_OSMOSIS], spreadFactorBps: 20 }] });
    await expectStrataRejection(dry.quote(osmosis.id, pair!.tokenIn, pair!.tokenOut, 5n), 'PRICE_UNAVAILABLE', /pool 999/);
  });

  for (const signMode of ['direct', 'amino'] as const) {
    it(`builds MsgSwapExactAmountIn with the minimum out and signs it in ${signMode} mode`, async () => {
      const [pair] = venue().pairs(osmosis.id);
      const quote = await venue().quote(osmosis.id, pair!.tokenIn, pair!.tokenOut, 100_000_000n);
      const sender = addressFromPublicKey(signer.pubkey, osmosis);
      const built = venue().buildSwap(quote, { slippageBps: 100, recipient: sender, deadline: 0n });
      expect(built.minAmountOut).toBe(9_782_569n); // floor(9881383 · 0.99)
      expect(built.calls).toEqual([{
        family: 'cosmos',
        chain: osmosis.id,
        label: 'swap',
        typeUrl: '/osmosis.poolmanager.v1beta1.MsgSwapExactAmountIn',
        value: { sender, routes: [{ poolId: 1n, tokenOutDenom: ATOM_ON_OSMOSIS }], tokenIn: { denom: 'uosmo', amount: '100000000' }, tokenOutMinAmount: '9782569' },
      }]);
      const call = built.calls[0]!;
      if (call.family !== 'cosmos') throw new Error('cosmos call expected');
      const msg = { typeUrl: call.typeUrl, value: call.value };
      const signed = await signCosmosTx(signer, { chain: osmosis, msgs: [msg], fee: { amount: [{ denom: 'uosmo', amount: 35_000n }], gas: 350_000n }, accountNumber: 9n, sequence: 1n, signMode });
      const decoded = decodeTxRaw(signed.txBytes);
      expect(cosmosRegistry.decode(decoded.body.messages[0]!)).toEqual(call.value);
      if (signMode === 'amino') {
        const doc = makeAminoSignDoc([cosmosAminoTypes.toAmino(msg)], { amount: [{ denom: 'uosmo', amount: '35000' }], gas: '350000' }, 'osmosis-1', '', 9, 1);
        expect(verifyCosmosSignature(cosmosKeyScheme(osmosis), serializeSignDoc(doc), decoded.signatures[0]!, signer.pubkey)).toBe(true);
      }
      expectStrataError(() => venue().buildSwap({ ...quote, path: ['x', 'uosmo'] }, { slippageBps: 1, recipient: sender, deadline: 0n }), 'INVALID_INPUT');
    });
  }
});
