import { parseArgs, type ParseArgsConfig } from 'node:util';
import { StrataError } from '../../shared/errors';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Joins a value that starts with a minus sign and a digit (`--bounds -1,1`, `--risk-free -0.01`) to the option
 * before it when that option takes a value: a negative number is a value, where node's parseArgs would read it as an
 * option and refuse it as ambiguous.
 */
export function joinNegativeValues(argv: readonly string[], options: Options): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] as string;
    const next = argv[i + 1];
    const name = token.startsWith('--') && !token.includes('=') ? token.slice(2) : null;
    if (name !== null && options[name]?.type === 'string' && next !== undefined && /^-(\d|\.\d)/.test(next)) {
      out.push(`${token}=${next}`);
      i += 1;
    } else {
      out.push(token);
    }
  }
  return out;
}

/** Strict option parsing: an unknown flag or a missing value is INVALID_INPUT, never silently ignored. */
export function parseOptions<O extends Options>(argv: string[], options: O) {
  try {
    return parseArgs({ args: joinNegativeValues(argv, options), options: { ...options, json: { type: 'boolean' } }, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new StrataError('INVALID_INPUT', error instanceof Error ? error.message.split('\n')[0] ?? 'Bad arguments' : 'Bad arguments');
  }
}

export function requireString(value: unknown, flag: string): string {
  if (typeof value !== 'string' || value.length === 0) throw new StrataError('INVALID_INPUT', `Missing --${flag}`);
  return value;
}

/** A non-negative integer option (BIP-32 indexes), defaulting when absent. */
export function integerOption(value: unknown, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !/^[0-9]{1,10}$/.test(value) || Number(value) >= 2 ** 31) {
    throw new StrataError('INVALID_INPUT', `--${flag} must be an integer from 0 to 2147483647`);
  }
  return Number(value);
}

export function passwordFromEnv(env: NodeJS.ProcessEnv): string {
  const password = env.STRATA_PASSWORD;
  if (!password) throw new StrataError('INVALID_INPUT', 'Set the vault password in the STRATA_PASSWORD environment variable');
  return password;
}
