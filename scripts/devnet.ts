/**
 * `npm run devnet [-- --ports A,B] [--interval-ms N] [--state-dir D]`: runs the two devnet chains in the foreground
 * until Ctrl-C, published in the state directory so `strata devnet status|stop` and the app see them.
 * Also the process `strata devnet start` launches when the CLI runs from its TypeScript sources.
 */
import { devnetCommand } from '../electron/cli/commands/devnet';
import { processIo, reportError } from '../electron/cli/io';

const argv = process.argv.slice(2);
const json = argv.includes('--json');
devnetCommand(['serve', ...argv], processIo).then(
  (result) => {
    processIo.stdout((json ? JSON.stringify(result.json) : result.text) + '\n');
  },
  (error: unknown) => {
    process.exitCode = reportError(processIo, error, json);
  },
);
