import { serializeSignDoc, makeSignDoc as makeAminoSignDoc } from '@cosmjs/amino';
import { decodeTxRaw, makeSignBytes, makeSignDoc } from '@cosmjs/proto-signing';
import { TxRaw } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import { MsgTransfer } from 'cosmjs-types/ibc/applications/transfer/v1/tx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressFromPublicKey } from '../../shared/addresses/addressFromPublicKey';
import type { AssetInfo } from '../../shared/domain/asset';
import { nativeAssetOf } from '../../electron/services/assets/nativeAsset';
import { buildIbcTransfer } from '../../electron/services/bridges/ibcTransfer/buildIbcTransfer';
import { ibcPaths, pathForLeg, traceAfterHop } from '../../electron/services/bridges/ibcTransfer/ibcPaths';
import { createIbcTransferBridge, IBC_TRANSFER_GAS } from '../../electron/services/bridges/ibcTransfer/ibcTransferBridge';
import { cosmosChains } from '../../electron/services/chains/cosmosChains';
import { forwardMemo } from '../../electron/services/cosmos/ibc/forwardMemo';
import { supportsPacketForward, transferChannel } from '../../electron/services/cosmos/ibc/ibcChannels';
import { ibcDenom, splitIbcPath } from '../../electron/services/cosmos/ibc/ibcDenom';
import { ibcTimeout, revisionNumberOf } from '../../electron/services/cosmos/ibc/ibcTimeout';
import { cosmosKeyScheme, verifyCosmosSignature } from '../../electron/services/cosmos/keyScheme';
import { createCosmosRpc } from '../../electron/services/cosmos/rpc/createCosmosRpc';
import { signCosmosTx } from '../../electron/services/cosmos/tx/signCosmosTx';
import { cosmosAminoTypes } from '../../electron/services/cosmos/tx/txEncoding';
import { vaultCosmosSigner } from '../../electron/services/cosmos/vaultCosmosSigner';
import type { CosmosSigner } from '../../electron/services/cosmos/cosmosSigner';
import { expectStrataError, expectStrataRejection } from '../unit/expectStrataError';
import { openTestVault, type TestVault } from '../cosmos/support/cosmosTestKeys';
import { startScriptedNode, type ScriptedNode } from '../cosmos/support/scriptedCometNode';

const chains = cosmosChains();
const chain = (alias: string) => {
  const found = chains.find((c) => c.alias === alias);
  if (!found) throw new Error(alias);
  return found;
};
const cosmoshub = chain('cosmoshub');
const osmosis = chain('osmosis');
const noble = chain('noble');
const celestia = chain('celestia');

/** Published denoms (chain-registry asset lists, Osmosis frontend). */
const ATOM_ON_OSMOSIS = 'ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2';
const USDC_ON_OSMOSIS = 'ibc/498A0751C798A0D9A389AA3691123DADA57DAA4FE165D5C75894505B876BA6E4';
const TIA_ON_OSMOSIS = 'ibc/D79E7D83AB399BFFF93433E54FAA480C191248FC556924A2A8351AE2638B3877';
const USDC_ON_COSMOSHUB = 'ibc/F663521BF1836B00F5F177680F74BFB9A8B5654A694D0D2BC249E03CF2509013';

const asset = (c: typeof osmosis, ref: string): AssetInfo => ({ chain: c.id, ref, symbol: 'X', name: 'X', decimals: 6, priceId: null });

