import { makeSignDoc as makeAminoSignDoc, Secp256k1HdWallet, serializeSignDoc } from '@cosmjs/amino';
import { keccak256, Secp256k1, Secp256k1Signature, sha256, stringToPath } from '@cosmjs/crypto';
import { toBase64, toHex } from '@cosmjs/encoding';
import {
  decodeTxRaw,
  DirectEthSecp256k1HdWallet,
  DirectSecp256k1HdWallet,
  makeSignBytes,
  makeSignDoc,
} from '@cosmjs/proto-signing';
import { SigningStargateClient } from '@cosmjs/stargate';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { PubKey } from 'cosmjs-types/cosmos/crypto/secp256k1/keys';
import { SignMode } from 'cosmjs-types/cosmos/tx/signing/v1beta1/signing';
import { TxRaw } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressFromPublicKey } from '../../shared/addresses/addressFromPublicKey';
import { resolveChain } from '../../electron/services/chains/chainRegistry';
import type { CosmosSigner } from '../../electron/services/cosmos/cosmosSigner';
import { buildMsgSend } from '../../electron/services/cosmos/tx/buildMsgSend';
import { signCosmosTx, type CosmosTxRequest } from '../../electron/services/cosmos/tx/signCosmosTx';
import { cosmosTxHash } from '../../electron/services/cosmos/tx/txHash';
import { vaultCosmosSigner } from '../../electron/services/cosmos/vaultCosmosSigner';
import { expectStrataError, expectStrataRejection } from '../unit/expectStrataError';
import {
  COSMJS_TEST_ADDRESS_0,
  COSMJS_TEST_ADDRESS_1,
  COSMJS_TEST_MNEMONIC,
  openTestVault,
  type TestVault,
} from './support/cosmosTestKeys';

const cosmoshub = resolveChain('cosmoshub');
const osmosis = resolveChain('osmosis');
const injective = resolveChain('injective');

/** Fixed signer data: RFC 6979 makes both sides' signatures, hence their bytes, comparable. */
const ACCOUNT_NUMBER = 1234;
const SEQUENCE = 7;
const MEMO = 'strata <test> & memo';

let keys: TestVault;
let signer: CosmosSigner;

beforeAll(async () => {
  keys = await openTestVault();
  signer = vaultCosmosSigner(keys.vault, keys.accountId, cosmoshub);
});

afterAll(async () => {
  await keys.dispose();
});

function sendRequest(overrides: Partial<CosmosTxRequest> = {}): CosmosTxRequest {
  return {
    chain: cosmoshub,
    msgs: [buildMsgSend(cosmoshub, { from: COSMJS_TEST_ADDRESS_0, to: COSMJS_TEST_ADDRESS_1, amount: '1.5' })],
    fee: { amount: [{ denom: 'uatom', amount: 5_000n }], gas: 200_000n },
    memo: MEMO,
    accountNumber: BigInt(ACCOUNT_NUMBER),
    sequence: BigInt(SEQUENCE),
    ...overrides,
  };
}

const cosmjsFee = { amount: [{ denom: 'uatom', amount: '5000' }], gas: '200000' };
const signerData = { accountNumber: BigInt(ACCOUNT_NUMBER), sequence: SEQUENCE, chainId: 'cosmoshub-4' };

describe('derivation through the vault matches cosmjs wallets', () => {
  it('Cosmos Hub and Osmosis (coin type 118): same key, the chain prefix', async () => {
    const hub = (await (await DirectSecp256k1HdWallet.fromMnemonic(COSMJS_TEST_MNEMONIC)).getAccounts())[0];
    expect(hub?.address).toBe(COSMJS_TEST_ADDRESS_0);
    expect(addressFromPublicKey(signer.pubkey, cosmoshub)).toBe(COSMJS_TEST_ADDRESS_0);
    expect(toHex(signer.pubkey)).toBe(toHex(hub?.pubkey ?? new Uint8Array()));
    const osmo = (await (await DirectSecp256k1HdWallet.fromMnemonic(COSMJS_TEST_MNEMONIC, { prefix: 'osmo' })).getAccounts())[0];
    const osmoSigner = vaultCosmosSigner(keys.vault, keys.accountId, osmosis);
    expect(addressFromPublicKey(osmoSigner.pubkey, osmosis)).toBe(osmo?.address);
  });

  it("Injective (coin type 60, eth_secp256k1): m/44'/60'/0'/0/0 and the keccak address in bech32", async () => {
    const wallet = await DirectEthSecp256k1HdWallet.fromMnemonic(COSMJS_TEST_MNEMONIC, {
      prefix: 'inj',
      hdPaths: [stringToPath("m/44'/60'/0'/0/0")],
    });
    const [account] = await wallet.getAccounts();
    const injSigner = vaultCosmosSigner(keys.vault, keys.accountId, injective);
    expect(addressFromPublicKey(injSigner.pubkey, injective)).toBe(account?.address);
    expect(toHex(injSigner.pubkey)).toBe(toHex(account?.pubkey ?? new Uint8Array()));
    expect(account?.address.startsWith('inj1')).toBe(true);
  });
});

