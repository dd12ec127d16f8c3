/**
 * An upper-case bech32 recipient (valid: bech32 is case-insensitive as a whole) is normalised to lower case in what
 * a Cosmos send prepares, the address the review shows and the journal keeps, and in the signed MsgSend itself.
 * Against a scripted CometBFT node answering in recorded shapes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveChain } from '../../electron/services/chains/chainRegistry';
import { createCosmosAdapter } from '../../electron/services/cosmos/cosmosAdapter';
import { vaultCosmosSigner } from '../../electron/services/cosmos/vaultCosmosSigner';
import { nativeAssetOf } from '../../electron/services/assets/nativeAsset';
import { COSMJS_TEST_ADDRESS_0, COSMJS_TEST_ADDRESS_1, openTestVault, type TestVault } from './support/cosmosTestKeys';
import { accountRoute, appRouter, balancesRoute, baseAccountAny, simulateRoute } from './support/scriptedCosmosApp';
import { startScriptedNode, type ScriptedNode } from './support/scriptedCometNode';

const cosmoshub = resolveChain('cosmoshub');
let keys: TestVault;
let node: ScriptedNode;

beforeAll(async () => {
  keys = await openTestVault();
  node = await startScriptedNode({
    network: 'cosmoshub-4',
    abciQuery: appRouter({
      ...balancesRoute({ [COSMJS_TEST_ADDRESS_0]: [{ denom: 'uatom', amount: '1000000' }] }),
      ...accountRoute({ [COSMJS_TEST_ADDRESS_0]: baseAccountAny(COSMJS_TEST_ADDRESS_0, 1234n, 7n) }),
      ...simulateRoute({ gasUsed: 94_967n }),
    }),
    broadcastTxSync: () => ({}),
    tx: () => null,
  });
});

afterAll(async () => {
  await node.close();
  await keys.dispose();
});

describe('Cosmos recipient case', () => {
  it('an upper-case bech32 recipient is prepared, reviewed and signed in lower case', async () => {
    const typed = COSMJS_TEST_ADDRESS_1.toUpperCase();
    expect(typed).not.toBe(COSMJS_TEST_ADDRESS_1);
    const prepared = await createCosmosAdapter().prepareTransfer(
      { chain: cosmoshub, endpoints: [node.url] },
      { from: COSMJS_TEST_ADDRESS_0, publicKey: vaultCosmosSigner(keys.vault, keys.accountId, cosmoshub).pubkey, to: typed, asset: nativeAssetOf(cosmoshub), amount: 1000n, tier: 'normal' },
    );
    expect(prepared.to).toBe(COSMJS_TEST_ADDRESS_1);
    expect((prepared.unsigned as { msg: { value: { toAddress: string } } }).msg.value.toAddress).toBe(COSMJS_TEST_ADDRESS_1);
  });
});
