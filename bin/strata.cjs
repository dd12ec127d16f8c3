#!/usr/bin/env node
'use strict';
// The CLI is bundled by `npm run build` into dist/cli/strata.cjs.
const path = require('node:path');
const bundle = path.join(__dirname, '..', 'dist', 'cli', 'strata.cjs');
try {
  require.resolve(bundle);
} catch {
  process.stderr.write('strata: the CLI is not built yet: run `npm run build` first\n');
  process.exit(70);
}
require(bundle).runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
