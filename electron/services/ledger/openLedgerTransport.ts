import { readFile } from 'node:fs/promises';
import { StrataError } from '../../../shared/errors';

/**
 * The part of a Ledger transport (@ledgerhq/hw-transport) Strata uses. The HID transport, the replayer and the
 * software device all have it; hw-app-eth and hw-app-cosmos take it.
 */
export interface LedgerTransport {
  send(cla: number, ins: number, p1: number, p2: number, data?: Buffer, statusList?: number[]): Promise<Buffer>;
  exchange(apdu: Buffer): Promise<Buffer>;
  close(): Promise<void>;
}

/** Opens a transport to the device for one operation; the caller closes it. */
export type LedgerConnector = () => Promise<LedgerTransport>;

export interface LedgerConnectorOptions {
  env: NodeJS.ProcessEnv;
  /**
   * Whether STRATA_LEDGER_REPLAY may be read: true for the CLI and tests, false in packaged builds (where a replayed
   * exchange would let a file stand in for the device).
   */
  allowTestHooks: boolean;
}

/**
 * The connector the app and the CLI use: the first Ledger on USB HID, or, when test hooks are allowed and
 * STRATA_LEDGER_REPLAY=<file> is set, a replay of a recorded exchange (@ledgerhq/hw-transport-mocker's RecordStore
 * format: `=> apdu hex` / `<= response hex` lines).
 * @throws LEDGER_NOT_FOUND (no device, or the USB HID library cannot load), IO_ERROR (unreadable replay file),
 *   INVALID_INPUT (a replay file that is not in the RecordStore format)
 */
export function ledgerConnector(options: LedgerConnectorOptions): LedgerConnector {
  const replayFile = options.allowTestHooks ? options.env.STRATA_LEDGER_REPLAY : undefined;
  if (replayFile) return () => openReplayTransport(replayFile);
  return openHidTransport;
}

/** A replay of a recorded exchange: any APDU other than the next recorded one fails. */
export async function openReplayTransport(file: string): Promise<LedgerTransport> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new StrataError('IO_ERROR', 'Cannot read the STRATA_LEDGER_REPLAY file', { cause: error, details: file });
  }
  const { RecordStore, openTransportReplayer } = await import('@ledgerhq/hw-transport-mocker');
  let store: InstanceType<typeof RecordStore>;
  try {
    store = RecordStore.fromString(text);
  } catch (error) {
    throw new StrataError('INVALID_INPUT', 'The STRATA_LEDGER_REPLAY file is not a recorded Ledger exchange (=> / <= hex lines)', { cause: error });
  }
  return (await openTransportReplayer(store)) as unknown as LedgerTransport;
}

/** The first Ledger on USB HID (node-hid's hidraw backend on Linux). */
export async function openHidTransport(): Promise<LedgerTransport> {
  let TransportNodeHid: typeof import('@ledgerhq/hw-transport-node-hid-noevents').default;
  let devices: unknown[];
  try {
    TransportNodeHid = (await import('@ledgerhq/hw-transport-node-hid-noevents')).default;
    devices = await TransportNodeHid.list();
  } catch (error) {
    // node-hid's prebuilt binding needs libusb-1.0 (Debian: libusb-1.0-0) and read access to /dev/hidraw* (udev rules).
    throw new StrataError('LEDGER_NOT_FOUND', 'Cannot use USB devices: install libusb-1.0 and Ledger\'s udev rules (see the README), then try again', {
      cause: error,
      details: error instanceof Error ? error.message : undefined,
    });
  }
  if (devices.length === 0) throw new StrataError('LEDGER_NOT_FOUND', 'No Ledger found: plug it in and unlock it');
  try {
    return (await TransportNodeHid.open(devices[0] as string)) as unknown as LedgerTransport;
  } catch (error) {
    throw new StrataError('LEDGER_NOT_FOUND', 'The Ledger could not be opened: close Ledger Live or any other app using it, then try again', { cause: error });
  }
}
