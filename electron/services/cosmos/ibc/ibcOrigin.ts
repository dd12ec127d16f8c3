/** Where an IBC token comes from. */
export interface IbcOrigin {
  /**
   * chain-registry name of the chain the token arrived from (the other end of the receiving channel); for a token that
   * took several hops this is the last hop's sender, not the issuer. Null when the channel is not in the registry.
   */
  chain: string | null;
  /** the denom on the issuing chain (`uatom`, `uusdc`, `factory/osmo1.../ustars`) */
  baseDenom: string;
  /** the hops, receiving end first (`transfer/channel-0`; `transfer/channel-4/transfer/channel-38`) */
  path: string;
}

/** An `ibc/<HASH>` denom resolved to its origin, and where the answer came from. */
export interface IbcTrace extends IbcOrigin {
  denom: string;
  source: 'registry' | 'node';
}
