/**
 * Recipients a send must never go to, although they are well-formed addresses: whatever arrives there is gone.
 * Checked when a send is prepared (app and CLI), before any RPC call and before anything is signed.
 */
import { StrataError } from '../errors';

/**
 * Known EVM burn addresses (lower case): the zero address, 0x…dEaD, the "dead" vanity address many tokens burn to,
 * and the ecrecover precompile (0x…01), which keeps what it is sent.
 */
export const EVM_BURN_ADDRESSES: readonly string[] = Object.freeze([
  '0x0000000000000000000000000000000000000000',
  '0x000000000000000000000000000000000000dead',
  '0xdead000000000000000042069420694206942069',
  '0x0000000000000000000000000000000000000001',
]);

/**
 * INVALID_RECIPIENT when `to` is a known burn address or the asset's own contract (tokens sent to their own
 * contract are stuck there on almost every ERC-20). `to` and `assetRef` as the caller has them: compared without
 * case. Non-EVM recipients (bech32) pass: the Cosmos SDK has no such well-known sinks.
 */
export function assertSendableRecipient(to: string, assetRef: string): void {
  const recipient = to.trim().toLowerCase();
  if (!/^0x[0-9a-f]{40}$/.test(recipient)) return;
  if (EVM_BURN_ADDRESSES.includes(recipient)) {
    throw new StrataError(
      'INVALID_RECIPIENT',
      /^0x0{40}$/.test(recipient) ? 'The zero address cannot receive a send: the funds would be lost' : 'That is a burn address: the funds would be lost',
    );
  }
  if (recipient === assetRef.toLowerCase()) {
    throw new StrataError('INVALID_RECIPIENT', "That is the token's own contract: tokens sent there are lost");
  }
}
