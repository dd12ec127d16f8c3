/** Reads the chain's next nonce for an account: `eth_getTransactionCount(address, 'pending')`. */
export type PendingNonce = () => Promise<bigint>;

export interface NonceManager {
  /** The nonce the next send would take, without reserving it (for the review screen). */
  peek(chainId: string, address: string, pendingNonce: PendingNonce): Promise<bigint>;
  /**
   * Reserves the next nonce: max(the chain's pending count, the local next), then advances the local next. Calls for
   * one (chain, address) run one after another, so concurrent sends get consecutive nonces.
   */
  reserve(chainId: string, address: string, pendingNonce: PendingNonce): Promise<bigint>;
  /**
   * Gives back a reserved nonce whose transaction was not broadcast (signing failed, the node rejected it). The last
   * reservation is simply undone; an earlier one leaves a gap, so the local state is dropped and the next reservation
   * starts again from the chain's pending count (which then fills the gap).
   */
  release(chainId: string, address: string, nonce: bigint): void;
  /** Drops the local state of an account: the next reservation trusts the chain (after an ambiguous broadcast). */
  resync(chainId: string, address: string): void;
}

/**
 * Nonces per (chain, address) so that back-to-back sends work: the node's pending count lags behind transactions
 * signed here and not yet broadcast (or not yet seen by a load-balanced node), so the manager remembers the next
 * nonce it handed out and never goes below it.
 */
export function nonceManager(): NonceManager {
  const next = new Map<string, bigint>();
  const queues = new Map<string, Promise<unknown>>();
  const keyOf = (chainId: string, address: string): string => `${chainId}|${address.toLowerCase()}`;

  const exclusive = <T>(key: string, task: () => Promise<T>): Promise<T> => {
    const result = (queues.get(key) ?? Promise.resolve()).then(task);
    const tail = result.catch(() => undefined);
    queues.set(key, tail);
    // Forget an idle queue so the map does not grow with every account ever used.
    void tail.then(() => {
      if (queues.get(key) === tail) queues.delete(key);
    });
    return result;
  };

  const current = async (key: string, pendingNonce: PendingNonce): Promise<bigint> => {
    const chain = await pendingNonce();
    const local = next.get(key);
    return local !== undefined && local > chain ? local : chain;
  };

  return {
    peek(chainId, address, pendingNonce) {
      const key = keyOf(chainId, address);
      return exclusive(key, () => current(key, pendingNonce));
    },
    reserve(chainId, address, pendingNonce) {
      const key = keyOf(chainId, address);
      return exclusive(key, async () => {
        const nonce = await current(key, pendingNonce);
        next.set(key, nonce + 1n);
        return nonce;
      });
    },
    release(chainId, address, nonce) {
      const key = keyOf(chainId, address);
      if (next.get(key) === nonce + 1n) next.set(key, nonce);
      else next.delete(key);
    },
    resync(chainId, address) {
      next.delete(keyOf(chainId, address));
    },
  };
}
