/**
 * The one index of who can perform a route step: every swap venue and bridge protocol Strata knows, with what people
 * call it and who has to be trusted for it to work. The router's provider enum, the renderer's labels and the review's
 * trust line all derive from this table; a new bridge or venue is one row here plus its folder on the main side
 * (`electron/services/bridges/<id>/`, `electron/services/swap/`).
 */
export interface StepProviderInfo {
  kind: 'swap' | 'bridge';
  /** the name people know it by ("LayerZero", "Uniswap V2") */
  label: string;
  /** one line: who verifies a step of this provider (nobody beyond the chain for a swap on it) */
  trustModel: string;
}

export const STEP_PROVIDERS = {
  'uniswap-v3': { kind: 'swap', label: 'Uniswap V3', trustModel: 'The chain itself: your own transaction through the SwapRouter02 contract to the pool' },
  'uniswap-v2': { kind: 'swap', label: 'Uniswap V2', trustModel: 'The chain itself: your own transaction against the pool contract' },
  'osmosis-poolmanager': { kind: 'swap', label: 'Osmosis', trustModel: "The chain itself: your own message to Osmosis' pool manager" },
  'layerzero-oft': { kind: 'bridge', label: 'LayerZero', trustModel: "LayerZero DVNs: the OFT's configured verifier networks attest the message" },
  'axelar-gateway': { kind: 'bridge', label: 'Axelar', trustModel: "Axelar validators: the Axelar network's validator set signs the transfer" },
  'ibc-transfer': { kind: 'bridge', label: 'IBC', trustModel: 'IBC light clients: each chain verifies the other from its own light client' },
} as const satisfies Record<string, StepProviderInfo>;

export type StepProviderId = keyof typeof STEP_PROVIDERS;

/** Every provider id, in the table's order. */
export const STEP_PROVIDER_IDS = Object.keys(STEP_PROVIDERS) as [StepProviderId, ...StepProviderId[]];

/** The display label of a provider. */
export function providerLabel(id: StepProviderId): string {
  return STEP_PROVIDERS[id].label;
}
