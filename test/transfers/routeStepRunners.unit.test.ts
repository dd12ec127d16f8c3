import { describe, expect, it } from 'vitest';
import { requiredMinimum } from '../../electron/services/transfers/routeStepRunners';
import { asset, routeStep } from './testSteps';

const SBT = asset('eip155:31337', '0x00000000000000000000000000000000000000aa', 'SBT');
const USDC = asset('eip155:31337', '0x00000000000000000000000000000000000000bb', 'USDC', 6);

describe('requiredMinimum: the reviewed minimum for the actual input', () => {
  const step = { ...routeStep('swap', 'uniswap-v2', SBT, USDC, 1_000n), amountOut: '3000', minAmountOut: '2985' };

  it('is the reviewed minimum itself when the input is the reviewed one', () => {
    expect(requiredMinimum(step, 1_000n)).toBe(2_985n);
  });

  it('scales with the input, rounded up (never weaker than reviewed)', () => {
    // 2985 × 999 / 1000 = 2982.015 -> 2983; 2985 × 1001 / 1000 = 2987.985 -> 2988; 2985 × 2 = 5970 exactly.
    expect(requiredMinimum(step, 999n)).toBe(2_983n);
    expect(requiredMinimum(step, 1_001n)).toBe(2_988n);
    expect(requiredMinimum(step, 2_000n)).toBe(5_970n);
  });
});
