import { describe, it } from 'vitest';
import type { BridgeAdapter } from '../../electron/services/bridges/bridgeAdapter';
import type { RoutingEnvironment } from '../../electron/services/routing/findRoutes';
import { journaledStepAdapter, routeStepRunner } from '../../electron/services/transfers/routeStepRunners';
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
    deliveredAmount: () => fail(),
  };
}

function runnerFor(bridges: BridgeAdapter[], step: ReturnType<typeof routeStep>) {
  const env = { chains: [], assets: () => [], venues: [], bridges, usdPrices: {}, rpc: () => fail('no rpc') } as unknown as RoutingEnvironment;
  const transport = { chain: step.fromChain, from: '0x00000000000000000000000000000000000000A1' } as CallTransport;
  return routeStepRunner(step, journaledStepAdapter(step, env), { env, transportFor: () => transport });
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

describe('a journaled step (a resume) runs on the adapter that carries it when two share a provider id', () => {
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

  it('never guesses: an adapter of the id without the leg, or no adapter of the id, is refused before any quote', () => {
    const toB = routeStep('bridge', 'axelar-gateway', USDC_A, USDC_B, 5_000_000n);
    expectStrataError(() => runnerFor([cosmos], toB), 'INVALID_INPUT', /^No axelar-gateway bridge carries USDC from eip155:31337 to eip155:31338 here$/);
    expectStrataError(() => runnerFor([evm], routeStep('bridge', 'layerzero-oft', USDC_A, USDC_B, 1n)), 'INVALID_INPUT', /^No layerzero-oft bridge carries USDC/);
  });

  it('a planned step runs on the adapter its plan names, and one of another kind or provider is refused', async () => {
    const toB = routeStep('bridge', 'axelar-gateway', USDC_A, USDC_B, 5_000_000n);
    const transport = { chain: toB.fromChain, from: '0x00000000000000000000000000000000000000A1' } as CallTransport;
    const env = { chains: [], assets: () => [], venues: [], bridges: [evm, cosmos], usdPrices: {}, rpc: () => fail('no rpc') } as unknown as RoutingEnvironment;
    const options = { env, transportFor: () => transport };
    // The plan's adapter is used as it is, even one the environment would not pick for this leg.
    await expectStrataRejection(routeStepRunner(toB, { kind: 'bridge', bridge: cosmos }, options).nextCall(ctx(toB)), 'INVALID_INPUT', /^quoted by evm-to-cosmos$/);
    expectStrataError(() => routeStepRunner(toB, { kind: 'bridge', bridge: { ...evm, id: 'layerzero-oft' } }, options), 'INTERNAL', /^A axelar-gateway step was given the layerzero-oft adapter$/);
    const swap = routeStep('swap', 'uniswap-v2', USDC_A, USDC_A, 1n);
    expectStrataError(() => routeStepRunner(swap, { kind: 'bridge', bridge: evm }, options), 'INTERNAL', /^A swap step was given a bridge adapter$/);
  });
});
