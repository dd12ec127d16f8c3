/**
 * A Cosmos send signed on the software device's Cosmos app: the transaction goes out in LEGACY_AMINO_JSON mode, the
 * device was shown exactly the amino sign doc the signature covers, and a rejection broadcasts nothing. The chain is a
 * scripted CometBFT node answering in recorded shapes (no Cosmos node runs on these machines).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Secp256k1, Secp256k1Signature, sha256 } from '@cosmjs/crypto';
import { decodeTxRaw } from '@cosmjs/proto-signing';
import { SignMode } from 'cosmjs-types/cosmos/tx/signing/v1beta1/signing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resolveChain } from '../../electron/services/chains/chainRegistry';
import type { CosmosSigner } from '../../electron/services/cosmos/cosmosSigner';
import { createCosmosRpc } from '../../electron/services/cosmos/rpc/createCosmosRpc';
import { sendCosmosTokens } from '../../electron/services/cosmos/sendCosmosTokens';
import { cosmosTxHash } from '../../electron/services/cosmos/tx/txHash';
import { getCosmosLedgerAddress } from '../../electron/services/ledger/ledgerCosmos';
import { ledgerAccountPath } from '../../electron/services/ledger/ledgerPath';
import { ledgerCosmosSigner } from '../../electron/services/ledger/ledgerSigner';
import type { LedgerTransport } from '../../electron/services/ledger/openLedgerTransport';
import { expectStrataRejection } from '../unit/expectStrataError';
import { COSMJS_TEST_ADDRESS_0, COSMJS_TEST_ADDRESS_1, COSMJS_TEST_MNEMONIC } from '../cosmos/support/cosmosTestKeys';
import { accountRoute, appRouter, balancesRoute, baseAccountAny, simulateRoute } from '../cosmos/support/scriptedCosmosApp';
import { startScriptedNode, type ScriptedNode } from '../cosmos/support/scriptedCometNode';
import { LedgerDeviceEmulator } from '../support/ledgerDeviceEmulator';

const cosmoshub = resolveChain('cosmoshub');
const included = (JSON.parse(readFileSync(join(__dirname, '..', 'cosmos', 'fixtures', 'tx-cometbft-0.38.json'), 'utf8')) as { result: Record<string, unknown> }).result;

let node: ScriptedNode;
let device: LedgerDeviceEmulator;
let signer: CosmosSigner;
const broadcasts: Uint8Array[] = [];

beforeAll(async () => {
  device = new LedgerDeviceEmulator(COSMJS_TEST_MNEMONIC);
  device.app = 'Cosmos';
  const account = await getCosmosLedgerAddress(device, ledgerAccountPath(118, 0), 'cosmos');
  // cosmjs' published test mnemonic: account 0 on 44'/118'/0'/0/0
  expect(account.address).toBe(COSMJS_TEST_ADDRESS_0);
  const ledger = ledgerCosmosSigner(async () => device as unknown as LedgerTransport, { family: 'cosmos', chain: cosmoshub.id, ...account });
  // the adapter's view of a DigestSigner (cosmosAdapter's cosmosSignerFrom)
  signer = { pubkey: ledger.publicKey, signDigest: async (d) => (await ledger.signDigest(d)).signature, signAminoJson: ledger.signAminoJson };
  node = await startScriptedNode({
    network: 'cosmoshub-4',
    abciQuery: appRouter({
      ...balancesRoute({ [COSMJS_TEST_ADDRESS_0]: [{ denom: 'uatom', amount: '1000000' }] }),
      ...accountRoute({ [COSMJS_TEST_ADDRESS_0]: baseAccountAny(COSMJS_TEST_ADDRESS_0, 1234n, 7n) }),
      ...simulateRoute({ gasUsed: 94_967n }),
    }),
    broadcastTxSync: (tx) => {
      broadcasts.push(tx);
      return {};
    },
    tx: (hash) => {
      const tx = broadcasts.find((b) => cosmosTxHash(b) === hash);
      return tx === undefined ? null : { ...included, hash, tx: Buffer.from(tx).toString('base64') };
    },
  });
});
afterEach(() => {
  broadcasts.length = 0;
  device.requests.length = 0;
  device.decide = () => true;
});
afterAll(async () => node?.close());

const send = () =>
  sendCosmosTokens(createCosmosRpc([node.url], cosmoshub), cosmoshub, signer, { to: COSMJS_TEST_ADDRESS_1, amount: '0.5', broadcast: { pollIntervalMs: 20, timeoutMs: 2_000 } });

describe('Cosmos send on the Ledger (software device)', () => {
  it('signs in amino JSON mode: the device saw the sign doc, and the broadcast signature verifies over it', async () => {
    const result = await send();
    expect(broadcasts).toHaveLength(1);
    const txBytes = broadcasts[0] as Uint8Array;
    expect(result.hash).toBe(cosmosTxHash(txBytes));
    const decoded = decodeTxRaw(txBytes);
    expect(decoded.authInfo.signerInfos[0]?.modeInfo?.single?.mode).toBe(SignMode.SIGN_MODE_LEGACY_AMINO_JSON);
    expect(device.requests).toHaveLength(1);
    const request = device.requests[0] as { kind: string; path: string; signDoc: string };
    expect(request.kind).toBe('sign-amino');
    expect(request.path).toBe("44'/118'/0'/0/0");
    const doc = JSON.parse(request.signDoc) as { chain_id: string; account_number: string; sequence: string; msgs: Array<{ type: string; value: { amount: unknown; to_address: string } }> };
    expect(doc).toMatchObject({ chain_id: 'cosmoshub-4', account_number: '1234', sequence: '7' });
    expect(doc.msgs).toEqual([{ type: 'cosmos-sdk/MsgSend', value: { amount: [{ amount: '500000', denom: 'uatom' }], from_address: COSMJS_TEST_ADDRESS_0, to_address: COSMJS_TEST_ADDRESS_1 } }]);
    const ok = await Secp256k1.verifySignature(
      Secp256k1Signature.fromFixedLength(decoded.signatures[0] as Uint8Array),
      sha256(new TextEncoder().encode(request.signDoc)),
      signer.pubkey,
    );
    expect(ok).toBe(true);
  });

  it('rejected on the device: LEDGER_REJECTED and nothing broadcast', async () => {
    device.decide = () => false;
    await expectStrataRejection(send(), 'LEDGER_REJECTED');
    expect(broadcasts).toHaveLength(0);
    expect(device.requests.map((r) => r.kind)).toEqual(['sign-amino']);
  });
});
