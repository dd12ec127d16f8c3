/**
 * The device layer: published exchanges from @ledgerhq/hw-app-eth's own tests replayed through our transport and
 * account code, the status-word mapping, and the software device (Ethereum and Cosmos apps) with its states.
 */
import { join } from 'node:path';
import { Secp256k1, Secp256k1Signature, sha256 } from '@cosmjs/crypto';
import { Secp256k1HdWallet, serializeSignDoc, type StdSignDoc } from '@cosmjs/amino';
import { computeAddress, Signature, Transaction } from 'ethers';
import { describe, expect, it } from 'vitest';
import { DEVNET_MNEMONIC } from '../../electron/services/devnet/devnetSpec';
import { getCosmosLedgerAddress, signAminoOnLedger } from '../../electron/services/ledger/ledgerCosmos';
import { ledgerErrorFrom } from '../../electron/services/ledger/ledgerErrors';
import { getEvmLedgerAddress, signEvmTransactionOnLedger } from '../../electron/services/ledger/ledgerEth';
import { ledgerAccountPath, normalizeLedgerPath } from '../../electron/services/ledger/ledgerPath';
import { ledgerConnector, openHidTransport } from '../../electron/services/ledger/openLedgerTransport';
import { expectStrataError, expectStrataRejection } from '../unit/expectStrataError';
import { LedgerDeviceEmulator } from '../support/ledgerDeviceEmulator';

const FIXTURES = join(__dirname, '..', 'fixtures', 'ledger');
const replay = (file: string) => ledgerConnector({ env: { STRATA_LEDGER_REPLAY: join(FIXTURES, file) }, allowTestHooks: true })();

/** hw-app-eth's "signTransaction supports EIP1559" transaction: chain id 3, nonce 6, 0.01 ETH. */
const EIP1559_UNSIGNED = '0x02ef0306843b9aca008504a817c80082520894b2bb2b958afa2e96dab3f3ce7162b87daea39017872386f26fc1000080c0';

describe('published vectors (hw-app-eth tests) replayed through STRATA_LEDGER_REPLAY', () => {
  it("getAddress on 44'/60'/0'/0'/0 gives 0xCbA98362e199c41E1864D0923AF9646d3A648451 and its public key, compressed", async () => {
    const result = await getEvmLedgerAddress(await replay('eth-getAddress.apdus'), "m/44'/60'/0'/0'/0");
    expect(result).toEqual({
      address: '0xCbA98362e199c41E1864D0923AF9646d3A648451',
      publicKey: '03df00ad3869baad7ce54f4d560ba7f268d542df8f2679a5898d78a690c3db8f98',
      path: "44'/60'/0'/0'/0",
    });
    // The compressed key is the published uncompressed one (04df00…09b, odd y).
    expect(computeAddress(`0x${result.publicKey}`)).toBe('0xCbA98362e199c41E1864D0923AF9646d3A648451');
  });

  it('signs the EIP-1559 vector: exactly the published r, s and parity, and the signed transaction recovers', async () => {
    const unsigned = Transaction.from(EIP1559_UNSIGNED);
    expect(unsigned.unsignedSerialized).toBe(EIP1559_UNSIGNED);
    const { signature, recovery } = await signEvmTransactionOnLedger(await replay('eth-signEip1559.apdus'), "44'/60'/0'/0/0", Buffer.from(EIP1559_UNSIGNED.slice(2), 'hex'));
    expect(Buffer.from(signature).toString('hex')).toBe(
      '3ccff815955e82c416dcf2ace0bf0aa5f479acd47f5152f0c1753cf68fb723746774b8bff4f776f2788bb19c87c22ca8a2933ea4415eed8d25a9ea0500c81ce1',
    );
    expect(recovery).toBe(0);
    const signed = unsigned.clone();
    signed.signature = Signature.from({ r: `0x${Buffer.from(signature.slice(0, 32)).toString('hex')}`, s: `0x${Buffer.from(signature.slice(32)).toString('hex')}`, yParity: 0 });
    expect(signed.from).toBe('0xDad77910DbDFdE764fC21FCD4E74D71bBACA6D8D');
  });

  it('a replay refuses any other APDU: asking for another path fails instead of answering', async () => {
    await expectStrataRejection(getEvmLedgerAddress(await replay('eth-getAddress.apdus'), "44'/60'/0'/0/1"), 'INTERNAL');
  });

  it('STRATA_LEDGER_REPLAY is ignored without test hooks (packaged builds): the connector is the USB one', () => {
    const env = { STRATA_LEDGER_REPLAY: join(FIXTURES, 'eth-getAddress.apdus') };
    expect(ledgerConnector({ env, allowTestHooks: false })).toBe(openHidTransport);
    expect(ledgerConnector({ env: {}, allowTestHooks: true })).toBe(openHidTransport);
  });

  it('a missing replay file is IO_ERROR, a file in another format INVALID_INPUT', async () => {
    await expectStrataRejection(ledgerConnector({ env: { STRATA_LEDGER_REPLAY: join(FIXTURES, 'none.apdus') }, allowTestHooks: true })(), 'IO_ERROR');
    await expectStrataRejection(ledgerConnector({ env: { STRATA_LEDGER_REPLAY: join(FIXTURES, 'README.md') }, allowTestHooks: true })(), 'INVALID_INPUT');
  });
});

