import { encodeDeployData, getContractAddress, type Abi } from 'viem';
import { describe, expect, it } from 'vitest';
import { DEVNET_TOKEN_ADDRESSES, DEVNET_TOKENS } from '../../electron/services/assets/devnetAssets';
import { saltOf } from '../../electron/services/devnet/deploy/deployContext';
import { USDC } from '../../electron/services/devnet/deploy/steps/usdc';
import { WETH } from '../../electron/services/devnet/deploy/steps/weth';
import { loadDevnetArtifacts } from '../../electron/services/devnet/solidity/compileContracts';

/** The devnet's CREATE2 factory: the deployer's nonce-0 creation (asserted on a live devnet in test/devnet). */
const FACTORY = '0x6D8da4B12D658a36909ec1C75F81E54B8DB4eBf9';

describe('devnet token catalogue', () => {
  it('knows the addresses the devnet deploys its tokens at (recomputed from the compiled contracts)', async () => {
    const { artifacts } = await loadDevnetArtifacts();
    const token = artifacts.contracts.DevnetToken;
    const weth = artifacts.contracts.WrappedNative;
    if (!token || !weth) throw new Error('missing devnet artifacts');
    const create2 = (salt: string, abi: readonly unknown[], bytecode: `0x${string}`, args: unknown[]) =>
      getContractAddress({ opcode: 'CREATE2', from: FACTORY, salt: saltOf(salt), bytecode: encodeDeployData({ abi: abi as Abi, bytecode, args }) });
    expect(DEVNET_TOKEN_ADDRESSES.usdc).toBe(create2('strata.devnet.usdc', token.abi, token.bytecode, [USDC.name, USDC.symbol, USDC.decimals]));
    expect(DEVNET_TOKEN_ADDRESSES.weth).toBe(create2('strata.devnet.weth', weth.abi, weth.bytecode, [WETH.name, WETH.symbol]));
  });

  it('describes the tokens as the deploy steps create them', () => {
    expect(DEVNET_TOKENS.map((t) => [t.key, t.symbol, t.name, t.decimals])).toEqual([
      ['usdc', USDC.symbol, USDC.name, USDC.decimals],
      ['weth', WETH.symbol, WETH.name, WETH.decimals],
    ]);
  });
});
