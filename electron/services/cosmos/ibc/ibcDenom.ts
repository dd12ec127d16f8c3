import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { StrataError } from '../../../../shared/errors';

/** `ibc/` followed by 64 hex digits; nodes and registries write the hash in uppercase. */
const IBC_DENOM = /^ibc\/[0-9A-Fa-f]{64}$/;
const CHANNEL_ID = /^channel-(0|[1-9][0-9]{0,18})$/;

export function isIbcDenom(denom: string): boolean {
  return IBC_DENOM.test(denom);
}

/**
 * The denom of a token that arrived over IBC (ICS-20): `ibc/` + uppercase hex sha256 of `<path>/<baseDenom>`, where
 * the path lists the hops from the receiving end back (`transfer/channel-0`, `transfer/channel-4/transfer/channel-38`).
 * An empty path is a token at home: its denom is the base denom.
 * @throws StrataError INVALID_INPUT for a path that is not port/channel pairs, or an empty base denom
 */
export function ibcDenom(path: string, baseDenom: string): string {
  if (baseDenom.length === 0) throw new StrataError('INVALID_INPUT', 'The base denom is empty');
  if (path === '') return baseDenom;
  const segments = path.split('/');
  if (segments.length % 2 !== 0 || segments.some((s) => s.length === 0)) {
    throw new StrataError('INVALID_INPUT', 'An IBC path is a list of port/channel pairs');
  }
  return `ibc/${bytesToHex(sha256(utf8ToBytes(`${path}/${baseDenom}`))).toUpperCase()}`;
}

/**
 * Splits a full trace (`transfer/channel-0/uatom`, or a chain-registry `chain.path`) into its hops and its base denom,
 * the way ibc-go does: leading `<port>/channel-<n>` pairs are hops, the rest (which may contain slashes, e.g.
 * `factory/osmo1.../ustars`) is the base denom.
 * @throws StrataError INVALID_INPUT when no base denom is left
 */
export function splitIbcPath(fullPath: string): { path: string; baseDenom: string } {
  const segments = fullPath.split('/');
  let hops = 0;
  while (hops + 2 < segments.length && (segments[hops] ?? '') !== '' && CHANNEL_ID.test(segments[hops + 1] ?? '')) hops += 2;
  const path = segments.slice(0, hops).join('/');
  const baseDenom = segments.slice(hops).join('/');
  if (baseDenom === '') throw new StrataError('INVALID_INPUT', 'The IBC trace has no base denom');
  return { path, baseDenom };
}
