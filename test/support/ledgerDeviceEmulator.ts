/**
 * A software Ledger for tests: the APDU protocol of the Ethereum app (CLA 0xe0: GET_ADDRESS 0x02, SIGN 0x04) and of
 * the Cosmos app (CLA 0x55: GET_ADDR_SECP256K1 0x04, SIGN_SECP256K1 0x02), signing with keys derived from a test
 * mnemonic. It is a @ledgerhq/hw-transport Transport (only `exchange` is ours), so hw-app-eth and hw-app-cosmos
 * talk to it exactly as to a device: status words become the same TransportStatusError a real device causes.
 *
 * Device states a test can set: locked (0x5515 to everything), the open app (another app answers 0x6e00 to this
 * app's class), blind signing off (a transaction with calldata gets 0x6a80), the user's answer on the screen
 * (`decide`: false gives 0x6985 in Ethereum, 0x6986 in Cosmos), and unplugging (the exchange throws
 * DisconnectedDeviceDuringOperation, as the HID transport does).
 */
import Transport from '@ledgerhq/hw-transport';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { HDKey } from '@scure/bip32';
import { mnemonicToSeedSync } from '@scure/bip39';
import { bech32 } from '@scure/base';
import { ripemd160 } from '@noble/hashes/legacy.js';
import { Transaction } from 'ethers';

export type EmulatedApp = 'Ethereum' | 'Cosmos' | 'dashboard';

/** What the device's screen asked the user, in the order asked. */
export type DeviceRequest =
  | { kind: 'show-address'; app: 'Ethereum' | 'Cosmos'; path: string; address: string }
  | { kind: 'sign-evm'; path: string; unsigned: string }
  | { kind: 'sign-amino'; path: string; signDoc: string };

const SW_OK = 0x9000;

function sw(code: number, data: Uint8Array = new Uint8Array()): Buffer {
  const out = Buffer.alloc(data.length + 2);
  out.set(data, 0);
  out.writeUInt16BE(code, data.length);
  return out;
}

function pathString(levels: number[]): string {
  return levels.map((l) => (l >= 0x80000000 ? `${l - 0x80000000}'` : `${l}`)).join('/');
}

/** The length of a typed or legacy transaction's RLP list, or null while more bytes are needed. */
function completeLength(tx: Uint8Array): number | null {
  const offset = tx[0] !== undefined && tx[0] < 0x7f ? 1 : 0;
  const head = tx[offset];
  if (head === undefined || head < 0xc0) return null;
  if (head <= 0xf7) return offset + 1 + (head - 0xc0);
  const lengthBytes = head - 0xf7;
  if (tx.length < offset + 1 + lengthBytes) return null;
  let length = 0;
  for (let i = 0; i < lengthBytes; i++) length = length * 256 + (tx[offset + 1 + i] as number);
  return offset + 1 + lengthBytes + length;
}

export class LedgerDeviceEmulator extends Transport {
  locked = false;
  app: EmulatedApp = 'Ethereum';
  blindSigning = true;
  /** unplugged: every exchange throws DisconnectedDeviceDuringOperation */
  unplugged = false;
  /** The user's answer to a request shown on the device (default: approve). */
  decide: (request: DeviceRequest) => boolean = () => true;
  readonly requests: DeviceRequest[] = [];
  readonly apdus: string[] = [];
  private readonly root: HDKey;
  private evmPending: { path: number[]; tx: Uint8Array } | null = null;
  private cosmosPending: { path: number[]; message: Uint8Array } | null = null;

  constructor(mnemonic: string) {
    super();
    this.root = HDKey.fromMasterSeed(mnemonicToSeedSync(mnemonic));
  }

  override async close(): Promise<void> {}

  override async exchange(apdu: Buffer): Promise<Buffer> {
    this.apdus.push(apdu.toString('hex'));
    if (this.unplugged) {
      const error = new Error('Cannot write to hid device');
      error.name = 'DisconnectedDeviceDuringOperation';
      throw error;
    }
    if (this.locked) return sw(0x5515);
    const [cla, ins, p1, p2] = apdu;
    const data = apdu.subarray(5, 5 + (apdu[4] ?? 0));
    if (cla === 0xe0) return this.app === 'Ethereum' ? this.ethereum(ins as number, p1 as number, p2 as number, data) : sw(0x6e00);
    if (cla === 0x55) return this.app === 'Cosmos' ? this.cosmos(ins as number, p1 as number, data) : sw(0x6e00);
    return sw(0x6e00);
  }

