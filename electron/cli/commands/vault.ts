import { StrataError } from '../../../shared/errors';
import { assertAcceptablePassword } from '../../../shared/passwordPolicy';
import { accountViews } from '../../services/accounts/accountViews';
import { listChains } from '../../services/chains/chainRegistry';
import { generateMnemonic, parseMnemonic } from '../../services/keys/mnemonic';
import { Vault } from '../../services/vault/vault';
import { parseOptions, passwordFromEnv, requireString } from '../args';
import type { CliIo, CommandResult } from '../io';

/**
 * `strata vault init|unlock|accounts|change-password --dir <path> --json`; the password comes from STRATA_PASSWORD
 * (change-password: the new one from STRATA_NEW_PASSWORD).
 */
export async function vaultCommand(argv: string[], io: CliIo): Promise<CommandResult> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'init':
      return init(rest, io);
    case 'unlock':
      return unlock(rest, io);
    case 'accounts':
      return accounts(rest, io);
    case 'change-password':
      return changePassword(rest, io);
    default:
      throw new StrataError('INVALID_INPUT', 'Usage: strata vault init|unlock|accounts|change-password --dir <path> [--json]');
  }
}

async function init(argv: string[], io: CliIo): Promise<CommandResult> {
  const opts = parseOptions(argv, {
    dir: { type: 'string' },
    generate: { type: 'boolean' },
    words: { type: 'string' },
    'passphrase-env': { type: 'string' },
  });
  const vault = new Vault({ dir: requireString(opts.dir, 'dir') });
  const password = passwordFromEnv(io.env);
  assertAcceptablePassword(password);
  if (await vault.exists()) throw new StrataError('VAULT_EXISTS', 'A vault already exists in this directory');
  let mnemonic: string;
  if (opts.generate) {
    if (opts.words !== undefined && opts.words !== '12' && opts.words !== '24') throw new StrataError('INVALID_INPUT', '--words must be 12 or 24');
    mnemonic = generateMnemonic(opts.words === '12' ? 12 : 24);
  } else {
    if (opts.words !== undefined) throw new StrataError('INVALID_INPUT', '--words goes with --generate');
    mnemonic = parseMnemonic(await io.stdin());
  }
  const passphraseVar = opts['passphrase-env'];
  const passphrase = typeof passphraseVar === 'string' ? io.env[passphraseVar] ?? '' : '';
  await vault.create(password, { mnemonic, passphrase });
  if (opts.generate) {
    // Shown once, on the terminal only: stdout may be captured by a script or a log.
    io.stderr(`\nRecovery phrase (write it down offline; it is shown only once):\n\n  ${mnemonic}\n\n`);
  }
  const views = accountViews(vault, listChains());
  vault.lock();
  return { json: { created: true, accounts: views }, text: `Vault created with ${views.length} account.` };
}

async function unlock(argv: string[], io: CliIo): Promise<CommandResult> {
  const opts = parseOptions(argv, { dir: { type: 'string' } });
  const vault = new Vault({ dir: requireString(opts.dir, 'dir') });
  await vault.unlock(passwordFromEnv(io.env));
  const result = { unlocked: true, hasMnemonic: vault.hasMnemonic(), accountCount: vault.accounts().length };
  vault.lock();
  return { json: result, text: `Unlocked: ${result.accountCount} account(s).` };
}

async function accounts(argv: string[], io: CliIo): Promise<CommandResult> {
  const opts = parseOptions(argv, { dir: { type: 'string' } });
  const vault = new Vault({ dir: requireString(opts.dir, 'dir') });
  await vault.unlock(passwordFromEnv(io.env));
  const views = accountViews(vault, listChains());
  vault.lock();
  const text = views
    .map((a) => [`${a.label} (${a.kind})`, ...a.addresses.map((x) => `  ${x.chain.padEnd(24)} ${x.address}`)].join('\n'))
    .join('\n\n');
  return { json: { accounts: views }, text };
}

/**
 * Re-encrypts the vault under STRATA_NEW_PASSWORD (same policy as the app); the old password (STRATA_PASSWORD) then
 * opens no file in the directory. INVALID_INPUT when STRATA_NEW_PASSWORD is missing, WEAK_PASSWORD, WRONG_PASSWORD.
 */
async function changePassword(argv: string[], io: CliIo): Promise<CommandResult> {
  const opts = parseOptions(argv, { dir: { type: 'string' } });
  const dir = requireString(opts.dir, 'dir');
  const current = passwordFromEnv(io.env);
  const next = io.env.STRATA_NEW_PASSWORD;
  if (next === undefined || next.length === 0) throw new StrataError('INVALID_INPUT', 'Set STRATA_NEW_PASSWORD to the new password');
  assertAcceptablePassword(next);
  const vault = new Vault({ dir });
  await vault.unlock(current);
  try {
    await vault.changePassword(current, next);
  } finally {
    vault.lock();
  }
  return { json: { changed: true }, text: 'Password changed.' };
}
