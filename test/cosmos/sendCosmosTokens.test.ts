import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Secp256k1, Secp256k1Signature, sha256 } from '@cosmjs/crypto';
import { decodeTxRaw, makeSignBytes, makeSignDoc } from '@cosmjs/proto-signing';
import { MsgSend } from 'cosmjs-types/cosmos/bank/v1beta1/tx';
import { TxRaw } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resolveChain } from '../../electron/services/chains/chainRegistry';
import type { CosmosSigner } from '../../electron/services/cosmos/cosmosSigner';
import { createCosmosRpc } from '../../electron/services/cosmos/rpc/createCosmosRpc';
import { sendCosmosTokens } from '../../electron/services/cosmos/sendCosmosTokens';
import { cosmosTxHash } from '../../electron/services/cosmos/tx/txHash';
import { vaultCosmosSigner } from '../../electron/services/cosmos/vaultCosmosSigner';
import { expectStrataRejection } from '../unit/expectStrataError';
import { COSMJS_TEST_ADDRESS_0, COSMJS_TEST_ADDRESS_1, openTestVault, type TestVault } from './support/cosmosTestKeys';
import { accountRoute, appRouter, balancesRoute, baseAccountAny, simulateRoute } from './support/scriptedCosmosApp';
import { startScriptedNode, type ScriptedNode } from './support/scriptedCometNode';

const cosmoshub = resolveChain('cosmoshub');
const included = (JSON.parse(readFileSync(join(__dirname, 'fixtures', 'tx-cometbft-0.38.json'), 'utf8')) as {
  result: Record<string, unknown>;
}).result;

let keys: TestVault;
let node: ScriptedNode;
const broadcasts: Uint8Array[] = [];
let signatures = 0;
let signer: CosmosSigner;

beforeAll(async () => {
  keys = await openTestVault();
  const vaultSigner = vaultCosmosSigner(keys.vault, keys.accountId, cosmoshub);
  signer = { pubkey: vaultSigner.pubkey, signDigest: (digest) => ((signatures += 1), vaultSigner.signDigest(digest)) };
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
  signatures = 0;
  node.calls.length = 0;
});

afterAll(async () => {
  await node.close();
  await keys.dispose();
});

describe('sendCosmosTokens', () => {
  it('refuses when amount + fee exceed the balance: nothing is signed or broadcast', async () => {
    // simulated with a fee: 94967 + 18109 gas; 0.999 ATOM + fee ceil((ceil(113076 * 1.3) + 10000) * 0.025) = 3925 uatom > 1 ATOM
    await expectStrataRejection(
      sendCosmosTokens(createCosmosRpc([node.url], cosmoshub), cosmoshub, signer, { to: COSMJS_TEST_ADDRESS_1, amount: '0.999' }),
      'INSUFFICIENT_FUNDS',
      /^Not enough ATOM: 1\.002925 ATOM needed \(0\.999 ATOM \+ fee 0\.003925 ATOM\), 1 ATOM available$/,
    );
    expect(signatures).toBe(0);
    expect(node.calls).not.toContain('broadcast_tx_sync');
  });

  it('refuses an amount above the balance before simulating it', async () => {
    await expectStrataRejection(
      sendCosmosTokens(createCosmosRpc([node.url], cosmoshub), cosmoshub, signer, { to: COSMJS_TEST_ADDRESS_1, amount: '1.000001' }),
      'INSUFFICIENT_FUNDS',
    );
    expect(node.calls.filter((c) => c === 'abci_query')).toHaveLength(1);
    expect(signatures).toBe(0);
  });

  it("refuses another chain's recipient before any network call", async () => {
    await expectStrataRejection(
      sendCosmosTokens(createCosmosRpc([node.url], cosmoshub), cosmoshub, signer, {
        to: 'osmo1jc26t6dp59smtkf75e784dzwmgjlhksc96df8f',
        amount: '0.1',
      }),
      'INVALID_ADDRESS',
    );
    expect(node.calls).toEqual([]);
  });

  it('sends: simulated gas, the chosen fee tier, a signature that verifies, and the confirmed events', async () => {
    const result = await sendCosmosTokens(createCosmosRpc([node.url], cosmoshub), cosmoshub, signer, {
      to: COSMJS_TEST_ADDRESS_1,
      amount: '0.5',
      tier: 'fast',
      memo: 'thanks',
      broadcast: { pollIntervalMs: 20, timeoutMs: 2_000 },
    });
    expect(signatures).toBe(1);
    expect(broadcasts).toHaveLength(1);
    const txBytes = broadcasts[0] ?? new Uint8Array();
    expect(result.hash).toBe(cosmosTxHash(txBytes));
    expect(result.from).toBe(COSMJS_TEST_ADDRESS_0);
    expect(result.gas).toBe(156_999n); // ceil((94967 + 18109) * 1.3) + 10000
    expect(result.fee).toEqual({ amount: 4_710n, denom: 'uatom', gasPrice: '0.03' }); // ceil(156999 * 0.03)
    expect(result.height).toBe(23_456_789);

    const decoded = decodeTxRaw(txBytes);
    expect(decoded.body.memo).toBe('thanks');
    expect(MsgSend.decode(decoded.body.messages[0]?.value ?? new Uint8Array())).toEqual({
      fromAddress: COSMJS_TEST_ADDRESS_0,
      toAddress: COSMJS_TEST_ADDRESS_1,
      amount: [{ denom: 'uatom', amount: '500000' }],
    });
    expect(decoded.authInfo.fee?.amount).toEqual([{ denom: 'uatom', amount: '4710' }]);
    expect(decoded.authInfo.fee?.gasLimit).toBe(156_999n);
    expect(decoded.authInfo.signerInfos[0]?.sequence).toBe(7n);
    const raw = TxRaw.decode(txBytes);
    const signBytes = makeSignBytes(makeSignDoc(raw.bodyBytes, raw.authInfoBytes, 'cosmoshub-4', 1234));
    const signature = Secp256k1Signature.fromFixedLength(raw.signatures[0] ?? new Uint8Array());
    expect(await Secp256k1.verifySignature(signature, sha256(signBytes), signer.pubkey)).toBe(true);
  });
});