describe('IBC denoms and traces (published vectors)', () => {
  it('hashes one-hop denoms as Osmosis lists them', () => {
    expect(ibcDenom('transfer/channel-0', 'uatom')).toBe(ATOM_ON_OSMOSIS);
    expect(ibcDenom('transfer/channel-750', 'uusdc')).toBe(USDC_ON_OSMOSIS);
    expect(ibcDenom('transfer/channel-6994', 'utia')).toBe(TIA_ON_OSMOSIS);
    expect(ibcDenom('transfer/channel-536', 'uusdc')).toBe(USDC_ON_COSMOSHUB);
  });

  it('hashes multi-hop traces as chain-registry lists them (PSTAKE over two hops, DOT over three)', () => {
    const pstake = splitIbcPath('transfer/channel-4/transfer/channel-38/gravity0xfB5c6815cA3AC72Ce9F5006869AE67f18bF77006');
    expect(ibcDenom(pstake.path, pstake.baseDenom)).toBe('ibc/8061A06D3BD4D52C4A28FFECF7150D370393AF0BA661C3776C54FF32836C3961');
    const dot = splitIbcPath('transfer/channel-1279/transfer/channel-2/transfer/channel-15/79228162514264337593543950342');
    expect(ibcDenom(dot.path, dot.baseDenom)).toBe('ibc/6B2B19D874851F631FF0AF82C38A20D4B82F438C7A22F41EDA33568345397244');
  });

  it('adds the receiving end on the way out and drops it on the way home (ibc-go receive rule)', () => {
    const hubToOsmosis = transferChannel(cosmoshub, osmosis);
    const osmosisToHub = transferChannel(osmosis, cosmoshub);
    expect(hubToOsmosis).toEqual({ fromChainName: 'cosmoshub', toChainName: 'osmosis', sourcePort: 'transfer', sourceChannel: 'channel-141', destPort: 'transfer', destChannel: 'channel-0' });
    expect(osmosisToHub).toEqual({ fromChainName: 'osmosis', toChainName: 'cosmoshub', sourcePort: 'transfer', sourceChannel: 'channel-0', destPort: 'transfer', destChannel: 'channel-141' });
    const out = traceAfterHop({ path: '', baseDenom: 'uatom' }, hubToOsmosis!);
    expect(out).toEqual({ path: 'transfer/channel-0', baseDenom: 'uatom' });
    expect(traceAfterHop(out, osmosisToHub!)).toEqual({ path: '', baseDenom: 'uatom' });
    // Noble USDC on Osmosis sent on to the Hub directly keeps both hops.
    expect(traceAfterHop({ path: 'transfer/channel-750', baseDenom: 'uusdc' }, osmosisToHub!)).toEqual({ path: 'transfer/channel-141/transfer/channel-750', baseDenom: 'uusdc' });
  });

  it('knows which bundled chains forward packets', () => {
    expect(['cosmoshub', 'osmosis', 'noble', 'celestia', 'neutron', 'injective'].map(supportsPacketForward)).toEqual([true, true, true, true, true, true]);
    expect(supportsPacketForward('axelar')).toBe(false);
  });
});

