/**
 * A CometBFT JSON-RPC endpoint in front of a Cosmos stand-in node that also answers the bank module's
 * `/cosmos.bank.v1beta1.Query/Balance` and `/cosmos.bank.v1beta1.Query/AllBalances` (one page, denoms sorted as the
 * bank module returns them) from a table (the stand-ins keep accounts and sequences, not balances). Every
 * other request goes to the stand-in unchanged, so `status` still names the stand-in's chain (what an endpoint
 * override is checked against).
 */
import { QueryAllBalancesRequest, QueryAllBalancesResponse, QueryBalanceRequest, QueryBalanceResponse } from 'cosmjs-types/cosmos/bank/v1beta1/query';
import { listenLocal, type LocalHttpServer } from './localHttpServer';

const BALANCE_PATH = '/cosmos.bank.v1beta1.Query/Balance';
const ALL_BALANCES_PATH = '/cosmos.bank.v1beta1.Query/AllBalances';

/** Bank balances by `${address}/${denom}`, base units. */
export type BankBalances = Map<string, bigint>;

export const bankKey = (address: string, denom: string): string => `${address}/${denom}`;

/** Starts the proxy; `balances` is read at each query, so a test may change it between requests. */
export async function startCosmosBankProxy(upstreamUrl: string, balances: BankBalances): Promise<LocalHttpServer> {
  return listenLocal((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const body = JSON.parse(text || '{}') as { id?: number; method?: string; params?: { path?: string; data?: string } };
      const path = body.method === 'abci_query' ? body.params?.path : undefined;
      if (path === BALANCE_PATH || path === ALL_BALANCES_PATH) {
        const data = Buffer.from(body.params?.data ?? '', 'hex');
        let value: string;
        if (path === BALANCE_PATH) {
          const { address, denom } = QueryBalanceRequest.decode(data);
          const amount = balances.get(bankKey(address, denom)) ?? 0n;
          value = Buffer.from(QueryBalanceResponse.encode({ balance: { denom, amount: amount.toString() } }).finish()).toString('base64');
        } else {
          const { address } = QueryAllBalancesRequest.decode(data);
          const coins = [...balances].flatMap(([key, amount]) => (key.startsWith(`${address}/`) && amount > 0n ? [{ denom: key.slice(address.length + 1), amount: amount.toString() }] : []));
          coins.sort((a, b) => (a.denom < b.denom ? -1 : a.denom > b.denom ? 1 : 0));
          value = Buffer.from(QueryAllBalancesResponse.encode({ balances: coins, pagination: { nextKey: new Uint8Array(), total: BigInt(coins.length) } }).finish()).toString('base64');
        }
        const result = { response: { code: 0, log: '', info: '', index: '0', key: null, value, proofOps: null, height: '23456789', codespace: '' } };
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ jsonrpc: '2.0', id: body.id, result }));
        return;
      }
      fetch(upstreamUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: text })
        .then(async (upstream) => response.writeHead(upstream.status, { 'content-type': 'application/json' }).end(await upstream.text()))
        .catch(() => response.writeHead(502).end());
    });
  });
}
