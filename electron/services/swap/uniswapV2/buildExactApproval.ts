import { encodeFunctionData, maxUint256 } from 'viem';
import { StrataError } from '../../../../shared/errors';
import { ERC20_APPROVE_ABI } from './uniswapV2Abi';
import { checkAddress, checkAmount, type Address, type EvmCall } from './uniswapV2Types';

/**
 * `token.approve(spender, amount)` for exactly the amount a swap will pull, never an unlimited allowance: after the
 * swap the allowance is back to 0, so a compromised or buggy router cannot take more later.
 * @throws StrataError INVALID_ADDRESS; INVALID_AMOUNT for 0, more than uint256, or 2^256-1 (the usual "unlimited")
 */
export function buildExactApproval(token: Address, spender: Address, amount: bigint): EvmCall {
  checkAmount(amount, 'The amount to approve');
  if (amount === maxUint256) throw new StrataError('INVALID_AMOUNT', 'Strata never builds an unlimited token approval');
  const data = encodeFunctionData({ abi: ERC20_APPROVE_ABI, functionName: 'approve', args: [checkAddress(spender, 'The spender'), amount] });
  return { to: checkAddress(token, 'The token'), data, value: 0n };
}
