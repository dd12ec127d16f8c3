import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { editToml, genesisSubcommand } from './support/localSimd';

/** Excerpts of what `simd init` writes (CometBFT 0.38 config.toml, SDK 0.50 app.toml). */
const CONFIG_TOML = `proxy_app = "tcp://127.0.0.1:26658"
moniker = "strata-node"

[rpc]
laddr = "tcp://127.0.0.1:26657"
cors_allowed_origins = []
pprof_laddr = "localhost:6060"

[p2p]
laddr = "tcp://0.0.0.0:26656"
external_address = ""

[consensus]
timeout_propose = "3s"
timeout_commit = "5s"

[tx_index]
indexer = "kv"
`;

const APP_TOML = `minimum-gas-prices = ""
pruning = "default"

[api]
enable = false
address = "tcp://localhost:1317"

[grpc]
enable = true
address = "localhost:9090"

[grpc-web]
enable = true
`;

describe('local simd setup helpers (for the live tests)', () => {
  it('edits TOML keys per section and leaves the rest alone', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'strata-toml-'));
    try {
      const config = join(dir, 'config.toml');
      const app = join(dir, 'app.toml');
      await writeFile(config, CONFIG_TOML);
      await writeFile(app, APP_TOML);
      await editToml(config, {
        rpc: { laddr: '"tcp://127.0.0.1:40001"', pprof_laddr: '""' },
        p2p: { laddr: '"tcp://127.0.0.1:40002"' },
        consensus: { timeout_commit: '"500ms"' },
      });
      await editToml(app, { '': { 'minimum-gas-prices': '"0.0025stake"' }, 'grpc-web': { enable: 'false' } });
      expect(await readFile(config, 'utf8')).toBe(
        CONFIG_TOML.replace('laddr = "tcp://127.0.0.1:26657"', 'laddr = "tcp://127.0.0.1:40001"')
          .replace('pprof_laddr = "localhost:6060"', 'pprof_laddr = ""')
          .replace('laddr = "tcp://0.0.0.0:26656"', 'laddr = "tcp://127.0.0.1:40002"')
          .replace('timeout_commit = "5s"', 'timeout_commit = "500ms"'),
      );
      expect(await readFile(app, 'utf8')).toBe(
        APP_TOML.replace('minimum-gas-prices = ""', 'minimum-gas-prices = "0.0025stake"').replace(
          '[grpc-web]\nenable = true',
          '[grpc-web]\nenable = false',
        ),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('finds the genesis subcommand of SDK 0.47+ binaries only', () => {
    const sdk050 = 'Available Commands:\n  comet       CometBFT subcommands\n  config      Utilities for managing application configuration\n  genesis     Application\'s genesis-related subcommands\n  init        Initialize private validator\n';
    const sdk045 = 'Available Commands:\n  add-genesis-account Add a genesis account to genesis.json\n  collect-gentxs      Collect genesis txs and output a genesis.json file\n  gentx               Generate a genesis tx carrying a self delegation\n';
    expect(genesisSubcommand(sdk050)).toEqual(['genesis']);
    expect(genesisSubcommand(sdk045)).toEqual([]);
  });
});
