import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { METHOD_NAMES, methodChannel } from '../../shared/ipc/contract';
import { SECURE_METHOD_NAMES, secureChannel } from '../../shared/ipc/secureContract';
import type { SenderInfo, TrustedSenders } from '../services/ipc/senderPolicy';
import { gateAppCall, gateSecureCall, type AppCallTarget, type SecureBinding, type SecureCallTarget } from '../services/shell/ipcGate';

/** The sending frame as the sender policy sees it; a frame that is gone counts as a sub-frame with no URL. */
export function senderInfo(event: IpcMainInvokeEvent): SenderInfo {
  const frame = event.senderFrame;
  let isMainFrame = false;
  try {
    isMainFrame = frame !== null && frame.parent === null && frame.frameTreeNodeId === event.sender.mainFrame.frameTreeNodeId;
  } catch {
    // A frame destroyed mid-call throws on access: treat as untrusted.
  }
  return { url: frame?.url ?? '', isMainFrame, webContentsId: event.sender.id };
}

/** Exactly one handler per app-contract method; each checks the sender before the core sees anything. */
export function registerAppIpc(core: AppCallTarget, trusted: () => TrustedSenders): void {
  for (const name of METHOD_NAMES) {
    ipcMain.handle(methodChannel(name), (event, payload: unknown) => gateAppCall(core, senderInfo(event), trusted(), name, payload));
  }
}

/** Exactly one handler per secure-contract method, answered only to the secure window of a session. */
export function registerSecureIpc(core: SecureCallTarget, bindingFor: (webContentsId: number) => SecureBinding | undefined): void {
  for (const name of SECURE_METHOD_NAMES) {
    ipcMain.handle(secureChannel(name), (event, payload: unknown) =>
      gateSecureCall(core, senderInfo(event), bindingFor(event.sender.id), name, payload),
    );
  }
}
