import { getAddress } from 'viem';
import type { ChainInfo } from '../../../../shared/domain/chain';
import { StrataError } from '../../../../shared/errors';
import { listAssets } from '../../assets/listAssets';
import { AXELAR_USDC_SYMBOL, AXELAR_USDC_TRANSFER_FEE, DEVNET_AXELAR_CHAIN_NAMES } from '../../devnet/axelar/axelarSpec';
import { transferCommandId } from '../../devnet/axelar/gatewayCommands';
import { devnetChains } from '../../devnet/devnetChains';
import { DEVNET_CHAIN_SPECS } from '../../devnet/devnetSpec';
import type { AxelarGatewayRegistry } from './axelarGatewayRegistry';

/**
 * How long a devnet Axelar transfer is quoted to take: the devnet relayer delivers within a poll (150 ms) and one
 * transaction, but Axelar's own network waits for source finality and a signing round, so the devnet quotes more
 * than LayerZero's relayer (5 s) to keep the two bridges' speeds in their real order.
 */
export const DEVNET_AXELAR_ETA_SECONDS = 15;

/**
 * The devnet's Axelar: the gateway at `contracts.axelarGateway` on devnet-a and devnet-b (Axelar names
 * "devnet-a"/"devnet-b"), carrying the devnet USDC for a fee of AXELAR_USDC_TRANSFER_FEE (1 USDC).
 * @throws StrataError DEVNET_NOT_RUNNING when the devnet has no gateway or no USDC
 */
export function devnetAxelarRegistry(contracts: Readonly<Record<string, string>>): AxelarGatewayRegistry {
  const gateway = contracts.axelarGateway;
  const usdc = contracts.usdc;
  if (!gateway || !usdc) throw new StrataError('DEVNET_NOT_RUNNING', 'This devnet has no Axelar gateway (restart it to run the Axelar deploy steps)');
  const chains = devnetChains();
  const usdcOn = (chain: ChainInfo) => {
    const asset = listAssets(chain, { devnetContracts: contracts }).find((a) => a.ref !== 'native' && getAddress(a.ref) === getAddress(usdc));
    if (!asset) throw new StrataError('DEVNET_NOT_RUNNING', `The devnet USDC is not listed on ${chain.name}`);
    return asset;
  };
  return {
    gateways: DEVNET_CHAIN_SPECS.map((spec) => ({ chain: spec.id, name: DEVNET_AXELAR_CHAIN_NAMES[spec.alias], gateway: getAddress(gateway) })),
    tokens: [{ symbol: AXELAR_USDC_SYMBOL, fee: AXELAR_USDC_TRANSFER_FEE, assets: chains.map(usdcOn) }],
    commandIdOf: (source, txHash, logIndex) => transferCommandId(source.name, txHash, logIndex),
  };
}
