import { encodeFunctionData, getAddress, keccak256, toHex, type Abi } from 'viem';
import { StrataError } from '../../../../../shared/errors';
import { axelarArtifact } from '../../axelar/axelarArtifacts';
import { AXELAR_EXECUTE_GAS, AXELAR_GATEWAY_USDC_LIQUIDITY, AXELAR_OPERATOR_PRIVATE_KEY, AXELAR_USDC_SYMBOL } from '../../axelar/axelarSpec';
import { registerExternalTokenParams, signedExecuteInput } from '../../axelar/gatewayCommands';
import { createKeySender } from '../../layerzero/keySender';
import type { DeployStep } from '../deployStep';
import { USDC } from './usdc';

/** The id of the command registering USDC: fixed, so the gateway ignores a second registration batch. */
export const AXELAR_REGISTER_USDC_COMMAND_ID = keccak256(toHex('strata.devnet.axelar.deploy-token.USDC'));

/**
 * Registers the devnet USDC on the gateway as an EXTERNAL token "USDC" (sendToken locks it in the gateway, mintToken
 * unlocks it), through a `deployToken` command signed by the operator, and tops the gateway's USDC up to
 * AXELAR_GATEWAY_USDC_LIQUIDITY so transfers arriving from the other chain can be unlocked.
 */
export const axelarUsdcStep: DeployStep = {
  name: 'axelar-usdc',
  async run(ctx) {
    const gateway = ctx.contracts.axelarGateway;
    const usdc = ctx.contracts.usdc;
    if (!gateway || !usdc) throw new StrataError('INTERNAL', 'axelar-usdc runs after the usdc and axelar-gateway steps');
    const abi = axelarArtifact('AxelarGateway').abi as Abi;
    const registered = await ctx.read<string>(gateway, abi, 'tokenAddresses', [AXELAR_USDC_SYMBOL]);
    if (BigInt(registered) === 0n) {
      const params = registerExternalTokenParams({ name: USDC.name, symbol: AXELAR_USDC_SYMBOL, decimals: USDC.decimals, address: usdc });
      const input = await signedExecuteInput(ctx.chain.chainId, [{ commandId: AXELAR_REGISTER_USDC_COMMAND_ID, command: 'deployToken', params }], AXELAR_OPERATOR_PRIVATE_KEY);
      // Sent by the operator with a fixed gas limit: estimating an execute under-prices its command (see axelarSpec).
      const operator = createKeySender(ctx.request, ctx.chain.chainId, AXELAR_OPERATOR_PRIVATE_KEY);
      await operator.send({ to: gateway, data: encodeFunctionData({ abi, functionName: 'execute', args: [input] }), gas: AXELAR_EXECUTE_GAS });
    }
    const now = getAddress(await ctx.read<string>(gateway, abi, 'tokenAddresses', [AXELAR_USDC_SYMBOL]));
    if (now !== getAddress(usdc)) throw new StrataError('INTERNAL', `The gateway on ${ctx.chain.alias} maps USDC to ${now}, not the devnet USDC`);
    const token = ctx.artifact('DevnetToken').abi;
    const balance = await ctx.read<bigint>(usdc, token, 'balanceOf', [gateway]);
    if (balance < AXELAR_GATEWAY_USDC_LIQUIDITY) await ctx.write(usdc, token, 'mint', [gateway, AXELAR_GATEWAY_USDC_LIQUIDITY - balance]);
  },
};

