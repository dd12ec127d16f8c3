import { encodeSecp256k1Pubkey } from '@cosmjs/amino';
import { Secp256k1, Secp256k1Signature, sha256 as cosmjsSha256 } from '@cosmjs/crypto';
import { fromBase64 } from '@cosmjs/encoding';
import { decodeTxRaw, DirectSecp256k1HdWallet, encodePubkey, makeAuthInfoBytes, makeSignBytes, makeSignDoc, Registry, type EncodeObject } from '@cosmjs/proto-signing';
import { defaultRegistryTypes } from '@cosmjs/stargate';
import { sha256 } from '@noble/hashes/sha2.js';
import { bech32 } from '@scure/base';
import { TxRaw } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import { MsgTransfer } from 'cosmjs-types/ibc/applications/transfer/v1/tx';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Interface } from 'ethers';
import { decodeFunctionData, erc20Abi, maxUint256 } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssetInfo } from '../../shared/domain/asset';
import { createAxelarLcdFeeSource } from '../../electron/services/bridges/axelarCosmos/axelarFeeSource';
import { createAxelarscanClient } from '../../electron/services/bridges/axelarCosmos/axelarscanClient';
import { axelarCosmosRoute } from '../../electron/services/bridges/axelarCosmos/axelarCosmosRoutes';
import { createAxelarCosmosBridge, evmUsdcAsset } from '../../electron/services/bridges/axelarCosmos/axelarCosmosBridge';
import { AXELAR_GMP_ACCOUNT, MAINNET_AXELAR_EVM_CHAINS, type AxelarEvmChain } from '../../electron/services/bridges/axelarCosmos/axelarNetwork';
import { sendTokenMemo } from '../../electron/services/bridges/axelarCosmos/buildAxelarMsgTransfer';
import { AXELAR_GATEWAY_ABI } from '../../electron/services/bridges/axelarGateway/axelarGatewayAbi';
import type { BridgeAdapter, BridgeQuote } from '../../electron/services/bridges/bridgeAdapter';
import type { ChainRpcs, CosmosStepCall, EvmStepCall } from '../../electron/services/routing/routingTypes';
import { expectStrataError, expectStrataRejection } from '../unit/expectStrataError';
import { COSMJS_TEST_MNEMONIC } from '../cosmos/support/cosmosTestKeys';
import { AxelarStandIn } from './fixtures/axelarCosmos/axelarStandIn';

/**
 * axlUSDC denoms as Axelarscan publishes them (axelarnetwork/axelarscan-api config/assets.json, `uusdc`
 * addresses.<chain>.ibc_denom), and Neutron's from its chain-registry asset list: the adapter derives them from
 * chain-registry's channels, and must get exactly these.
 */
const PUBLISHED_AXLUSDC = {
  osmosis: 'ibc/D189335C6E4A68B513C10AB227BF1C1D38C746766278BA3EEB4FB14124F1D858',
  cosmoshub: 'ibc/932D6003DA334ECBC5B23A071B4287D0A5CC97331197FE9F1C0689BA002A8421',
  injective: 'ibc/7E1AF94AD246BE522892751046F0C959B768642E5671CC3742264068D49553C0',
  neutron: 'ibc/F082B65C88E4B6D5EF1DB243CDA1D331D002759E938A0F5CD3FFDC5D53B3E349',
};

const SENDER = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const OSMO_USER = 'osmo1jhg0e7s6gn44tfc5k37kr04sznyhedtcdc35xx';
const NOW = 1_791_114_977_000;

const chainOf = (alias: string): AxelarEvmChain => {
  const found = MAINNET_AXELAR_EVM_CHAINS.find((c) => c.axelarName.toLowerCase() === alias);
  if (!found) throw new Error(alias);
  return found;
};
const arbitrum = chainOf('arbitrum');
const ethereum = chainOf('ethereum');
const osmosis = axelarCosmosRoute('osmosis');
const cosmoshub = axelarCosmosRoute('cosmoshub');
const noRpc: ChainRpcs = { rpc: () => { throw new Error('no RPC in this test'); } };

let standIn: AxelarStandIn;
let bridge: BridgeAdapter;