describe('status words and transport errors map to stable codes', () => {
  const status = (statusCode: number) => Object.assign(new Error('Ledger device: status'), { name: 'TransportStatusError', statusCode });
  it.each([
    ['6985', 'LEDGER_REJECTED'],
    ['6986', 'LEDGER_REJECTED'],
    ['5515', 'LEDGER_LOCKED'],
    ['6e00', 'LEDGER_APP_NOT_OPEN'],
    ['6e01', 'LEDGER_APP_NOT_OPEN'],
    ['6d00', 'LEDGER_APP_NOT_OPEN'],
    ['6d02', 'LEDGER_APP_NOT_OPEN'],
    ['6511', 'LEDGER_APP_NOT_OPEN'],
    ['6a80', 'LEDGER_BLIND_SIGNING_REQUIRED'],
  ] as const)('0x%s → %s', (hex, expected) => {
    const error = ledgerErrorFrom(status(Number.parseInt(hex, 16)), 'Ethereum', { signing: true });
    expect(error.code).toBe(expected);
    expect(error.details).toBe(`0x${hex}`);
  });

  it('names the app to open, and tells how to enable blind signing', () => {
    expect(ledgerErrorFrom(status(0x6e00), 'Cosmos').message).toBe('Open the Cosmos app on the Ledger and try again');
    expect(ledgerErrorFrom(status(0x6a80), 'Ethereum', { signing: true }).message).toMatch(/enable "Blind signing" in the app's settings/);
    // 0x6a80 outside a signature is bad data, not blind signing
    expect(ledgerErrorFrom(status(0x6a80), 'Ethereum').code).toBe('INTERNAL');
  });

  it('disconnects, a missing device and a locked-device error by name', () => {
    const named = (name: string, extra: object = {}) => Object.assign(new Error(name), { name, ...extra });
    expect(ledgerErrorFrom(named('DisconnectedDeviceDuringOperation'), 'Ethereum').code).toBe('LEDGER_DISCONNECTED');
    expect(ledgerErrorFrom(named('DisconnectedDevice'), 'Ethereum').code).toBe('LEDGER_DISCONNECTED');
    expect(ledgerErrorFrom(named('TransportError', { id: 'NoDevice' }), 'Ethereum').code).toBe('LEDGER_NOT_FOUND');
    expect(ledgerErrorFrom(named('LockedDeviceError'), 'Ethereum').code).toBe('LEDGER_LOCKED');
    expect(ledgerErrorFrom(named('UserRefusedOnDevice'), 'Cosmos').code).toBe('LEDGER_REJECTED');
  });
});

describe('paths', () => {
  it('normalizes and validates', () => {
    expect(normalizeLedgerPath("m/44'/60'/0'/0/7")).toBe("44'/60'/0'/0/7");
    expect(ledgerAccountPath(118, 3)).toBe("44'/118'/0'/0/3");
    expectStrataError(() => normalizeLedgerPath("44'/60'/x"), 'INVALID_PATH');
    expectStrataError(() => normalizeLedgerPath("44'/2147483648"), 'INVALID_PATH');
    expectStrataError(() => ledgerAccountPath(60, -1), 'INVALID_PATH');
  });
});

describe('the software device (Ethereum and Cosmos apps)', () => {
  // Known addresses of the test mnemonic ("test test … junk"): Hardhat's default account 0, and its Cosmos address
  // on 44'/118'/0'/0/0.
  const HARDHAT_0 = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';

  it('answers getAddress like the device: the test mnemonic\'s account 0; verify shows it on the screen', async () => {
    const device = new LedgerDeviceEmulator(DEVNET_MNEMONIC);
    expect((await getEvmLedgerAddress(device, ledgerAccountPath(60, 0))).address).toBe(HARDHAT_0);
    expect(device.requests).toEqual([]);
    await getEvmLedgerAddress(device, ledgerAccountPath(60, 0), true);
    expect(device.requests).toEqual([{ kind: 'show-address', app: 'Ethereum', path: "44'/60'/0'/0/0", address: HARDHAT_0.toLowerCase() }]);
  });

  it('states: locked, wrong app, rejected on screen, unplugged', async () => {
    const device = new LedgerDeviceEmulator(DEVNET_MNEMONIC);
    device.locked = true;
    await expectStrataRejection(getEvmLedgerAddress(device, ledgerAccountPath(60, 0)), 'LEDGER_LOCKED', /unlock it with your PIN/);
    device.locked = false;
    device.app = 'Cosmos';
    await expectStrataRejection(getEvmLedgerAddress(device, ledgerAccountPath(60, 0)), 'LEDGER_APP_NOT_OPEN', /Open the Ethereum app/);
    device.app = 'Ethereum';
    device.decide = () => false;
    await expectStrataRejection(getEvmLedgerAddress(device, ledgerAccountPath(60, 0), true), 'LEDGER_REJECTED');
    device.unplugged = true;
    await expectStrataRejection(getEvmLedgerAddress(device, ledgerAccountPath(60, 0)), 'LEDGER_DISCONNECTED');
  });

  it('signs a long contract call in chunks; with blind signing off it is LEDGER_BLIND_SIGNING_REQUIRED', async () => {
    const device = new LedgerDeviceEmulator(DEVNET_MNEMONIC);
    const tx = Transaction.from({
      type: 2, chainId: 31337, nonce: 4, maxFeePerGas: 3_000_000_000n, maxPriorityFeePerGas: 1_000_000_000n, gasLimit: 200_000n,
      to: '0x5FbDB2315678afecb367f032d93F642f64180aa3', value: 0n, data: `0x095ea7b3${'ab'.repeat(600)}`,
    });
    const bytes = Buffer.from(tx.unsignedSerialized.slice(2), 'hex');
    const { signature, recovery } = await signEvmTransactionOnLedger(device, ledgerAccountPath(60, 0), bytes);
    // 1 path + 648 transaction bytes in hw-app-eth's 255-byte APDUs
    expect(device.apdus.length).toBe(3);
    const signed = tx.clone();
    signed.signature = Signature.from({ r: `0x${Buffer.from(signature.slice(0, 32)).toString('hex')}`, s: `0x${Buffer.from(signature.slice(32)).toString('hex')}`, yParity: recovery as 0 | 1 });
    expect(signed.from).toBe(HARDHAT_0);
    expect(device.requests).toEqual([{ kind: 'sign-evm', path: "44'/60'/0'/0/0", unsigned: tx.unsignedSerialized }]);
    device.blindSigning = false;
    await expectStrataRejection(signEvmTransactionOnLedger(device, ledgerAccountPath(60, 0), bytes), 'LEDGER_BLIND_SIGNING_REQUIRED', /Blind signing/);
  });

  it('Cosmos app: address on 44\'/118\'/0\'/0/0 and an amino signature that verifies against it', async () => {
    const device = new LedgerDeviceEmulator(DEVNET_MNEMONIC);
    device.app = 'Cosmos';
    const account = await getCosmosLedgerAddress(device, ledgerAccountPath(118, 0), 'cosmos');
    const [software] = await (await Secp256k1HdWallet.fromMnemonic(DEVNET_MNEMONIC)).getAccounts();
    expect(account.address).toBe(software?.address);
    expect(account.publicKey).toBe(Buffer.from(software?.pubkey ?? []).toString('hex'));
    const doc: StdSignDoc = {
      chain_id: 'cosmoshub-4', account_number: '12', sequence: '3', memo: '',
      fee: { amount: [{ denom: 'uatom', amount: '5000' }], gas: '200000' },
      msgs: [{ type: 'cosmos-sdk/MsgSend', value: { from_address: account.address, to_address: account.address, amount: [{ denom: 'uatom', amount: '1' }] } }],
    };
    const bytes = serializeSignDoc(doc);
    const signature = await signAminoOnLedger(device, account.path, new TextDecoder().decode(bytes));
    expect(signature.length).toBe(64);
    const ok = await Secp256k1.verifySignature(Secp256k1Signature.fromFixedLength(signature), sha256(bytes), Buffer.from(account.publicKey, 'hex'));
    expect(ok).toBe(true);
    expect(device.requests.at(-1)).toEqual({ kind: 'sign-amino', path: "44'/118'/0'/0/0", signDoc: new TextDecoder().decode(bytes) });
    device.decide = () => false;
    await expectStrataRejection(signAminoOnLedger(device, account.path, new TextDecoder().decode(bytes)), 'LEDGER_REJECTED');
    await expectStrataRejection(getCosmosLedgerAddress(device, "44'/118'/0'/0'/0", 'cosmos'), 'INVALID_PATH');
  });
});
