/**
 * The STRATA_* environment variables the main process reads. They exist for tests and development (a temp data
 * directory, a local devnet, local stand-ins of CoinGecko and Axelar's APIs) and would let anything that can set a
 * user's environment redirect a real wallet's chains and prices: a packaged build ignores every one of them.
 */

export interface TestHooks {
  /** STRATA_DATA_DIR: moves userData (vault, settings, Chromium's profile) */
  dataDir?: string;
  /** STRATA_DEVNET=1: use the running local devnet's chains (found through STRATA_DEVNET_DIR) */
  devnet: boolean;
  /** the environment liveDevnetInfo reads the devnet's state directory from (empty when packaged) */
  devnetEnv: NodeJS.ProcessEnv;
  /** STRATA_PRICE_API_URL: a CoinGecko-compatible base URL */
  priceApiUrl?: string;
  /** STRATA_AXELAR_LCD_URL, STRATA_AXELARSCAN_URL */
  axelarApiUrls: { lcd?: string; axelarscan?: string };
}

/** Every STRATA_* variable main reads; a packaged build reads none of them. */
export const TEST_HOOK_VARIABLES = [
  'STRATA_DATA_DIR',
  'STRATA_DEVNET',
  'STRATA_DEVNET_DIR',
  'STRATA_PRICE_API_URL',
  'STRATA_AXELAR_LCD_URL',
  'STRATA_AXELARSCAN_URL',
] as const;

const nonEmpty = (value: string | undefined): string | undefined => (value === undefined || value === '' ? undefined : value);

/** The hooks in effect: all of them unset when `isPackaged` (Electron's app.isPackaged, passed in by the shell). */
export function readTestHooks(env: NodeJS.ProcessEnv, isPackaged: boolean): TestHooks {
  if (isPackaged) return { devnet: false, devnetEnv: {}, axelarApiUrls: {} };
  const devnetEnv: NodeJS.ProcessEnv = {};
  if (env.STRATA_DEVNET_DIR !== undefined) devnetEnv.STRATA_DEVNET_DIR = env.STRATA_DEVNET_DIR;
  return {
    dataDir: nonEmpty(env.STRATA_DATA_DIR),
    devnet: env.STRATA_DEVNET === '1',
    devnetEnv,
    priceApiUrl: nonEmpty(env.STRATA_PRICE_API_URL),
    axelarApiUrls: { lcd: nonEmpty(env.STRATA_AXELAR_LCD_URL), axelarscan: nonEmpty(env.STRATA_AXELARSCAN_URL) },
  };
}
