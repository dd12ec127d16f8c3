import type { ChainInfo } from '../../../shared/domain/chain';
import { StrataError } from '../../../shared/errors';
import { resolveChain } from '../../services/chains/chainRegistry';
import { getCosmosLedgerAddress } from '../../services/ledger/ledgerCosmos';
import { getEvmLedgerAddress, type LedgerAddress } from '../../services/ledger/ledgerEth';
import { ledgerAccountPath } from '../../services/ledger/ledgerPath';
import { ledgerConnector, type LedgerConnector } from '../../services/ledger/openLedgerTransport';
import { Vault } from '../../services/vault/vault';
import { integerOption, parseOptions, passwordFromEnv, requireString } from '../args';
import type { CliIo, CommandResult } from '../io';

export const LEDGER_USAGE = `  ledger address --chain <chain> [--path <path> | --index N] [--verify]
                                           an address read from the Ledger (Ethereum or Cosmos app);
                                           --verify shows it on the device first
  ledger add --dir <path> --chain <chain> [--path <path> | --index N] [--label L] [--verify]
                                           add that Ledger account to the vault (STRATA_PASSWORD)`;

/** The CLI's Ledger: the one the in-process caller gave, else USB, or STRATA_LEDGER_REPLAY (the CLI allows it). */
export function cliLedger(io: CliIo): LedgerConnector {
  return io.ledger ?? ledgerConnector({ env: io.env, allowTestHooks: true });
}

/** The chain's family, coin type and bech32 prefix; devnet chains are EVM chains on coin type 60. */
function ledgerChain(name: string): Pick<ChainInfo, 'id' | 'family' | 'coinType' | 'bech32Prefix'> {
  try {
    return resolveChain(name);
  } catch (error) {
    const devnet = /^(devnet-[ab]|eip155:\d{1,19})$/.exec(name.trim());
    if (!devnet) throw error;
    return { id: name.startsWith('eip155:') ? (name as ChainInfo['id']) : name === 'devnet-a' ? 'eip155:31337' : 'eip155:31338', family: 'evm', coinType: 60, bech32Prefix: null };
  }
}

async function readAddress(io: CliIo, opts: Record<string, unknown>): Promise<{ chain: ReturnType<typeof ledgerChain>; account: LedgerAddress }> {
  const chain = ledgerChain(requireString(opts.chain, 'chain'));
  if (opts.path !== undefined && opts.index !== undefined) throw new StrataError('INVALID_INPUT', 'Give --path or --index, not both');
  const path = opts.path !== undefined ? requireString(opts.path, 'path') : ledgerAccountPath(chain.coinType, integerOption(opts.index, 'index', 0));
  const verify = opts.verify === true;
  const transport = await cliLedger(io)();
  try {
    if (verify) io.stderr('Check the address on the Ledger and approve it there\n');
    const account =
      chain.family === 'evm'
        ? await getEvmLedgerAddress(transport, path, verify)
        : await getCosmosLedgerAddress(transport, path, chain.bech32Prefix ?? '', verify);
    return { chain, account };
  } finally {
    await transport.close().catch(() => undefined);
  }
}

/**
 * `strata ledger address --chain <chain> [--path P | --index N] [--verify] --json` prints {"address","publicKey","path"};
 * `strata ledger add --dir D --chain <chain> [--path P | --index N] [--label L] [--verify] --json` stores that account
 * (no secret) in the vault and prints the account record.
 */
export async function ledgerCommand(argv: string[], io: CliIo): Promise<CommandResult> {
  const [sub, ...rest] = argv;
  const opts = parseOptions(rest, {
    chain: { type: 'string' },
    path: { type: 'string' },
    index: { type: 'string' },
    verify: { type: 'boolean' },
    dir: { type: 'string' },
    label: { type: 'string' },
  });
  if (sub === 'address') {
    const { account } = await readAddress(io, opts);
    return { json: account, text: `${account.address}\n${account.path}  ${account.publicKey}` };
  }
  if (sub === 'add') {
    const dir = requireString(opts.dir, 'dir');
    const vault = new Vault({ dir });
    await vault.unlock(passwordFromEnv(io.env));
    try {
      const { chain, account } = await readAddress(io, opts);
      const record = await vault.addLedger(
        { family: chain.family, chain: chain.family === 'evm' ? null : chain.id, path: account.path, address: account.address, publicKey: account.publicKey },
        opts.label as string | undefined,
      );
      return { json: { id: record.id, label: record.label, kind: record.kind, ...account }, text: `${record.label} (${record.id}): ${account.address} on ${account.path}` };
    } finally {
      vault.lock();
    }
  }
  throw new StrataError('INVALID_INPUT', 'Usage: strata ledger address|add --chain <chain> [--path <path> | --index N] [--verify]');
}
