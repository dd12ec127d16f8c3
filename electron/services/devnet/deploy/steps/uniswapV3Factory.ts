import { encodeFunctionData, type Abi } from 'viem';
import { StrataError } from '../../../../../shared/errors';
import { createKeySender } from '../../layerzero/keySender';
import { loadUniswapV3Artifacts } from '../../uniswap/uniswapV3Artifacts';
import { UNISWAP_V3_DEPLOYER_ADDRESS, UNISWAP_V3_DEPLOYER_PRIVATE_KEY, UNISWAP_V3_FACTORY_ADDRESS, UNISWAP_V3_KEY_FUNDING_WEI } from '../../uniswap/uniswapV3Spec';
import type { DeployStep } from '../deployStep';

/**
 * UniswapV3Factory (v3-core 1.0.0, precompiled) created by the Uniswap V3 deployer key at nonce 0, which owns it and
 * enables the 0.01% tier (enableFeeAmount(100, 1)) as mainnet's governance did: tiers 100/500/3000/10000.
 */
export const uniswapV3FactoryStep: DeployStep = {
  name: 'uniswap-v3-factory',
  async run(ctx) {
    const { factory } = loadUniswapV3Artifacts();
    const owner = createKeySender(ctx.request, ctx.chain.chainId, UNISWAP_V3_DEPLOYER_PRIVATE_KEY);
    const topUp = async () => {
      const balance = BigInt(await ctx.request<string>('eth_getBalance', [UNISWAP_V3_DEPLOYER_ADDRESS, 'latest']));
      if (balance < UNISWAP_V3_KEY_FUNDING_WEI / 2n) await ctx.send({ to: UNISWAP_V3_DEPLOYER_ADDRESS, value: UNISWAP_V3_KEY_FUNDING_WEI - balance });
    };
    if (!(await ctx.hasCode(UNISWAP_V3_FACTORY_ADDRESS))) {
      const used = BigInt(await ctx.request<string>('eth_getTransactionCount', [UNISWAP_V3_DEPLOYER_ADDRESS, 'latest']));
      if (used !== 0n) throw new StrataError('INTERNAL', `The Uniswap V3 deployer is at nonce ${used} on ${ctx.chain.alias}, the factory needs 0`);
      await topUp();
      await owner.send({ data: factory.bytecode });
      if (!(await ctx.hasCode(UNISWAP_V3_FACTORY_ADDRESS))) throw new StrataError('INTERNAL', `UniswapV3Factory is not at its predicted address ${UNISWAP_V3_FACTORY_ADDRESS}`);
      ctx.log(`${ctx.chain.alias}: UniswapV3Factory deployed at ${UNISWAP_V3_FACTORY_ADDRESS}`);
    }
    if ((await ctx.read<number>(UNISWAP_V3_FACTORY_ADDRESS, factory.abi, 'feeAmountTickSpacing', [100])) === 0) {
      await topUp();
      await owner.send({ to: UNISWAP_V3_FACTORY_ADDRESS, data: encodeFunctionData({ abi: factory.abi as Abi, functionName: 'enableFeeAmount', args: [100, 1] }) });
    }
    ctx.contracts.uniswapV3Factory = UNISWAP_V3_FACTORY_ADDRESS;
  },
};