describe('IBC legs from chain-registry channels', () => {
  const bridge = createIbcTransferBridge({ chains, cosmosRpc: () => { throw new Error('legs need no RPC'); } });

  it('carries ATOM from the Hub to Osmosis as ibc/27394… and back home as native ATOM', () => {
    const [out] = bridge.legs({ chain: cosmoshub.id, asset: nativeAssetOf(cosmoshub) }, { chain: osmosis.id });
    expect(out?.toAsset).toMatchObject({ chain: osmosis.id, ref: ATOM_ON_OSMOSIS, symbol: 'ATOM', decimals: 6, priceId: 'cosmos' });
    const back = bridge.legs({ chain: osmosis.id, asset: out!.toAsset }, { chain: cosmoshub.id });
    expect(back.map((l) => l.toAsset.ref)).toEqual(['native']);
  });

  it('offers Noble USDC on Osmosis to the Hub directly (two-hop denom) and home-then-forward through Noble (one-hop denom)', () => {
    const legs = bridge.legs({ chain: osmosis.id, asset: asset(osmosis, USDC_ON_OSMOSIS) }, { chain: cosmoshub.id });
    expect(legs.map((l) => l.toAsset.ref)).toEqual([ibcDenom('transfer/channel-141/transfer/channel-750', 'uusdc'), USDC_ON_COSMOSHUB]);
    const pfm = pathForLeg(chains, asset(osmosis, USDC_ON_OSMOSIS), { chain: cosmoshub.id, ref: USDC_ON_COSMOSHUB });
    expect(pfm?.chains.map((c) => c.alias)).toEqual(['osmosis', 'noble', 'cosmoshub']);
    expect(pfm?.hops.map((h) => `${h.sourceChannel}>${h.destChannel}`)).toEqual(['channel-750>channel-1', 'channel-4>channel-536']);
  });

  it('has no leg for an IBC denom whose trace is unknown, to the same chain, or to an EVM chain', () => {
    expect(bridge.legs({ chain: osmosis.id, asset: asset(osmosis, `ibc/${'AB'.repeat(32)}`) }, { chain: cosmoshub.id })).toEqual([]);
    expect(bridge.legs({ chain: osmosis.id, asset: nativeAssetOf(osmosis) }, { chain: osmosis.id })).toEqual([]);
    expect(bridge.legs({ chain: osmosis.id, asset: nativeAssetOf(osmosis) }, { chain: 'eip155:1' })).toEqual([]);
    expect(ibcPaths(chains, celestia, nativeAssetOf(celestia), osmosis).map((p) => p.arrivalDenom)).toEqual([TIA_ON_OSMOSIS]);
  });

  it('quotes exactly what it sends (ICS-20 takes no fee), gas for one MsgTransfer, 45 s per hop', async () => {
    const [leg] = bridge.legs({ chain: noble.id, asset: nativeAssetOf(noble) }, { chain: osmosis.id });
    const quote = await bridge.quote(leg!, 2_500_000n, { rpc: () => { throw new Error('no EVM'); }, slippageBps: 50 });
    expect(quote).toMatchObject({ amountIn: 2_500_000n, amountOut: 2_500_000n, minAmountOut: 2_500_000n, fees: [], callValue: 0n, gasUnits: IBC_TRANSFER_GAS, etaSeconds: 45 });
    const pfmLeg = bridge.legs({ chain: osmosis.id, asset: asset(osmosis, USDC_ON_OSMOSIS) }, { chain: cosmoshub.id })[1];
    expect((await bridge.quote(pfmLeg!, 1n, { rpc: () => { throw new Error('no EVM'); }, slippageBps: 0 })).etaSeconds).toBe(90);
    await expectStrataRejection(bridge.quote(leg!, 0n, { rpc: () => { throw new Error('no EVM'); }, slippageBps: 0 }), 'INVALID_AMOUNT');
    await expectStrataRejection(bridge.quote({ ...leg!, toAsset: asset(osmosis, TIA_ON_OSMOSIS) }, 1n, { rpc: () => { throw new Error('no EVM'); }, slippageBps: 0 }), 'INVALID_INPUT');
  });
});

describe('IBC timeouts', () => {
  it('reads the revision number from the chain id as ibc-go does', () => {
    expect(['cosmoshub-4', 'osmosis-1', 'noble-1', 'celestia', 'evmos_9001-2', 'injective-1', 'a-b-12'].map(revisionNumberOf)).toEqual([4n, 1n, 1n, 0n, 2n, 1n, 12n]);
  });

  it('is the latest height + 1000 blocks in that revision and now + 10 min in nanoseconds', () => {
    expect(ibcTimeout('osmosis-1', 23_456_789n, 1_700_000_000_123)).toEqual({ revisionNumber: 1n, revisionHeight: 23_457_789n, timestampNs: 1_700_000_600_123_000_000n });
    expect(ibcTimeout('cosmoshub-4', 5n, 0, { blocks: 10n, seconds: 30 })).toEqual({ revisionNumber: 4n, revisionHeight: 15n, timestampNs: 30_000_000_000n });
    expectStrataError(() => ibcTimeout('osmosis-1', 1n, 0, { seconds: 0 }), 'INVALID_INPUT');
  });
});