describe('SIGN_MODE_DIRECT', () => {
  it('produces the very TxRaw bytes of cosmjs DirectSecp256k1HdWallet + SigningStargateClient', async () => {
    const request = sendRequest();
    const ours = await signCosmosTx(signer, request);
    const wallet = await DirectSecp256k1HdWallet.fromMnemonic(COSMJS_TEST_MNEMONIC);
    const client = await SigningStargateClient.offline(wallet);
    const theirs = TxRaw.encode(await client.sign(COSMJS_TEST_ADDRESS_0, request.msgs, cosmjsFee, MEMO, signerData)).finish();
    expect(toHex(ours.txBytes)).toBe(toHex(theirs));
    expect(ours.hash).toBe(toHex(sha256(theirs)).toUpperCase());
    expect(ours.signMode).toBe('direct');
  });

  it('signs sha256 of the SignDoc: the signature verifies with cosmjs Secp256k1.verifySignature', async () => {
    const { txBytes } = await signCosmosTx(signer, sendRequest());
    const raw = TxRaw.decode(txBytes);
    const signBytes = makeSignBytes(makeSignDoc(raw.bodyBytes, raw.authInfoBytes, 'cosmoshub-4', ACCOUNT_NUMBER));
    const signature = Secp256k1Signature.fromFixedLength(raw.signatures[0] ?? new Uint8Array());
    expect(await Secp256k1.verifySignature(signature, sha256(signBytes), signer.pubkey)).toBe(true);
    // Another chain id, account number or body is another document.
    const otherChain = makeSignBytes(makeSignDoc(raw.bodyBytes, raw.authInfoBytes, 'cosmoshub-3', ACCOUNT_NUMBER));
    expect(await Secp256k1.verifySignature(signature, sha256(otherChain), signer.pubkey)).toBe(false);
    const otherAccount = makeSignBytes(makeSignDoc(raw.bodyBytes, raw.authInfoBytes, 'cosmoshub-4', ACCOUNT_NUMBER + 1));
    expect(await Secp256k1.verifySignature(signature, sha256(otherAccount), signer.pubkey)).toBe(false);
  });

  it('encodes the messages, fee, memo, sequence and the secp256k1 public key', async () => {
    const decoded = decodeTxRaw((await signCosmosTx(signer, sendRequest())).txBytes);
    expect(decoded.body.memo).toBe(MEMO);
    expect(decoded.body.messages.map((m) => m.typeUrl)).toEqual(['/cosmos.bank.v1beta1.MsgSend']);
    expect(decoded.authInfo.fee?.gasLimit).toBe(200_000n);
    expect(decoded.authInfo.fee?.amount).toEqual([{ denom: 'uatom', amount: '5000' }]);
    const [info] = decoded.authInfo.signerInfos;
    expect(info?.sequence).toBe(7n);
    expect(info?.modeInfo?.single?.mode).toBe(SignMode.SIGN_MODE_DIRECT);
    expect(info?.publicKey?.typeUrl).toBe('/cosmos.crypto.secp256k1.PubKey');
    expect(toHex(PubKey.decode(info?.publicKey?.value ?? new Uint8Array()).key)).toBe(toHex(signer.pubkey));
  });
});

