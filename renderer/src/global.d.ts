import type { StrataApi } from '../../shared/ipc/contract';
import type { StrataSecureApi } from './ipc/secureApi';

declare global {
  interface Window {
    /** Present in the app window only (preload). Use `ipc/client.ts`, never this directly. */
    readonly strata?: StrataApi;
    /** Present in the secure window only (preload). Use `secure/secureClient.ts`. */
    readonly strataSecure?: StrataSecureApi;
  }
}

export {};
