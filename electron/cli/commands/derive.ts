import { bytesToHex } from '@noble/hashes/utils.js';
import { addressFromPublicKey } from '../../../shared/addresses/addressFromPublicKey';
import { resolveChain } from '../../services/chains/chainRegistry';
import { deriveKey } from '../../services/keys/deriveKey';
import { bip44Path } from '../../services/keys/hdPath';
import { seedFromMnemonic } from '../../services/keys/mnemonic';
import { integerOption, parseOptions, requireString } from '../args';
import type { CliIo, CommandResult } from '../io';
import { StrataError } from '../../../shared/errors';

/**
 * `strata derive --chain <chain> [--account N] [--index N] [--passphrase-env VAR] --json`: reads a mnemonic on stdin
 * and prints the address at m/44'/<coin type>'/<account>'/0/<index>. Nothing is stored.
 */
export async function deriveCommand(argv: string[], io: CliIo): Promise<CommandResult> {
  const opts = parseOptions(argv, {
    chain: { type: 'string' },
    account: { type: 'string' },
    index: { type: 'string' },
    'passphrase-env': { type: 'string' },
  });
  const chain = resolveChain(requireString(opts.chain, 'chain'));
  const path = bip44Path(chain.coinType, integerOption(opts.index, 'index', 0), integerOption(opts.account, 'account', 0));
  let passphrase = '';
  if (opts['passphrase-env'] !== undefined) {
    const name = requireString(opts['passphrase-env'], 'passphrase-env');
    const value = io.env[name];
    if (value === undefined) throw new StrataError('INVALID_INPUT', `Environment variable ${name} is not set`);
    passphrase = value;
  }
  const seed = await seedFromMnemonic(await io.stdin(), passphrase);
  const key = deriveKey(seed, path);
  seed.fill(0);
  key.privateKey.fill(0);
  const result = { chain: chain.id, path, address: addressFromPublicKey(key.publicKey, chain), publicKey: bytesToHex(key.publicKey) };
  return { json: result, text: `${result.address}\n${result.path}  ${result.publicKey}` };
}
