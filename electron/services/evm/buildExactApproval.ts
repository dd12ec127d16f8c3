import { encodeFunctionData, erc20Abi, maxUint256 } from 'viem';
import { StrataError } from '../../../shared/errors';
import { checkAddress, checkAmount, type Address, type EvmCall } from './evmCall';

/** Gas of an ERC-20 approve at most, for fee estimates (writing the first allowance slot uses about 46k). */
export const EXACT_APPROVAL_GAS = 60_000n;

/**
 * `token.approve(spender, amount)` for exactly the amount a swap or bridge will pull, never an unlimited allowance: after the
 * swap the allowance is back to 0, so a compromised or buggy router or bridge cannot take more later.
 * @throws StrataError INVALID_ADDRESS; INVALID_AMOUNT for 0, more than uint256, or 2^256-1 (the usual "unlimited")
 */
export function buildExactApproval(token: Address, spender: Address, amount: bigint): EvmCall {
  checkAmount(amount, 'The amount to approve');
  if (amount === maxUint256) throw new StrataError('INVALID_AMOUNT', 'Strata never builds an unlimited token approval');
  const data = encodeFunctionData({ abi: erc20Abi, functionName: 'approve', args: [checkAddress(spender, 'The spender'), amount] });
  return { to: checkAddress(token, 'The token'), data, value: 0n };
}