describe('LEGACY_AMINO_JSON', () => {
  it('produces the very TxRaw bytes of cosmjs Secp256k1HdWallet (amino) + SigningStargateClient', async () => {
    const request = sendRequest({ signMode: 'amino' });
    const ours = await signCosmosTx(signer, request);
    const wallet = await Secp256k1HdWallet.fromMnemonic(COSMJS_TEST_MNEMONIC);
    const client = await SigningStargateClient.offline(wallet);
    const theirs = TxRaw.encode(await client.sign(COSMJS_TEST_ADDRESS_0, request.msgs, cosmjsFee, MEMO, signerData)).finish();
    expect(toHex(ours.txBytes)).toBe(toHex(theirs));
    expect(ours.signMode).toBe('amino');
  });

  it('signs sha256 of the sorted amino JSON: the signature verifies with cosmjs', async () => {
    const { txBytes } = await signCosmosTx(signer, sendRequest({ signMode: 'amino' }));
    const raw = TxRaw.decode(txBytes);
    const decoded = decodeTxRaw(txBytes);
    expect(decoded.authInfo.signerInfos[0]?.modeInfo?.single?.mode).toBe(SignMode.SIGN_MODE_LEGACY_AMINO_JSON);
    const doc = makeAminoSignDoc(
      [
        {
          type: 'cosmos-sdk/MsgSend',
          value: { from_address: COSMJS_TEST_ADDRESS_0, to_address: COSMJS_TEST_ADDRESS_1, amount: [{ denom: 'uatom', amount: '1500000' }] },
        },
      ],
      cosmjsFee,
      'cosmoshub-4',
      MEMO,
      ACCOUNT_NUMBER,
      SEQUENCE,
    );
    // The amino JSON escapes <, > and & as the SDK does.
    expect(new TextDecoder().decode(serializeSignDoc(doc))).toContain('strata \\u003ctest\\u003e \\u0026 memo');
    const signature = Secp256k1Signature.fromFixedLength(raw.signatures[0] ?? new Uint8Array());
    expect(await Secp256k1.verifySignature(signature, sha256(serializeSignDoc(doc)), signer.pubkey)).toBe(true);
  });
});

describe('Injective (eth_secp256k1)', () => {
  const injRequest = (injSigner: CosmosSigner, signMode: 'direct' | 'amino' = 'direct'): CosmosTxRequest => {
    const from = addressFromPublicKey(injSigner.pubkey, injective);
    return {
      chain: injective,
      msgs: [buildMsgSend(injective, { from, to: from, amount: '0.01' })],
      fee: { amount: [{ denom: 'inj', amount: 19_753_120_000_000n }], gas: 123_457n },
      memo: '',
      accountNumber: 42n,
      sequence: 3n,
      signMode,
    };
  };

  it('signs keccak256 of the SignDoc like cosmjs DirectEthSecp256k1HdWallet, with the Injective key type', async () => {
    const injSigner = vaultCosmosSigner(keys.vault, keys.accountId, injective);
    const ours = await signCosmosTx(injSigner, injRequest(injSigner));
    const raw = TxRaw.decode(ours.txBytes);
    const signDoc = makeSignDoc(raw.bodyBytes, raw.authInfoBytes, 'injective-1', 42);
    const wallet = await DirectEthSecp256k1HdWallet.fromMnemonic(COSMJS_TEST_MNEMONIC, {
      prefix: 'inj',
      hdPaths: [stringToPath("m/44'/60'/0'/0/0")],
    });
    const [account] = await wallet.getAccounts();
    const theirs = await wallet.signDirect(account?.address ?? '', signDoc);
    expect(toBase64(raw.signatures[0] ?? new Uint8Array())).toBe(theirs.signature.signature);

    const signature = Secp256k1Signature.fromFixedLength(raw.signatures[0] ?? new Uint8Array());
    expect(await Secp256k1.verifySignature(signature, keccak256(makeSignBytes(signDoc)), injSigner.pubkey)).toBe(true);
    expect(await Secp256k1.verifySignature(signature, sha256(makeSignBytes(signDoc)), injSigner.pubkey)).toBe(false);

    const info = decodeTxRaw(ours.txBytes).authInfo.signerInfos[0];
    expect(info?.publicKey?.typeUrl).toBe('/injective.crypto.v1beta1.ethsecp256k1.PubKey');
    expect(toHex(PubKey.decode(info?.publicKey?.value ?? new Uint8Array()).key)).toBe(toHex(injSigner.pubkey));
    expect(decodeTxRaw(ours.txBytes).authInfo.fee?.amount).toEqual([{ denom: 'inj', amount: '19753120000000' }]);
  });

  it('signs keccak256 of the amino JSON in amino mode', async () => {
    const injSigner = vaultCosmosSigner(keys.vault, keys.accountId, injective);
    const request = injRequest(injSigner, 'amino');
    const raw = TxRaw.decode((await signCosmosTx(injSigner, request)).txBytes);
    const from = addressFromPublicKey(injSigner.pubkey, injective);
    const doc = makeAminoSignDoc(
      [{ type: 'cosmos-sdk/MsgSend', value: { from_address: from, to_address: from, amount: [{ denom: 'inj', amount: '10000000000000000' }] } }],
      { amount: [{ denom: 'inj', amount: '19753120000000' }], gas: '123457' },
      'injective-1',
      '',
      42,
      3,
    );
    const signature = Secp256k1Signature.fromFixedLength(raw.signatures[0] ?? new Uint8Array());
    expect(await Secp256k1.verifySignature(signature, keccak256(serializeSignDoc(doc)), injSigner.pubkey)).toBe(true);
  });
});

