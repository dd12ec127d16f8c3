/**
 * `strata ledger address|add` and `strata send --account <Ledger account>`, in-process: the published getAddress
 * exchange through STRATA_LEDGER_REPLAY, and devnet sends signed on the software device (approve, reject, locked,
 * blind signing off), checked on the chain.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JsonRpcProvider, Transaction } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../electron/cli/io';
import { runCli } from '../../electron/cli/main';
import { DEVNET_MNEMONIC } from '../../electron/services/devnet/devnetSpec';
import { startDevnet, type Devnet } from '../../electron/services/devnet/startDevnet';
import type { LedgerTransport } from '../../electron/services/ledger/openLedgerTransport';
import { hostedDevnetStateDir } from '../support/devnetKit';
import { LedgerDeviceEmulator } from '../support/ledgerDeviceEmulator';

const PASSWORD = 'correct horse battery';
const FIXTURES = join(__dirname, '..', 'fixtures', 'ledger');

let devnet: Devnet;
let env: Record<string, string>;
let vaultDir: string;
let device: LedgerDeviceEmulator;
let provider: JsonRpcProvider;

async function cli(argv: string[], options: { stdin?: string; env?: Record<string, string>; ledger?: boolean } = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdin: async () => options.stdin ?? '',
    env: options.env ?? env,
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    ledger: options.ledger === false ? undefined : async () => device as unknown as LedgerTransport,
  };
  const code = await runCli([...argv, '--json'], io);
  return { code, stderr, json: JSON.parse(stdout.trim().split('\n').pop() ?? 'null') as Record<string, unknown> };
}
const errorOf = (out: { json: Record<string, unknown> }) => out.json.error as { code: string; message: string } | undefined;

beforeAll(async () => {
  devnet = await startDevnet();
  const stateDir = await hostedDevnetStateDir(devnet, 'strata-ledger-devnet-');
  vaultDir = join(await mkdtemp(join(tmpdir(), 'strata-ledger-cli-')), 'vault');
  env = { STRATA_DEVNET_DIR: stateDir, STRATA_PASSWORD: PASSWORD };
  expect((await cli(['vault', 'init', '--dir', vaultDir], { stdin: DEVNET_MNEMONIC, ledger: false })).code).toBe(0);
  device = new LedgerDeviceEmulator(DEVNET_MNEMONIC);
  provider = new JsonRpcProvider(devnet.chains[0].rpc, undefined, { cacheTimeout: -1 });
});
afterAll(async () => {
  provider?.destroy();
  await devnet?.stop();
});

describe('strata ledger address with STRATA_LEDGER_REPLAY (hw-app-eth\'s published getAddress exchange)', () => {
  it("prints the published address and public key for 44'/60'/0'/0'/0", async () => {
    const out = await cli(['ledger', 'address', '--chain', 'ethereum', '--path', "44'/60'/0'/0'/0"], {
      env: { STRATA_LEDGER_REPLAY: join(FIXTURES, 'eth-getAddress.apdus') },
      ledger: false,
    });
    expect(out.code).toBe(0);
    expect(out.json).toEqual({
      address: '0xCbA98362e199c41E1864D0923AF9646d3A648451',
      publicKey: '03df00ad3869baad7ce54f4d560ba7f268d542df8f2679a5898d78a690c3db8f98',
      path: "44'/60'/0'/0'/0",
    });
  });

  it('--path and --index together are refused', async () => {
    const out = await cli(['ledger', 'address', '--chain', 'ethereum', '--path', "44'/60'/0'/0/0", '--index', '1']);
    expect(out.code).toBe(2);
    expect(errorOf(out)?.code).toBe('INVALID_INPUT');
  });
});

describe('the built CLI (dist/cli/strata.cjs, after npm run build)', () => {
  const root = join(__dirname, '..', '..');
  const bundle = join(root, 'dist', 'cli', 'strata.cjs');

  it('replays the published getAddress exchange as a separate process, and leaves node-hid to run-time require', async () => {
    expect(existsSync(bundle), 'dist/cli/strata.cjs is missing: run `npm run build` before the tests').toBe(true);
    const { stdout } = await promisify(execFile)(process.execPath, [join(root, 'bin', 'strata.cjs'), 'ledger', 'address', '--chain', 'ethereum', '--path', "44'/60'/0'/0'/0", '--json'], {
      env: { ...process.env, STRATA_LEDGER_REPLAY: join(FIXTURES, 'eth-getAddress.apdus') },
    });
    expect(JSON.parse(stdout)).toEqual({
      address: '0xCbA98362e199c41E1864D0923AF9646d3A648451',
      publicKey: '03df00ad3869baad7ce54f4d560ba7f268d542df8f2679a5898d78a690c3db8f98',
      path: "44'/60'/0'/0'/0",
    });
    // node-hid is native: external in the bundle, its loader (pkg-prebuilds) not bundled
    const text = await readFile(bundle, 'utf8');
    expect(text).toContain('require("node-hid")');
    expect(text).not.toContain('pkg-prebuilds');
  });
});

describe('a Ledger account in the vault, sending on the devnet from the software device', () => {
  const recipient = () => devnet.accounts[12] as string;
  let ledgerAddress: string;

  it('ledger add --index 7 stores the device\'s account 7 (the devnet\'s funded account 7), with --verify shown on the device', async () => {
    const out = await cli(['ledger', 'add', '--dir', vaultDir, '--chain', 'devnet-a', '--index', '7', '--verify']);
    expect(out.code).toBe(0);
    ledgerAddress = devnet.accounts[7] as string;
    expect(out.json).toMatchObject({ label: 'Ledger 1', kind: 'ledger', address: ledgerAddress, path: "44'/60'/0'/0/7" });
    expect(device.requests).toEqual([{ kind: 'show-address', app: 'Ethereum', path: "44'/60'/0'/0/7", address: ledgerAddress.toLowerCase() }]);
    const accounts = await cli(['vault', 'accounts', '--dir', vaultDir], { ledger: false });
    const listed = JSON.stringify(accounts.json);
    expect(listed).toContain(ledgerAddress);
    // adding it twice is refused
    expect(errorOf(await cli(['ledger', 'add', '--dir', vaultDir, '--chain', 'devnet-a', '--index', '7']))?.code).toBe('DUPLICATE_ACCOUNT');
  });

  it('ledger add --chain cosmoshub reads the Cosmos app (wrong app open first: LEDGER_APP_NOT_OPEN naming it)', async () => {
    const wrong = await cli(['ledger', 'add', '--dir', vaultDir, '--chain', 'cosmoshub']);
    expect(errorOf(wrong)).toEqual({ code: 'LEDGER_APP_NOT_OPEN', message: 'Open the Cosmos app on the Ledger and try again' });
    device.app = 'Cosmos';
    try {
      const out = await cli(['ledger', 'add', '--dir', vaultDir, '--chain', 'cosmoshub', '--label', 'Hub']);
      expect(out.code).toBe(0);
      // the test mnemonic's Cosmos address, as the vault derives it for its own HD account 0
      const derived = await cli(['derive', '--chain', 'cosmoshub', '--index', '0'], { stdin: DEVNET_MNEMONIC, ledger: false });
      expect(out.json).toMatchObject({ label: 'Hub', kind: 'ledger', address: derived.json.address, publicKey: derived.json.publicKey, path: "44'/118'/0'/0/0" });
    } finally {
      device.app = 'Ethereum';
    }
  });

  it('send --account "Ledger 1" is signed on the device: the mined transaction is exactly the one the device was shown', async () => {
    const before = await provider.getBalance(recipient());
    device.requests.length = 0;
    const sent = await cli(['send', '--dir', vaultDir, '--chain', 'devnet-a', '--to', recipient(), '--amount', '0.25', '--account', 'Ledger 1', '--yes']);
    expect(sent.code).toBe(0);
    expect(sent.json.status).toBe('confirmed');
    expect(sent.stderr).toContain('Review and approve the transaction on the Ledger');
    expect((await provider.getBalance(recipient())) - before).toBe(250_000_000_000_000_000n);
    const mined = await provider.getTransaction(sent.json.hash as string);
    expect(mined?.from).toBe(ledgerAddress);
    const shown = Transaction.from(mined as never);
    expect(device.requests).toEqual([{ kind: 'sign-evm', path: "44'/60'/0'/0/7", unsigned: shown.unsignedSerialized }]);
  });

  it('rejected on the device: LEDGER_REJECTED, nothing broadcast (nonce and balance unchanged)', async () => {
    const nonce = await provider.getTransactionCount(ledgerAddress);
    const balance = await provider.getBalance(ledgerAddress);
    device.decide = () => false;
    try {
      const out = await cli(['send', '--dir', vaultDir, '--chain', 'devnet-a', '--to', recipient(), '--amount', '0.25', '--account', 'Ledger 1', '--yes']);
      expect(out.code).toBe(1);
      expect(errorOf(out)).toEqual({ code: 'LEDGER_REJECTED', message: 'The request was rejected on the Ledger: nothing was signed or sent' });
    } finally {
      device.decide = () => true;
    }
    expect(await provider.getTransactionCount(ledgerAddress)).toBe(nonce);
    expect(await provider.getBalance(ledgerAddress)).toBe(balance);
  });

  it('a locked device: LEDGER_LOCKED, nothing broadcast; unlocked, the same send goes through', async () => {
    const nonce = await provider.getTransactionCount(ledgerAddress);
    device.locked = true;
    const out = await cli(['send', '--dir', vaultDir, '--chain', 'devnet-a', '--to', recipient(), '--amount', '0.1', '--account', 'Ledger 1', '--yes']);
    device.locked = false;
    expect(out.code).toBe(1);
    expect(errorOf(out)?.code).toBe('LEDGER_LOCKED');
    expect(await provider.getTransactionCount(ledgerAddress)).toBe(nonce);
    const again = await cli(['send', '--dir', vaultDir, '--chain', 'devnet-a', '--to', recipient(), '--amount', '0.1', '--account', 'Ledger 1', '--yes']);
    expect(again.json.status).toBe('confirmed');
    expect(await provider.getTransactionCount(ledgerAddress)).toBe(nonce + 1);
  });

  it('a USDC transfer (contract call) with blind signing off: LEDGER_BLIND_SIGNING_REQUIRED; on, it is sent', async () => {
    // Devnet account 7 holds no USDC: the vault's HD account 0 sends it some first.
    const funded = await cli(['send', '--dir', vaultDir, '--chain', 'devnet-a', '--to', ledgerAddress, '--amount', '10', '--asset', 'USDC', '--yes'], { ledger: false });
    expect(funded.json.status).toBe('confirmed');
    const nonce = await provider.getTransactionCount(ledgerAddress);
    device.blindSigning = false;
    const args = ['send', '--dir', vaultDir, '--chain', 'devnet-a', '--to', recipient(), '--amount', '3', '--asset', 'USDC', '--account', 'Ledger 1', '--yes'];
    const out = await cli(args);
    device.blindSigning = true;
    expect(errorOf(out)?.code).toBe('LEDGER_BLIND_SIGNING_REQUIRED');
    expect(await provider.getTransactionCount(ledgerAddress)).toBe(nonce);
    const sent = await cli(args);
    expect(sent.json.status).toBe('confirmed');
    expect((await provider.getTransaction(sent.json.hash as string))?.from).toBe(ledgerAddress);
  });

  it('the vault never signs for a Ledger account, and the HD account still signs with the vault', async () => {
    const sent = await cli(['send', '--dir', vaultDir, '--chain', 'devnet-a', '--to', recipient(), '--amount', '0.01', '--yes'], { ledger: false });
    expect(sent.json.status).toBe('confirmed');
    expect((await provider.getTransaction(sent.json.hash as string))?.from).toBe(devnet.accounts[0]);
  });
});
