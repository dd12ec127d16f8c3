/**
 * The Cosmos chain family, main-process side: balances with IBC origins, fee estimation, MsgSend, direct and amino
 * signing through an injected signer, broadcast with confirmation, and a failover RPC client. Nothing here sees a
 * private key; the vault signs digests through `vaultCosmosSigner`.
 */
export { cosmosChainId } from './cosmosChainId';
export type { CosmosSigner } from './cosmosSigner';
export { vaultCosmosSigner, type VaultSigningPort } from './vaultCosmosSigner';
export { cosmosKeyScheme, verifyCosmosSignature, type CosmosKeyScheme } from './keyScheme';
export { createCosmosRpc, type CosmosNode, type CosmosRpc, type CosmosRpcOptions } from './rpc/createCosmosRpc';
export {
  attributeEncodingFor,
  eventAttributeValues,
  normalizeEventAttributes,
  type AttributeEncoding,
  type CosmosEvent,
  type RawEvent,
} from './rpc/normalizeEventAttributes';
export { getCosmosBalances, type CosmosBalance } from './queries/getCosmosBalances';
export { getCosmosAccount } from './queries/getCosmosAccount';
export type { CosmosAccount } from './queries/decodeCosmosAccount';
export { ibcDenom, isIbcDenom, splitIbcPath } from './ibc/ibcDenom';
export { traceIbcDenom, traceIbcDenomOffline } from './ibc/traceIbcDenom';
export type { IbcOrigin, IbcTrace } from './ibc/ibcOrigin';
export { resolveCosmosAsset, type CosmosAssetInfo } from './registry/resolveCosmosAsset';
export { gasPricesFor } from './registry/gasPrices';
export { estimateCosmosFees, type CosmosFeeEstimate, type EstimateCosmosFeesOptions } from './fees/estimateCosmosFees';
export {
  adjustGas,
  DEFAULT_GAS_ADJUSTMENT,
  feeTiers,
  type FeeTier,
  type FeeTierName,
  type FeeTiers,
  type GasPriceConfig,
} from './fees/feeTiers';
export { buildMsgSend, type MsgSendParams } from './tx/buildMsgSend';
export { assertSufficientFunds, type CoinAmount } from './tx/assertSufficientFunds';
export { signCosmosTx, type CosmosFee, type CosmosSignMode, type CosmosTxRequest, type SignedCosmosTx } from './tx/signCosmosTx';
export { broadcastAndWait, type BroadcastOptions, type CosmosTxResult } from './tx/broadcastAndWait';
export { cosmosTxHash } from './tx/txHash';
export { sendCosmosTokens, type SendCosmosTokensParams, type SendCosmosTokensResult } from './sendCosmosTokens';
