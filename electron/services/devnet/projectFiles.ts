import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { StrataError } from '../../../shared/errors';

let root: string | undefined;

/**
 * The Strata checkout this code runs from: the nearest folder above this module whose package.json is named
 * "strata". Works from the sources (tsx, vitest) and from the CLI bundle in dist/cli alike.
 * @throws StrataError IO_ERROR outside a checkout (the devnet needs the checkout's contracts and node_modules)
 */
export function projectRoot(): string {
  if (root !== undefined) return root;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: unknown };
      if (pkg.name === 'strata') return (root = dir);
    } catch {
      // no package.json here, or not ours: keep walking up
    }
    if (path.dirname(dir) === dir) throw new StrataError('IO_ERROR', 'The devnet runs from a Strata checkout (package.json not found)');
  }
}

/**
 * Loads a development-only package (EDR, solc) from the checkout's node_modules at run time. Loading it through
 * createRequire keeps it out of the CLI bundle: EDR is a native addon, solc a 9 MB compiler, and neither is
 * needed until a devnet starts.
 * @throws StrataError INTERNAL when the package is not installed
 */
export function requireDevPackage<T>(name: string): T {
  const load = createRequire(path.join(projectRoot(), 'package.json'));
  try {
    return load(name) as T;
  } catch (error) {
    throw new StrataError('INTERNAL', `Cannot load ${name}: run npm install in the Strata checkout`, { cause: error });
  }
}
