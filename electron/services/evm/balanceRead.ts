export type { BalanceRead } from '../chains/chainAdapter';
