import { listChains } from '../../services/chains/chainRegistry';
import { parseOptions } from '../args';
import type { CliIo, CommandResult } from '../io';
import { chainsRpcCommand } from './chainsRpc';

/** `strata chains [--json]`: the built-in chains; `strata chains rpc|set-rpc …`: a chain's RPC endpoints (chainsRpc.ts). */
export async function chainsCommand(argv: string[], io: CliIo): Promise<CommandResult> {
  const [sub, ...rest] = argv;
  if (sub === 'rpc' || sub === 'set-rpc') return chainsRpcCommand(sub, rest, io);
  parseOptions(argv, {});
  const chains = listChains().map((c) => ({
    id: c.id,
    alias: c.alias,
    name: c.name,
    family: c.family,
    nativeAsset: c.nativeAsset.symbol,
    denom: c.nativeAsset.denom,
    decimals: c.nativeAsset.decimals,
    bech32Prefix: c.bech32Prefix,
    coinType: c.coinType,
  }));
  const text = chains
    .map((c) => `${c.alias.padEnd(10)} ${c.id.padEnd(24)} ${c.family.padEnd(7)} ${c.nativeAsset.padEnd(5)} ${String(c.decimals).padStart(2)}  coin ${c.coinType}${c.bech32Prefix ? `  ${c.bech32Prefix}` : ''}`)
    .join('\n');
  return { json: { chains }, text };
}