describe('signer checks', () => {
  it('refuses a signature from another key, and a high-s signature, before assembling anything', async () => {
    const otherKey = secp256k1.utils.randomSecretKey();
    const wrongKey: CosmosSigner = {
      pubkey: signer.pubkey,
      signDigest: async (digest) => secp256k1.sign(digest, otherKey, { prehash: false }),
    };
    await expectStrataRejection(signCosmosTx(wrongKey, sendRequest()), 'INTERNAL', /does not verify/);

    const highS: CosmosSigner = {
      pubkey: signer.pubkey,
      signDigest: async (digest) => {
        const low = secp256k1.Signature.fromBytes(await signer.signDigest(digest));
        return new secp256k1.Signature(low.r, secp256k1.Point.CURVE().n - low.s).toBytes();
      },
    };
    await expectStrataRejection(signCosmosTx(highS, sendRequest()), 'INTERNAL', /does not verify/);
  });

  it('validates the request before asking for a signature', async () => {
    let asked = 0;
    const counting: CosmosSigner = { pubkey: signer.pubkey, signDigest: async (d) => ((asked += 1), signer.signDigest(d)) };
    await expectStrataRejection(signCosmosTx(counting, sendRequest({ msgs: [] })), 'INVALID_INPUT');
    await expectStrataRejection(signCosmosTx(counting, sendRequest({ fee: { amount: [], gas: 0n } })), 'INVALID_INPUT');
    await expectStrataRejection(signCosmosTx(counting, sendRequest({ memo: 'x'.repeat(513) })), 'INVALID_INPUT');
    await expectStrataRejection(signCosmosTx({ ...counting, pubkey: new Uint8Array(33) }, sendRequest()), 'INVALID_INPUT');
    await expectStrataRejection(signCosmosTx(counting, sendRequest({ chain: resolveChain('ethereum') })), 'UNKNOWN_CHAIN');
    expect(asked).toBe(0);
  });

  it('hashes TxRaw bytes as CometBFT does', () => {
    expect(cosmosTxHash(new Uint8Array([1, 2, 3]))).toBe('039058C6F2C0CB492C533B0A4D14EF77CC0F78ABCCCED5287D84A1A2011CFB81');
  });
});

describe('vault adapter', () => {
  it('fails on a locked vault and on a watch-only account, and never exposes more than the public key', async () => {
    const other = await openTestVault();
    try {
      const watch = await other.vault.addWatch({ family: 'cosmos', chain: 'cosmos:cosmoshub-4', address: COSMJS_TEST_ADDRESS_1 });
      expectStrataError(() => vaultCosmosSigner(other.vault, watch.id, cosmoshub), 'INVALID_INPUT');
      const adapter = vaultCosmosSigner(other.vault, other.accountId, cosmoshub);
      expect(Object.keys(adapter).sort()).toEqual(['pubkey', 'signDigest']);
      other.vault.lock();
      await expectStrataRejection(adapter.signDigest(new Uint8Array(32)), 'VAULT_LOCKED');
      expectStrataError(() => vaultCosmosSigner(other.vault, other.accountId, cosmoshub), 'VAULT_LOCKED');
    } finally {
      await other.dispose();
    }
  });
});
