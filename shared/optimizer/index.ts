/** Strata's portfolio optimizer: pure TypeScript, runs in the main process, a Web Worker or the CLI. */
export { parsePrices, MAX_ASSETS, MAX_PRICE_ROWS } from './parsePrices';
export { dailyReturns, validateReturns, MIN_RETURNS_PER_ASSET, MIN_OVERLAP } from './dailyReturns';
export { expectedReturns, DEFAULT_FREQUENCY, DEFAULT_EMA_SPAN, type ExpectedReturnsOptions, type ReturnsMethod } from './expectedReturns';
export { riskModel, ledoitWolf, fixNonPositiveSemidefinite, DEFAULT_EXP_COV_SPAN, type RiskModelOptions, type RiskModelMethod } from './riskModel';
export { compileConstraints, type PortfolioConstraints } from './constraints';
export { optimize, OBJECTIVES, DEFAULT_RISK_FREE_RATE, DEFAULT_RISK_AVERSION, type Objective, type OptimizeInput, type OptimizeResult } from './optimize';
export { efficientFrontier, MAX_FRONTIER_POINTS, type Frontier, type FrontierInput, type FrontierPoint } from './efficientFrontier';
export { portfolioPerformance, weightVector, weightRecord } from './performance';
export { riskParityWeights, riskContributions } from './riskParity';
export { hrpWeights, type HrpResult, type HrpSource } from './hrp';
export {
  blackLitterman,
  blackLittermanWeights,
  marketImpliedPriorReturns,
  marketImpliedRiskAversion,
  type BlackLittermanInput,
  type BlackLittermanResult,
  type BlackLittermanViews,
} from './blackLitterman';
export { optimizerError, optimizerErrorCode, type OptimizerErrorKind } from './errors';
export type { Matrix, Performance, PriceTable, ReturnsTable, Weights } from './types';
