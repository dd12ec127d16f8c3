import { describe, it } from 'vitest';
import type { BridgeAdapter } from '../../electron/services/bridges/bridgeAdapter';
import type { RoutingEnvironment } from '../../electron/services/routing/findRoutes';
import { routeStepRunner } from '../../electron/services/transfers/routeStepRunners';
import type { CallTransport, StepContext } from '../../electron/services/transfers/stepRunner';
import { StrataError } from '../../shared/errors';
import { asset, routeStep } from '../transfers/testSteps';
import { expectStrataError, expectStrataRejection } from '../unit/expectStrataError';

const USDC_A = asset('eip155:31337', '0x00000000000000000000000000000000000000bb', 'USDC', 6);
const USDC_B = asset('eip155:31338', '0x00000000000000000000000000000000000000bb', 'USDC', 6);
const USDC_NOBLE = asset('cosmos:noble-1', 'uusdc', 'USDC', 6);

/** An adapter that carries `from` -> `to` only and answers every quote with an error naming itself. */
function fakeAxelar(name: string, from: typeof USDC_A, to: typeof USDC_A): BridgeAdapter {
  const fail = (): never => {
    throw new StrataError('INVALID_INPUT', `quoted by ${name}`);
  };
  return {
    id: 'axelar-gateway',
    legs: (f, t) => (f.chain === from.chain && f.asset.ref === from.ref && t.chain === to.chain ? [{ provider: 'axelar-gateway', fromAsset: from, toAsset: to }] : []),
    quote: async () => fail(),
    buildSend: async () => fail(),
    trackDelivery: async () => fail(),
  };
}

function runnerFor(bridges: BridgeAdapter[], step: ReturnType<typeof routeStep>) {
  const env = { chains: [], assets: () => [], venues: [], bridges, usdPrices: {}, rpc: () => fail('no rpc') } as unknown as RoutingEnvironment;
  const transport = { chain: step.fromChain, from: '0x00000000000000000000000000000000000000A1' } as CallTransport;
  return routeStepRunner(step, { env, transportFor: () => transport, wethOf: () => '0x0000000000000000000000000000000000000000' });
}

function fail(message: string): never {
  throw new Error(message);
}

const ctx = (step: ReturnType<typeof routeStep>): StepContext => ({
  transferId: 't1',
  step,
  record: { calls: [] } as unknown as StepContext['record'],
  amountIn: 5_000_000n,
  confirmed: [],
});

describe('routeStepRunner picks the adapter that carries the step when two share a provider id', () => {
  const evm = fakeAxelar('evm-to-evm', USDC_A, USDC_B);
  const cosmos = fakeAxelar('evm-to-cosmos', USDC_A, USDC_NOBLE);

  it('EVM -> EVM and EVM -> Cosmos steps go to their own adapter, whatever the order in the environment', async () => {
    const toB = routeStep('bridge', 'axelar-gateway', USDC_A, USDC_B, 5_000_000n);
    const toNoble = routeStep('bridge', 'axelar-gateway', USDC_A, USDC_NOBLE, 5_000_000n);
    for (const bridges of [[evm, cosmos], [cosmos, evm]]) {
      await expectStrataRejection(runnerFor(bridges, toB).nextCall(ctx(toB)), 'INVALID_INPUT', /^quoted by evm-to-evm$/);
      await expectStrataRejection(runnerFor(bridges, toNoble).nextCall(ctx(toNoble)), 'INVALID_INPUT', /^quoted by evm-to-cosmos$/);
    }
  });

  it('falls back to the first adapter of the id when none has the leg, and refuses an id no adapter has', async () => {
    const toB = routeStep('bridge', 'axelar-gateway', USDC_A, USDC_B, 5_000_000n);
    await expectStrataRejection(runnerFor([cosmos], toB).nextCall(ctx(toB)), 'INVALID_INPUT', /^quoted by evm-to-cosmos$/);
    expectStrataError(() => runnerFor([evm], routeStep('bridge', 'layerzero-oft', USDC_A, USDC_B, 1n)), 'INVALID_INPUT', /No bridge "layerzero-oft"/);
  });
});
