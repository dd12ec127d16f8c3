/**
 * A transaction hash as its chain writes it, everywhere Strata stores or shows one: bare upper-case hex on Cosmos
 * (CometBFT's form, what `strata send` and the activity print), unchanged (0x hex) on EVM. A Cosmos hash journaled
 * with 0x by older versions reads back bare.
 */
export function txHashText(chain: string, hash: string): string {
  return chain.startsWith('cosmos:') ? hash.replace(/^0x/i, '').toUpperCase() : hash;
}