beforeAll(async () => {
  standIn = new AxelarStandIn();
  await standIn.start();
  bridge = createAxelarCosmosBridge({
    fees: createAxelarLcdFeeSource({ baseUrl: standIn.baseUrl }),
    status: createAxelarscanClient({ baseUrl: standIn.baseUrl }),
    now: () => NOW,
  });
});

afterAll(async () => {
  await standIn.stop();
});

describe('Axelar network facts', () => {
  it('the GMP account is sha256("axelarnet_gmp") as a 32-byte axelar address (axelar-core GetEscrowAddress)', () => {
    const derived = bech32.encode('axelar', bech32.toWords(sha256(new TextEncoder().encode('axelarnet_gmp'))), 200);
    expect(derived).toBe(AXELAR_GMP_ACCOUNT);
  });

  it("the gateway ABI's sendToken and TokenSent (the parts this adapter uses) are Axelar's IAxelarGateway (axelar-cgp-solidity)", () => {
    const require = createRequire(import.meta.url);
    const path = require.resolve('@axelar-network/axelar-cgp-solidity/interfaces/IAxelarGateway.json');
    const published = new Interface((JSON.parse(readFileSync(path, 'utf8')) as { abi: never }).abi);
    const ours = new Interface(AXELAR_GATEWAY_ABI as never);
    expect(ours.getFunction('sendToken')?.format('full')).toBe(published.getFunction('sendToken')?.format('full'));
    expect(ours.getEvent('TokenSent')?.format('full')).toBe(published.getEvent('TokenSent')?.format('full'));
    expect(ours.getEvent('TokenSent')?.format('full')).toBe('event TokenSent(address indexed sender, string destinationChain, string destinationAddress, string symbol, uint256 amount)');
  });
});

describe('legs from chain-registry', () => {
  it('derives each axlUSDC denom and channel from the registry, equal to the published denoms', () => {
    for (const [name, denom] of Object.entries(PUBLISHED_AXLUSDC)) expect(axelarCosmosRoute(name).asset.ref, name).toBe(denom);
    expect({ chain: osmosis.chain, to: osmosis.channelToAxelar, from: osmosis.axelarChannel, prefix: osmosis.bech32Prefix }).toEqual({
      chain: 'cosmos:osmosis-1',
      to: 'channel-208',
      from: 'channel-3',
      prefix: 'osmo',
    });
    expect({ to: cosmoshub.channelToAxelar, from: cosmoshub.axelarChannel, chain: cosmoshub.chain }).toEqual({ to: 'channel-293', from: 'channel-2', chain: 'cosmos:cosmoshub-4' });
    expect(osmosis.asset).toEqual({ chain: 'cosmos:osmosis-1', ref: PUBLISHED_AXLUSDC.osmosis, symbol: 'axlUSDC', name: 'USD Coin (Axelar)', decimals: 6, priceId: 'axlusdc' });
  });

  it('refuses a chain without an Axelar channel in chain-registry (Noble) or not bundled', () => {
    expectStrataError(() => axelarCosmosRoute('noble'), 'UNKNOWN_CHAIN');
    expectStrataError(() => axelarCosmosRoute('juno'), 'UNKNOWN_CHAIN');
  });

  it('offers USDC on an EVM chain to axlUSDC on each Cosmos chain, and back', () => {
    const legs = bridge.legs({ chain: 'eip155:42161', asset: evmUsdcAsset(arbitrum) }, { chain: 'cosmos:osmosis-1' });
    expect(legs).toEqual([{ provider: 'axelar-gateway', fromAsset: evmUsdcAsset(arbitrum), toAsset: osmosis.asset }]);
    expect(legs[0]?.fromAsset).toMatchObject({ ref: '0xEB466342C4d449BC9f53A865D5Cb90586f405215', symbol: 'axlUSDC' });
    const fromEthereum = bridge.legs({ chain: 'eip155:1', asset: evmUsdcAsset(ethereum) }, { chain: 'cosmos:cosmoshub-4' });
    expect(fromEthereum.map((l) => [l.fromAsset.ref, l.fromAsset.symbol, l.toAsset.ref])).toEqual([['0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48', 'USDC', PUBLISHED_AXLUSDC.cosmoshub]]);
    const back = bridge.legs({ chain: 'cosmos:osmosis-1', asset: osmosis.asset }, { chain: 'eip155:1' });
    expect(back).toEqual([{ provider: 'axelar-gateway', fromAsset: osmosis.asset, toAsset: evmUsdcAsset(ethereum) }]);
  });

  it('offers nothing for other tokens, the same chain, EVM to EVM, Cosmos to Cosmos, or untracked chains', () => {
    const circleOnArbitrum: AssetInfo = { chain: 'eip155:42161', ref: '0xaf88d065e77c8cC2239327C5EDb3A432268e5831', symbol: 'USDC', name: 'USD Coin', decimals: 6, priceId: 'usd-coin' };
    expect(bridge.legs({ chain: 'eip155:42161', asset: circleOnArbitrum }, { chain: 'cosmos:osmosis-1' })).toEqual([]);
    expect(bridge.legs({ chain: 'eip155:42161', asset: evmUsdcAsset(arbitrum) }, { chain: 'eip155:42161' })).toEqual([]);
    expect(bridge.legs({ chain: 'eip155:42161', asset: evmUsdcAsset(arbitrum) }, { chain: 'eip155:10' })).toEqual([]);
    expect(bridge.legs({ chain: 'cosmos:osmosis-1', asset: osmosis.asset }, { chain: 'cosmos:cosmoshub-4' })).toEqual([]);
    expect(bridge.legs({ chain: 'eip155:42161', asset: evmUsdcAsset(arbitrum) }, { chain: 'cosmos:noble-1' })).toEqual([]);
    expect(bridge.legs({ chain: 'eip155:56', asset: { ...evmUsdcAsset(arbitrum), chain: 'eip155:56' } }, { chain: 'cosmos:osmosis-1' })).toEqual([]);
  });
});

