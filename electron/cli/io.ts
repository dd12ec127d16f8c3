import { StrataError, toErrorPayload } from '../../shared/errors';
import type { LedgerConnector } from '../services/ledger/openLedgerTransport';

/** What a command returns: the JSON value printed with --json, and the human text otherwise. */
export interface CommandResult {
  json: unknown;
  text: string;
}

export interface CliIo {
  stdin: () => Promise<string>;
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Tests running the CLI in-process may hand it a Ledger (the software device); otherwise USB or the replay. */
  ledger?: LedgerConnector;
}

export const processIo: CliIo = {
  stdin: readAllStdin,
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

async function readAllStdin(): Promise<string> {
  if (process.stdin.isTTY) {
    throw new StrataError('INVALID_INPUT', 'Expected the recovery phrase on standard input (pipe it in)');
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Exit codes: 0 success, 1 a StrataError (bad input, wrong password, ...), 2 usage, 70 internal. */
export function exitCodeFor(error: unknown): number {
  if (!(error instanceof StrataError)) return 70;
  return error.code === 'INVALID_INPUT' || error.code === 'UNKNOWN_METHOD' ? 2 : 1;
}

/** Prints an error the documented way: one line on stderr, and `{"error": {code, message}}` on stdout with --json. */
export function reportError(io: CliIo, error: unknown, json: boolean): number {
  const payload = toErrorPayload(error);
  io.stderr(`strata: ${payload.code}: ${payload.message}\n`);
  if (json) io.stdout(JSON.stringify({ error: payload }) + '\n');
  return exitCodeFor(error);
}
