import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The CLI-binary and browser tests run the built bundles. `scripts/test.sh` builds before testing; a bare
 * `npm test` on a fresh checkout builds here once instead of failing.
 */
export default function setup(): void {
  const root = join(__dirname, '..', '..');
  const needed = ['dist/cli/strata.cjs', 'dist/renderer/index.html', 'dist/renderer/secure.html', 'dist/main/main.cjs'];
  if (needed.every((file) => existsSync(join(root, file)))) return;
  console.log('globalSetup: dist/ is incomplete, running npm run build');
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
}