describe('quote from the fee source (local stand-in of the Axelar LCD, recorded answer shape)', () => {
  const arbToOsmo = () => bridge.legs({ chain: 'eip155:42161', asset: evmUsdcAsset(arbitrum) }, { chain: 'cosmos:osmosis-1' })[0]!;

  it('EVM -> Cosmos: amountOut = amountIn - fee, the fee in the source token, approve + sendToken gas', async () => {
    const before = standIn.requests.length;
    const quote = await bridge.quote(arbToOsmo(), 100_000_000n, { ...noRpc, slippageBps: 50 });
    expect(standIn.requests.slice(before).map((r) => r.path)).toEqual(['/axelar/nexus/v1beta1/transfer_fee?source_chain=arbitrum&destination_chain=osmosis&amount=100000000uusdc']);
    expect(quote).toEqual({
      leg: arbToOsmo(),
      amountIn: 100_000_000n,
      amountOut: 98_500_000n,
      minAmountOut: 98_500_000n,
      fees: [{ kind: 'bridge', chain: 'eip155:42161', asset: evmUsdcAsset(arbitrum), amount: 1_500_000n }],
      callValue: 0n,
      gasUnits: 180_000n,
      etaSeconds: 25 * 60 + 300,
    });
  });

  it('Cosmos -> EVM: asks for the pair in that order; IBC transfer gas', async () => {
    const leg = bridge.legs({ chain: 'cosmos:osmosis-1', asset: osmosis.asset }, { chain: 'eip155:1' })[0]!;
    const quote = await bridge.quote(leg, 250_000_000n, { ...noRpc, slippageBps: 50 });
    expect(standIn.requests.at(-1)?.path).toBe('/axelar/nexus/v1beta1/transfer_fee?source_chain=osmosis&destination_chain=Ethereum&amount=250000000uusdc');
    expect([quote.amountOut, quote.minAmountOut, quote.fees[0]?.amount, quote.fees[0]?.asset.ref, quote.gasUnits, quote.etaSeconds]).toEqual([
      229_500_000n,
      229_500_000n,
      20_500_000n,
      PUBLISHED_AXLUSDC.osmosis,
      200_000n,
      900,
    ]);
  });

  it('refuses an amount not above the fee (10 USDC from Ethereum, fee 20.5) and bad amounts, with no request for the latter', async () => {
    const leg = bridge.legs({ chain: 'eip155:1', asset: evmUsdcAsset(ethereum) }, { chain: 'cosmos:osmosis-1' })[0]!;
    await expectStrataRejection(bridge.quote(leg, 10_000_000n, { ...noRpc, slippageBps: 50 }), 'INVALID_AMOUNT', /Axelar's transfer fee of 20500000/);
    const before = standIn.requests.length;
    await expectStrataRejection(bridge.quote(leg, 0n, { ...noRpc, slippageBps: 50 }), 'INVALID_AMOUNT');
    await expectStrataRejection(bridge.quote({ ...leg, toAsset: { ...leg.toAsset, ref: 'uosmo' } }, 1_000_000n, { ...noRpc, slippageBps: 50 }), 'INVALID_INPUT');
    expect(standIn.requests.length).toBe(before);
  });

  it('an LCD error answer (an unregistered pair) is RPC_UNAVAILABLE with the API message in details', async () => {
    const fees = createAxelarLcdFeeSource({ baseUrl: standIn.baseUrl });
    let thrown: unknown;
    try {
      await fees.transferFee({ sourceChain: 'arbitrum', destinationChain: 'juno', denom: 'uusdc', amount: 1n });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: 'RPC_UNAVAILABLE', message: "Axelar's fee API answered HTTP 500", details: `127.0.0.1:${new URL(standIn.baseUrl).port}: juno is not a registered chain` });
    await expectStrataRejection(fees.transferFee({ sourceChain: 'arbitrum&x=1', destinationChain: 'osmosis', denom: 'uusdc', amount: 1n }), 'INVALID_INPUT');
  });
});

