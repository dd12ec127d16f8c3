/**
 * Which bundled chains price gas by an on-chain fee market, by chain-registry name. Chain-registry's gas prices are
 * a snapshot; on these chains the minimum the validators accept moves block by block, so the current price is read
 * from the chain (queryChainGasPrice) and the registry's prices are the fallback.
 * - `feemarket`: Skip's x/feemarket (Cosmos Hub since gaia v20, Neutron): `/feemarket.feemarket.v1.Query/GasPrice`.
 * - `osmosis-eip1559`: Osmosis' txfees module keeps an EIP-1559 base fee that CheckTx enforces for uosmo:
 *   `/osmosis.txfees.v1beta1.Query/GetEipBaseFee`.
 */
export type FeeMarketKind = 'feemarket' | 'osmosis-eip1559';

export const FEE_MARKETS: Readonly<Record<string, FeeMarketKind>> = {
  cosmoshub: 'feemarket',
  neutron: 'feemarket',
  osmosis: 'osmosis-eip1559',
};

export const FEEMARKET_GAS_PRICE_PATH = '/feemarket.feemarket.v1.Query/GasPrice';
export const OSMOSIS_EIP_BASE_FEE_PATH = '/osmosis.txfees.v1beta1.Query/GetEipBaseFee';
