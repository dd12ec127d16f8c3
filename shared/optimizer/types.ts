/** A square or rectangular matrix of plain numbers, row-major (`m[i][j]`). */
export type Matrix = number[][];

/**
 * Daily prices as parsed from a CSV: `prices[t][i]` is asset `assets[i]` on `dates[t]`, `null` where there is no price
 * (not listed yet, delisted, or a gap). Dates keep the text of the file.
 */
export interface PriceTable {
  dates: string[];
  assets: string[];
  prices: (number | null)[][];
}

/**
 * Simple daily returns `price[t] / price[t-1] - 1`, `null` where either price is missing (no gap filling). Rows whose
 * returns are all missing are dropped, so `dates[t]` is the date of the later price of return row `t`.
 */
export interface ReturnsTable {
  dates: string[];
  assets: string[];
  returns: (number | null)[][];
}

/** Annualized expected return, volatility and Sharpe ratio `(return - riskFreeRate) / volatility` of a portfolio. */
export interface Performance {
  expectedReturn: number;
  volatility: number;
  sharpe: number;
}

/** Portfolio weights by asset name: fractions that sum to 1 (negative where shorting is allowed). */
export type Weights = Record<string, number>;
