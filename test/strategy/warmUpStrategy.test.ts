import { expect, it } from 'vitest';
import { StrategyObjective } from '../../shared/domain/strategy';
import { warmUpStrategy } from '../../shared/strategy/warmUpStrategy';

it('the start-up warm-up computes the Strategy page for every objective, with and without the stablecoin share', () => {
  expect(warmUpStrategy()).toEqual(StrategyObjective.options.flatMap((o) => [o, o]));
});
