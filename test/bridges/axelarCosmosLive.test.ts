/**
 * Live tests of the Axelar EVM <-> Cosmos adapter against Axelar's real APIs. Skipped unless configured:
 *   STRATA_AXELAR_LCD_URL          an Axelar LCD (e.g. https://axelar-lcd.qubelabs.io): quotes Arbitrum -> Osmosis and
 *                                  Osmosis -> Ethereum with the real transfer fee.
 *   STRATA_AXELARSCAN_URL          Axelarscan's API (e.g. https://api.axelarscan.io), with
 *   STRATA_AXELAR_TX_HASH          the source transaction of a real Axelar USDC transfer between a supported EVM chain
 *   STRATA_AXELAR_TX_CHAIN         and Cosmos chain (its CAIP-2 id: eip155:42161, cosmos:osmosis-1, ...), and
 *   STRATA_AXELAR_EVM_RPC          an RPC of the EVM chain involved (source receipt or relayed Transfer): tracks it.
 * Nothing here signs or sends a transaction.
 */
import { describe, expect, it } from 'vitest';
import type { CaipChainId } from '../../shared/domain/chain';
import { createAxelarCosmosBridge, evmUsdcAsset } from '../../electron/services/bridges/axelarCosmos/axelarCosmosBridge';
import { createAxelarLcdFeeSource } from '../../electron/services/bridges/axelarCosmos/axelarFeeSource';
import { createAxelarscanClient } from '../../electron/services/bridges/axelarCosmos/axelarscanClient';
import { axelarCosmosRoute } from '../../electron/services/bridges/axelarCosmos/axelarCosmosRoutes';
import { MAINNET_AXELAR_EVM_CHAINS } from '../../electron/services/bridges/axelarCosmos/axelarNetwork';
import { httpJsonRpc } from '../../electron/services/rpc/httpJsonRpc';

const env = process.env;
const lcd = env.STRATA_AXELAR_LCD_URL;
const scan = env.STRATA_AXELARSCAN_URL && env.STRATA_AXELAR_TX_HASH && env.STRATA_AXELAR_TX_CHAIN && env.STRATA_AXELAR_EVM_RPC ? env : null;
if (!lcd) console.warn('No Axelar LCD: set STRATA_AXELAR_LCD_URL to quote against the real Axelar fee API');
if (!scan) {
  console.warn('No Axelarscan target: set STRATA_AXELARSCAN_URL, STRATA_AXELAR_TX_HASH, STRATA_AXELAR_TX_CHAIN and STRATA_AXELAR_EVM_RPC to track a real transfer');
}

const arbitrum = MAINNET_AXELAR_EVM_CHAINS.find((c) => c.axelarName === 'arbitrum')!;
const ethereum = MAINNET_AXELAR_EVM_CHAINS.find((c) => c.axelarName === 'Ethereum')!;
const osmosis = axelarCosmosRoute('osmosis');

describe.skipIf(!lcd)('live Axelar fee API', () => {
  it('quotes 100 USDC both ways with a fee below the amount', async () => {
    const bridge = createAxelarCosmosBridge({ fees: createAxelarLcdFeeSource({ baseUrl: lcd }), status: createAxelarscanClient() });
    const ctx = { rpc: () => { throw new Error('quotes need no RPC'); }, slippageBps: 50 };
    const toOsmosis = await bridge.quote(bridge.legs({ chain: arbitrum.chain, asset: evmUsdcAsset(arbitrum) }, { chain: osmosis.chain })[0]!, 100_000_000n, ctx);
    const fee = toOsmosis.fees[0]?.amount ?? 0n;
    expect(fee > 0n && fee < 100_000_000n).toBe(true);
    expect(toOsmosis.amountOut).toBe(100_000_000n - fee);
    const toEthereum = await bridge.quote(bridge.legs({ chain: osmosis.chain, asset: osmosis.asset }, { chain: ethereum.chain })[0]!, 100_000_000n, ctx);
    expect(toEthereum.amountOut + (toEthereum.fees[0]?.amount ?? 0n)).toBe(100_000_000n);
    console.info(`Axelar fee for 100 USDC: arbitrum -> osmosis ${fee}, osmosis -> Ethereum ${toEthereum.fees[0]?.amount ?? 0n} uusdc`);
  }, 30_000);
});

describe.skipIf(!scan)('live Axelarscan tracking', () => {
  it('reads a real transfer into a DeliveryStatus', async () => {
    const bridge = createAxelarCosmosBridge({ fees: createAxelarLcdFeeSource(), status: createAxelarscanClient({ baseUrl: scan!.STRATA_AXELARSCAN_URL }) });
    const rpc = httpJsonRpc(scan!.STRATA_AXELAR_EVM_RPC!, { timeoutMs: 15_000 });
    const status = await bridge.trackDelivery({ chain: scan!.STRATA_AXELAR_TX_CHAIN as CaipChainId, txHash: scan!.STRATA_AXELAR_TX_HASH! }, { rpc: () => rpc });
    expect(['inflight', 'delivered', 'failed']).toContain(status.state);
    expect(status.detail.length).toBeGreaterThan(10);
    console.info(`Axelar transfer ${scan!.STRATA_AXELAR_TX_HASH}: ${status.state}: ${status.detail}`);
  }, 60_000);
});