describe('packet-forward-middleware memos', () => {
  it('writes the forward memo with its keys in PFM order, nested for a second forward', () => {
    expect(forwardMemo([])).toBe('');
    expect(forwardMemo([{ receiver: 'cosmos1jhg0e7s6gn44tfc5k37kr04sznyhedtc9rzys5', port: 'transfer', channel: 'channel-4' }])).toBe(
      '{"forward":{"receiver":"cosmos1jhg0e7s6gn44tfc5k37kr04sznyhedtc9rzys5","port":"transfer","channel":"channel-4","timeout":"10m","retries":2}}',
    );
    expect(JSON.parse(forwardMemo([
      { receiver: 'pfm', port: 'transfer', channel: 'channel-4' },
      { receiver: 'osmo1x', port: 'transfer', channel: 'channel-141', timeout: '30m', retries: 0 },
    ]))).toEqual({ forward: { receiver: 'pfm', port: 'transfer', channel: 'channel-4', timeout: '10m', retries: 2, next: { forward: { receiver: 'osmo1x', port: 'transfer', channel: 'channel-141', timeout: '30m', retries: 0 } } } });
    expectStrataError(() => forwardMemo([{ receiver: 'x', port: 'transfer', channel: 'chan-1' }]), 'INVALID_INPUT');
    expectStrataError(() => forwardMemo([{ receiver: ' ', port: 'transfer', channel: 'channel-1' }]), 'INVALID_INPUT');
  });
});

