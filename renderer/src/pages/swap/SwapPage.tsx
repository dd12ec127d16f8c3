import { useCallback, useState } from 'react';
import type { Route } from '../../../../shared/domain/route';
import type { Transfer } from '../../../../shared/domain/transferRecord';
import { addressOnChain } from '../../lib/chainAddress';
import { useAccountsStore } from '../../stores/accountsStore';
import { useAssetsStore } from '../../stores/assetsStore';
import { useChainsStore } from '../../stores/chainsStore';
import { usePortfolioStore } from '../../stores/portfolioStore';
import { useTransfersStore } from '../../stores/transfersStore';
import { assetsOn, chainsFor, richestChain, sendableAccounts } from '../send/sendOptions';
import { RecentTransfers } from './RecentTransfers';
import { RouteList } from './RouteList';
import { SwapForm } from './SwapForm';
import { SwapReview } from './SwapReview';
import { TransferProgress } from './TransferProgress';
import { DEFAULT_SLIPPAGE, routeQuery, type SwapDraft } from './swapDraft';
import { useRouteSearch } from './useRouteSearch';

type View = { kind: 'form' } | { kind: 'review'; route: Route; slippagePercent: number } | { kind: 'progress'; transferId: string };

/**
 * The first draft: the richest EVM chain's native coin, to another chain's native coin. Cosmos chains are offered
 * too (IBC, Osmosis, Axelar routes), but an EVM pair stays the default.
 */
function initialDraft(): SwapDraft {
  const accounts = sendableAccounts(useAccountsStore.getState().accounts);
  const { chains, byId } = useChainsStore.getState();
  const account = accounts[0];
  const evm = chainsFor(account, chains, byId).filter((c) => c.family === 'evm');
  const from = (account ? richestChain(usePortfolioStore.getState().portfolio, account.id, evm) : undefined) ?? '';
  const to = evm.find((c) => c.id !== from)?.id ?? '';
  return { accountId: account?.id ?? '', fromChain: from, fromAsset: 'native', amount: '', toChain: to, toAsset: 'native', slippage: DEFAULT_SLIPPAGE, sort: 'amount' };
}

/**
 * Swap & bridge: from what the wallet holds on one chain to an asset on another, or on the same chain (a swap). The form quotes routes as it
 * changes; one route is reviewed, confirmed once, and then followed live step by step. Recent transfers stay beside.
 */
export function SwapPage() {
  const [draft, setDraft] = useState<SwapDraft>(initialDraft);
  const [view, setView] = useState<View>({ kind: 'form' });
  const accounts = useAccountsStore((s) => s.accounts);
  const byId = useChainsStore((s) => s.byId);
  const portfolio = usePortfolioStore((s) => s.portfolio);
  const assets = useAssetsStore((s) => s.assets);
  const holdings = portfolio?.holdings.filter((h) => h.accountId === draft.accountId) ?? [];
  const fromAsset = assetsOn(byId[draft.fromChain], assets, holdings).find((a) => a.ref === draft.fromAsset);
  // Quoting stops while a route is reviewed or followed; back on the form, the routes are quoted afresh.
  const { search, findNow } = useRouteSearch(view.kind === 'form' ? routeQuery(draft, fromAsset) : null);

  const chainName = useCallback((id: string) => byId[id]?.name ?? id, [byId]);
  const priceOf = (chain: string, ref: string) => {
    const held = (portfolio?.holdings ?? []).find((h) => h.asset.chain === chain && h.asset.ref === ref && h.usdPrice !== null);
    return held?.usdPrice ?? null;
  };
  const account = sendableAccounts(accounts).find((a) => a.id === draft.accountId);
  const addressOn = (chainId: string | undefined) => {
    const chain = chainId ? byId[chainId] : undefined;
    return account && chain ? addressOnChain(account, chain, byId) : null;
  };

  function started(transfer: Transfer) {
    useTransfersStore.getState().upsert(transfer);
    setView({ kind: 'progress', transferId: transfer.id });
  }

  const subtitle =
    view.kind === 'form'
      ? 'Swap on one network or move value across chains in one confirmation: Strata finds the routes, you pick one.'
      : view.kind === 'review'
        ? view.route.steps.length === 1
          ? 'Review the route. One confirmation runs it.'
          : 'Review the route. One confirmation runs every step.'
        : 'Follow each step live. You can leave this page: the transfer goes on.';

  return (
    <>
      <div className="page__header">
        <div>
          <h1 className="page__title" tabIndex={-1}>
            Swap &amp; bridge
          </h1>
          <p className="page__subtitle">{subtitle}</p>
        </div>
      </div>
      {view.kind === 'form' ? (
        <div className="swap">
          <div className="swap__side">
            <SwapForm draft={draft} onChange={setDraft} onFind={findNow} finding={search.state === 'finding'} />
          </div>
          <div className="swap__main">
            <RouteList
              search={search}
              chainName={chainName}
              priceOf={priceOf}
              onChoose={(route) => setView({ kind: 'review', route, slippagePercent: search.state === 'found' ? search.query.slippagePercent ?? 0.5 : 0.5 })}
            />
            <RecentTransfers chainName={chainName} openId={null} onOpen={(id) => setView({ kind: 'progress', transferId: id })} />
          </div>
        </div>
      ) : (
        <div className="swap swap--focus">
          <div className="swap__main">
            {view.kind === 'review' ? (
              <SwapReview
                route={view.route}
                accountId={draft.accountId}
                accountLabel={account?.label ?? 'Account'}
                fromAddress={addressOn(view.route.steps[0]?.fromChain)}
                toAddress={addressOn(view.route.steps[view.route.steps.length - 1]?.toChain)}
                slippagePercent={view.slippagePercent}
                chainName={chainName}
                priceOf={priceOf}
                onEdit={() => setView({ kind: 'form' })}
                onRequote={() => setView({ kind: 'form' })}
                onStarted={started}
              />
            ) : (
              <TransferProgress
                key={view.transferId}
                transferId={view.transferId}
                chainName={chainName}
                onNew={() => {
                  setDraft((d) => ({ ...d, amount: '' }));
                  setView({ kind: 'form' });
                }}
              />
            )}
          </div>
          <div className="swap__side">
            <RecentTransfers chainName={chainName} openId={view.kind === 'progress' ? view.transferId : null} onOpen={(id) => setView({ kind: 'progress', transferId: id })} />
          </div>
        </div>
      )}
    </>
  );
}