describe('buildSend', () => {
  let evmQuote: BridgeQuote;
  let cosmosQuote: BridgeQuote;

  beforeAll(async () => {
    evmQuote = await bridge.quote(bridge.legs({ chain: 'eip155:42161', asset: evmUsdcAsset(arbitrum) }, { chain: 'cosmos:osmosis-1' })[0]!, 100_000_000n, { ...noRpc, slippageBps: 50 });
    cosmosQuote = await bridge.quote(bridge.legs({ chain: 'cosmos:osmosis-1', asset: osmosis.asset }, { chain: 'eip155:42161' })[0]!, 250_000_000n, { ...noRpc, slippageBps: 50 });
  });

  it('EVM -> Cosmos: an exact approval of the gateway, then sendToken(osmosis, bech32 recipient, axlUSDC, amount)', async () => {
    const built = await bridge.buildSend(evmQuote, { sender: SENDER, recipient: OSMO_USER }, noRpc);
    expect(built.trackingKey).toBeUndefined();
    const [approve, send] = built.calls as [EvmStepCall, EvmStepCall];
    expect(built.calls).toHaveLength(2);
    expect([approve.family, approve.chain, approve.to, approve.value, approve.label]).toEqual(['evm', 'eip155:42161', arbitrum.usdc.address, 0n, 'approve axlUSDC']);
    const approval = decodeFunctionData({ abi: erc20Abi, data: approve.data });
    expect(approval).toEqual({ functionName: 'approve', args: [arbitrum.gateway, 100_000_000n] });
    expect(approval.args?.[1]).not.toBe(maxUint256);
    expect([send.family, send.chain, send.to, send.value, send.label]).toEqual(['evm', 'eip155:42161', '0xe432150cce91c13a887f7D836923d5597adD8E31', 0n, 'send axlUSDC to osmosis over Axelar']);
    expect(decodeFunctionData({ abi: AXELAR_GATEWAY_ABI, data: send.data })).toEqual({ functionName: 'sendToken', args: ['osmosis', OSMO_USER, 'axlUSDC', 100_000_000n] });
    // Ethereum's gateway symbol is USDC (Circle's token, locked), not axlUSDC.
    const fromEthereum = { ...evmQuote, leg: bridge.legs({ chain: 'eip155:1', asset: evmUsdcAsset(ethereum) }, { chain: 'cosmos:osmosis-1' })[0]! };
    const ethSend = (await bridge.buildSend(fromEthereum, { sender: SENDER, recipient: OSMO_USER }, noRpc)).calls[1] as EvmStepCall;
    expect([ethSend.to, decodeFunctionData({ abi: AXELAR_GATEWAY_ABI, data: ethSend.data }).args]).toEqual([ethereum.gateway, ['osmosis', OSMO_USER, 'USDC', 100_000_000n]]);
  });

  it('refuses a recipient of another chain, a bad sender, and builds nothing', async () => {
    await expectStrataRejection(bridge.buildSend(evmQuote, { sender: SENDER, recipient: 'cosmos1jhg0e7s6gn44tfc5k37kr04sznyhedtc9rzys5' }, noRpc), 'INVALID_ADDRESS', /prefix "cosmos", expected "osmo"/);
    await expectStrataRejection(bridge.buildSend(evmQuote, { sender: SENDER, recipient: SENDER }, noRpc), 'INVALID_ADDRESS');
    await expectStrataRejection(bridge.buildSend(evmQuote, { sender: 'not-an-address', recipient: OSMO_USER }, noRpc), 'INVALID_ADDRESS');
    await expectStrataRejection(bridge.buildSend(cosmosQuote, { sender: OSMO_USER, recipient: OSMO_USER }, noRpc), 'INVALID_ADDRESS');
  });

  it('Cosmos -> EVM: a MsgTransfer over channel-208 to the GMP account with the send-token memo (no fee field), signed by cosmjs', async () => {
    const built = await bridge.buildSend(cosmosQuote, { sender: OSMO_USER, recipient: SENDER.toLowerCase() }, noRpc);
    expect(built.trackingKey).toBe(SENDER);
    const [call] = built.calls as [CosmosStepCall];
    expect(built.calls).toHaveLength(1);
    expect([call.family, call.chain, call.typeUrl, call.label]).toEqual(['cosmos', 'cosmos:osmosis-1', '/ibc.applications.transfer.v1.MsgTransfer', 'send axlUSDC to arbitrum over Axelar']);
    const memo = '{"destination_chain":"arbitrum","destination_address":"0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266","payload":null,"type":3}';
    expect(sendTokenMemo('arbitrum', SENDER)).toBe(memo);
    expect(call.value).toEqual({
      sourcePort: 'transfer',
      sourceChannel: 'channel-208',
      token: { denom: PUBLISHED_AXLUSDC.osmosis, amount: '250000000' },
      sender: OSMO_USER,
      receiver: AXELAR_GMP_ACCOUNT,
      timeoutHeight: { revisionNumber: 0n, revisionHeight: 0n },
      timeoutTimestamp: BigInt(NOW + 600_000) * 1_000_000n,
      memo,
      encoding: '',
    });

    // Sign it as a wallet would (SIGN_MODE_DIRECT) and read it back from the signed bytes.
    const wallet = await DirectSecp256k1HdWallet.fromMnemonic(COSMJS_TEST_MNEMONIC, { prefix: 'osmo' });
    const [account] = await wallet.getAccounts();
    expect(account?.address).toBe(OSMO_USER);
    const registry = new Registry(defaultRegistryTypes);
    const bodyBytes = registry.encodeTxBody({ messages: [{ typeUrl: call.typeUrl, value: call.value } as EncodeObject], memo: '' });
    const authInfoBytes = makeAuthInfoBytes([{ pubkey: encodePubkey(encodeSecp256k1Pubkey(account!.pubkey)), sequence: 3 }], [{ denom: 'uosmo', amount: '5000' }], 200_000, undefined, undefined);
    const signDoc = makeSignDoc(bodyBytes, authInfoBytes, 'osmosis-1', 42);
    const { signature, signed } = await wallet.signDirect(OSMO_USER, signDoc);
    const valid = await Secp256k1.verifySignature(Secp256k1Signature.fromFixedLength(fromBase64(signature.signature)), cosmjsSha256(makeSignBytes(signed)), account!.pubkey);
    expect(valid).toBe(true);
    const txBytes = TxRaw.encode(TxRaw.fromPartial({ bodyBytes: signed.bodyBytes, authInfoBytes: signed.authInfoBytes, signatures: [fromBase64(signature.signature)] })).finish();
    const decoded = decodeTxRaw(txBytes);
    const msg = decoded.body.messages[0]!;
    expect(msg.typeUrl).toBe('/ibc.applications.transfer.v1.MsgTransfer');
    const back = MsgTransfer.decode(msg.value);
    expect([back.receiver, back.memo, back.token.denom, back.token.amount, back.sourceChannel, back.timeoutTimestamp]).toEqual([
      AXELAR_GMP_ACCOUNT,
      memo,
      PUBLISHED_AXLUSDC.osmosis,
      '250000000',
      'channel-208',
      BigInt(NOW + 600_000) * 1_000_000n,
    ]);
    expect(JSON.parse(back.memo)).not.toHaveProperty('fee');
  });
});