describe('MsgTransfer: construction, signing and verification (real cosmjs)', () => {
  let keys: TestVault;
  let signer: CosmosSigner;
  let node: ScriptedNode;
  let hubAddress: string;
  let osmoAddress: string;
  let nobleAddress: string;

  beforeAll(async () => {
    keys = await openTestVault();
    signer = vaultCosmosSigner(keys.vault, keys.accountId, osmosis);
    hubAddress = addressFromPublicKey(signer.pubkey, cosmoshub);
    osmoAddress = addressFromPublicKey(signer.pubkey, osmosis);
    nobleAddress = addressFromPublicKey(signer.pubkey, noble);
    node = await startScriptedNode({ network: 'cosmoshub-4', latestHeight: () => '24000000' });
  });

  afterAll(async () => {
    await node.close();
    await keys.dispose();
  });

  it('builds the direct MsgTransfer with a height and a time timeout on the destination', async () => {
    const bridge = createIbcTransferBridge({ chains, cosmosRpc: (id) => createCosmosRpc([node.url], chains.find((c) => c.id === id)!), now: () => 1_700_000_000_000 });
    const [leg] = bridge.legs({ chain: osmosis.id, asset: asset(osmosis, ATOM_ON_OSMOSIS) }, { chain: cosmoshub.id });
    const quote = await bridge.quote(leg!, 1_234_567n, { rpc: () => { throw new Error('no EVM'); }, slippageBps: 0 });
    // The stand-in answers status as cosmoshub-4 only: the timeout is read from the destination's node.
    const built = await bridge.buildSend(quote, { sender: osmoAddress, recipient: hubAddress }, { rpc: () => { throw new Error('no EVM'); } });
    expect(built.calls).toEqual([{
      family: 'cosmos',
      chain: osmosis.id,
      label: 'ibc transfer',
      typeUrl: '/ibc.applications.transfer.v1.MsgTransfer',
      value: {
        sourcePort: 'transfer',
        sourceChannel: 'channel-0',
        token: { denom: ATOM_ON_OSMOSIS, amount: '1234567' },
        sender: osmoAddress,
        receiver: hubAddress,
        timeoutHeight: { revisionNumber: 4n, revisionHeight: 24_001_000n },
        timeoutTimestamp: 1_700_000_600_000_000_000n,
        memo: '',
        encoding: '',
      },
    }]);
  });

  it('builds the home-then-forward MsgTransfer: to PFM on Noble with a forward memo naming the recipient', () => {
    const path = pathForLeg(chains, asset(osmosis, USDC_ON_OSMOSIS), { chain: cosmoshub.id, ref: USDC_ON_COSMOSHUB })!;
    const msg = buildIbcTransfer(path, 5_000_000n, { sender: osmoAddress, recipient: hubAddress }, { revisionNumber: 1n, revisionHeight: 100n, timestampNs: 7n });
    expect(msg.value).toMatchObject({
      sourceChannel: 'channel-750',
      token: { denom: USDC_ON_OSMOSIS, amount: '5000000' },
      receiver: 'pfm',
      memo: `{"forward":{"receiver":"${hubAddress}","port":"transfer","channel":"channel-4","timeout":"10m","retries":2}}`,
    });
    expectStrataError(() => buildIbcTransfer(path, 1n, { sender: osmoAddress, recipient: nobleAddress }, { revisionNumber: 1n, revisionHeight: 1n, timestampNs: 1n }), 'INVALID_ADDRESS');
    expectStrataError(() => buildIbcTransfer(path, 0n, { sender: osmoAddress, recipient: hubAddress }, { revisionNumber: 1n, revisionHeight: 1n, timestampNs: 1n }), 'INVALID_AMOUNT');
  });

  for (const signMode of ['direct', 'amino'] as const) {
    it(`signs a MsgTransfer in ${signMode} mode with the vault key; the signature verifies and the body decodes back`, async () => {
      const path = pathForLeg(chains, nativeAssetOf(noble), { chain: osmosis.id, ref: USDC_ON_OSMOSIS })!;
      const nobleSigner = vaultCosmosSigner(keys.vault, keys.accountId, noble);
      const msg = buildIbcTransfer(path, 2_000_000n, { sender: nobleAddress, recipient: osmoAddress }, { revisionNumber: 1n, revisionHeight: 30_000_123n, timestampNs: 1_700_000_600_000_000_000n });
      const fee = { amount: [{ denom: 'uusdc', amount: 15_000n }], gas: 150_000n };
      const signed = await signCosmosTx(nobleSigner, { chain: noble, msgs: [msg], fee, accountNumber: 42n, sequence: 3n, signMode });
      const decoded = decodeTxRaw(signed.txBytes);
      expect(decoded.body.messages[0]?.typeUrl).toBe('/ibc.applications.transfer.v1.MsgTransfer');
      expect(MsgTransfer.decode(decoded.body.messages[0]!.value)).toEqual(MsgTransfer.fromPartial({
        sourcePort: 'transfer',
        sourceChannel: 'channel-1',
        token: { denom: 'uusdc', amount: '2000000' },
        sender: nobleAddress,
        receiver: osmoAddress,
        timeoutHeight: { revisionNumber: 1n, revisionHeight: 30_000_123n },
        timeoutTimestamp: 1_700_000_600_000_000_000n,
        memo: '',
      }));
      const scheme = cosmosKeyScheme(noble);
      const signature = decoded.signatures[0]!;
      if (signMode === 'direct') {
        const raw = TxRaw.decode(signed.txBytes);
        const bytes = makeSignBytes(makeSignDoc(raw.bodyBytes, raw.authInfoBytes, 'noble-1', 42));
        expect(verifyCosmosSignature(scheme, bytes, signature, nobleSigner.pubkey)).toBe(true);
      } else {
        const amino = cosmosAminoTypes.toAmino(msg);
        expect(amino).toEqual({
          type: 'cosmos-sdk/MsgTransfer',
          value: {
            source_port: 'transfer',
            source_channel: 'channel-1',
            token: { denom: 'uusdc', amount: '2000000' },
            sender: nobleAddress,
            receiver: osmoAddress,
            timeout_height: { revision_height: '30000123', revision_number: '1' },
            timeout_timestamp: '1700000600000000000',
          },
        });
        const doc = makeAminoSignDoc([amino], { amount: [{ denom: 'uusdc', amount: '15000' }], gas: '150000' }, 'noble-1', '', 42, 3);
        expect(verifyCosmosSignature(scheme, serializeSignDoc(doc), signature, nobleSigner.pubkey)).toBe(true);
      }
    });
  }
});
