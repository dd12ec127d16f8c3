import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChainDirectory } from '../../electron/services/chains/chainDirectory';
import { startDevnet, type Devnet } from '../../electron/services/devnet/startDevnet';
import { expectStrataRejection } from './expectStrataError';

let devnet: Devnet;
beforeAll(async () => {
  devnet = await startDevnet();
});
afterAll(async () => devnet?.stop());

const tempDir = () => mkdtemp(join(tmpdir(), 'strata-chains-'));

describe('chain directory (real devnet nodes)', () => {
  it('adds a custom EVM chain only when its node reports that chain id, and persists it', async () => {
    const dir = await tempDir();
    const chains = await ChainDirectory.open(dir);
    const rpcA = devnet.chains[0].rpc;
    await expectStrataRejection(chains.addCustom({ name: 'Mine', chainId: 999, rpc: rpcA, symbol: 'eth' }), 'CHAIN_ID_MISMATCH', /serves eip155:31337/);
    await expectStrataRejection(chains.addCustom({ name: 'Down', chainId: 31337, rpc: 'http://127.0.0.1:9/', symbol: 'ETH' }), 'RPC_UNAVAILABLE', /127\.0\.0\.1:9 did not answer/);
    await expect(readFile(join(dir, 'chains.json'))).rejects.toThrow(/ENOENT/);

    const added = await chains.addCustom({ name: 'Local A', chainId: 31337, rpc: rpcA, symbol: 'eth' });
    expect(added).toEqual({
      id: 'eip155:31337', alias: 'custom-31337', name: 'Local A', family: 'evm', addressScheme: 'evm', coinType: 60,
      bech32Prefix: null, nativeAsset: { symbol: 'ETH', denom: 'wei', decimals: 18 }, testnet: false,
    });
    await expectStrataRejection(chains.addCustom({ name: 'Again', chainId: 31337, rpc: rpcA, symbol: 'ETH' }), 'INVALID_INPUT', /already known/);

    const reopened = await ChainDirectory.open(dir);
    expect(reopened.resolve('custom-31337').name).toBe('Local A');
    expect(reopened.endpoints('eip155:31337')).toEqual([rpcA]);
    await reopened.removeCustom('eip155:31337');
    await expectStrataRejection(reopened.removeCustom('ethereum'), 'INVALID_INPUT', /Only custom chains/);
    expect((await ChainDirectory.open(dir)).list().some((c) => c.id === 'eip155:31337')).toBe(false);
  });

  it('overrides endpoints only with nodes of the right chain; an empty list restores the defaults', async () => {
    const dir = await tempDir();
    const info = { chains: devnet.chains.map((c) => ({ id: c.id, rpc: c.rpc })), contracts: devnet.contracts };
    const chains = await ChainDirectory.open(dir, { devnet: info });
    const a = chains.resolve('devnet-a');
    expect(chains.endpoints(a.id)).toEqual([devnet.chains[0].rpc]);
    await expectStrataRejection(chains.setEndpoints(a, [devnet.chains[1].rpc]), 'CHAIN_ID_MISMATCH', /serves eip155:31338, not Devnet A/);
    expect(chains.endpoints(a.id)).toEqual([devnet.chains[0].rpc]);

    const proxy = await devnet.rpcProxy('devnet-a');
    try {
      expect(await chains.setEndpoints(a, [proxy.url, devnet.chains[0].rpc])).toEqual([proxy.url, devnet.chains[0].rpc]);
      expect((await ChainDirectory.open(dir, { devnet: info })).endpoints(a.id)).toEqual([proxy.url, devnet.chains[0].rpc]);
      expect(await chains.setEndpoints(a, [])).toEqual([devnet.chains[0].rpc]);
    } finally {
      await proxy.close();
    }
    expect(chains.defaults('eip155:1')[0]).toMatch(/^https:\/\//);
    expect(chains.list().map((c) => c.alias).slice(-2)).toEqual(['devnet-a', 'devnet-b']);
  });
});
