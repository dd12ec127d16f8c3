import { z } from 'zod';
import { StrataError } from '../../../../shared/errors';
import { AXELAR_LCD_BASE_URL } from './axelarNetwork';
import { apiBase, fetchAxelarJson, type AxelarHttpOptions } from './fetchAxelarJson';

/** A transfer Axelar prices: between two of its chains (Axelar's names), `amount` base units of Axelar's `denom`. */
export interface AxelarFeeRequest {
  sourceChain: string;
  destinationChain: string;
  denom: string;
  amount: bigint;
}

/** Where quotes get Axelar's transfer fee from (injectable: tests use a local stand-in of the real API). */
export interface AxelarFeeSource {
  /** The fee Axelar deducts from the transfer, in base units of `denom`. @throws RPC_UNAVAILABLE */
  transferFee(request: AxelarFeeRequest): Promise<bigint>;
}

/** `{"fee":{"denom":"uusdc","amount":"1500000"}}`: axelar-core's TransferFeeResponse over the gRPC gateway. */
const TransferFeeBody = z.looseObject({
  fee: z.looseObject({ denom: z.string(), amount: z.string().regex(/^[0-9]{1,78}$/) }),
});

/** Axelar chain names and denoms are short identifiers: nothing else is put into a URL. */
const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/**
 * The real fee source: Axelar's LCD `GET /axelar/nexus/v1beta1/transfer_fee?source_chain=…&destination_chain=…
 * &amount=<amount><denom>` (axelar-core proto/axelar/nexus/v1beta1/service.proto, TransferFee). Axelar computes
 * min(max fee, max(min fee, rate × amount)) from both chains' fee info; for a Cosmos source it uses Axelarnet's.
 * @throws (transferFee) INVALID_INPUT for a chain name or denom that is no identifier; RPC_UNAVAILABLE for an
 *   unreachable LCD, an error answer (an unregistered chain or asset) or a fee in another denom
 */
export function createAxelarLcdFeeSource(options: AxelarHttpOptions = {}): AxelarFeeSource {
  const base = apiBase(options, AXELAR_LCD_BASE_URL);
  return {
    async transferFee(request) {
      const { sourceChain, destinationChain, denom, amount } = request;
      if (![sourceChain, destinationChain].every((s) => IDENTIFIER.test(s)) || !/^[a-z][a-z0-9/]{1,127}$/.test(denom)) {
        throw new StrataError('INVALID_INPUT', 'Not an Axelar chain name or denom');
      }
      if (amount < 0n) throw new StrataError('INVALID_AMOUNT', 'The amount must not be negative');
      const query = new URLSearchParams({ source_chain: sourceChain, destination_chain: destinationChain, amount: `${amount}${denom}` });
      const json = await fetchAxelarJson(`${base}/axelar/nexus/v1beta1/transfer_fee?${query}`, undefined, options, "Axelar's fee API");
      const parsed = TransferFeeBody.safeParse(json);
      if (!parsed.success || parsed.data.fee.denom !== denom) {
        throw new StrataError('RPC_UNAVAILABLE', "Axelar's fee API sent an unexpected answer");
      }
      return BigInt(parsed.data.fee.amount);
    },
  };
}
