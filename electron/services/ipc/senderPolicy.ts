import { parseStrictUrl } from '../shell/appUrl';

/** What main knows about the frame an IPC message came from. */
export interface SenderInfo {
  /** URL of the sending frame (empty when the frame is gone) */
  url: string;
  /** true only for the top-level frame of its webContents */
  isMainFrame: boolean;
  webContentsId: number;
}

/** Who may call: our own origin, only from these webContents, optionally only from these pages. */
export interface TrustedSenders {
  /** `scheme://host`, e.g. `app://strata` */
  origin: string;
  webContentsIds: ReadonlySet<number>;
  /** pathnames allowed, e.g. `['/index.html']`; any path on the origin when omitted */
  paths?: readonly string[];
}

/**
 * Whether an IPC message may be acted on (VS Code's rule): it comes from the top-level frame of one of our own
 * webContents, and that frame shows a page of our own origin. Sub-frames, other webContents, other origins and URLs
 * that do not parse strictly are refused before the payload is even looked at.
 */
export function isTrustedSender(sender: SenderInfo, trusted: TrustedSenders): boolean {
  if (sender.isMainFrame !== true) return false;
  if (!Number.isInteger(sender.webContentsId) || !trusted.webContentsIds.has(sender.webContentsId)) return false;
  const parsed = parseStrictUrl(sender.url);
  if (parsed === null || parsed.origin !== trusted.origin) return false;
  return trusted.paths === undefined || trusted.paths.includes(parsed.pathname);
}