  private key(levels: number[]): HDKey {
    return this.root.derive(`m/${pathString(levels)}`);
  }

  private ethereum(ins: number, p1: number, p2: number, data: Buffer): Buffer {
    if (ins === 0x02) {
      const count = data[0] as number;
      const levels = Array.from({ length: count }, (_, i) => data.readUInt32BE(1 + 4 * i));
      const key = this.key(levels);
      const uncompressed = secp256k1.Point.fromBytes(key.publicKey as Uint8Array).toBytes(false);
      const address = bytesToHex(keccak_256(uncompressed.slice(1)).slice(-20));
      if (p1 === 1 && !this.ask({ kind: 'show-address', app: 'Ethereum', path: pathString(levels), address: `0x${address}` })) return sw(0x6985);
      const body: Uint8Array[] = [Uint8Array.of(65), uncompressed, Uint8Array.of(40), new TextEncoder().encode(address)];
      if (p2 === 1) body.push(new Uint8Array(key.chainCode as Uint8Array));
      return sw(SW_OK, Buffer.concat(body));
    }
    if (ins === 0x04) {
      if (p1 === 0x00) {
        const count = data[0] as number;
        const levels = Array.from({ length: count }, (_, i) => data.readUInt32BE(1 + 4 * i));
        this.evmPending = { path: levels, tx: new Uint8Array(data.subarray(1 + 4 * count)) };
      } else if (p1 === 0x80 && this.evmPending) {
        this.evmPending.tx = Buffer.concat([this.evmPending.tx, data]);
      } else {
        return sw(0x6a80);
      }
      const pending = this.evmPending;
      const length = completeLength(pending.tx);
      if (length === null || pending.tx.length < length) return sw(SW_OK);
      this.evmPending = null;
      const unsigned = `0x${bytesToHex(pending.tx)}`;
      const tx = Transaction.from(unsigned);
      if (tx.data !== '0x' && !this.blindSigning) return sw(0x6a80);
      if (!this.ask({ kind: 'sign-evm', path: pathString(pending.path), unsigned })) return sw(0x6985);
      const signature = secp256k1.sign(keccak_256(pending.tx), this.key(pending.path).privateKey as Uint8Array, { prehash: false, format: 'recovered' });
      const parity = signature[0] as number;
      // Legacy transactions get EIP-155's v in one byte (the device keeps the low byte), typed ones the parity.
      const v = tx.type === 0 ? Number((tx.chainId * 2n + 35n + BigInt(parity)) % 256n) : parity;
      return sw(SW_OK, Buffer.concat([Uint8Array.of(v), signature.slice(1)]));
    }
    return sw(0x6d00);
  }

  private cosmos(ins: number, p1: number, data: Buffer): Buffer {
    const levelsOf = (buf: Uint8Array) => Array.from({ length: 5 }, (_, i) => Buffer.from(buf).readUInt32LE(4 * i));
    if (ins === 0x04) {
      const hrpLength = data[0] as number;
      const hrp = data.subarray(1, 1 + hrpLength).toString('ascii');
      const levels = levelsOf(data.subarray(1 + hrpLength, 21 + hrpLength));
      const publicKey = this.key(levels).publicKey as Uint8Array;
      const address = bech32.encode(hrp, bech32.toWords(ripemd160(sha256(publicKey))));
      if (p1 === 1 && !this.ask({ kind: 'show-address', app: 'Cosmos', path: pathString(levels), address })) return sw(0x6986);
      return sw(SW_OK, Buffer.concat([publicKey, new TextEncoder().encode(address)]));
    }
    if (ins === 0x02) {
      if (p1 === 0) {
        this.cosmosPending = { path: levelsOf(data), message: new Uint8Array() };
        return sw(SW_OK);
      }
      if (!this.cosmosPending) return sw(0x6984);
      this.cosmosPending.message = Buffer.concat([this.cosmosPending.message, data]);
      if (p1 === 1) return sw(SW_OK);
      const { path, message } = this.cosmosPending;
      this.cosmosPending = null;
      const signDoc = new TextDecoder().decode(message);
      if (!this.ask({ kind: 'sign-amino', path: pathString(path), signDoc })) return sw(0x6986);
      return sw(SW_OK, secp256k1.sign(sha256(message), this.key(path).privateKey as Uint8Array, { prehash: false, format: 'der' }));
    }
    return sw(0x6d00);
  }

  private ask(request: DeviceRequest): boolean {
    this.requests.push(request);
    return this.decide(request);
  }
}
