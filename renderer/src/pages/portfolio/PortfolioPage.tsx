import { loadPortfolio } from '../../app/walletData';
import { refreshPortfolio } from '../../app/refreshPortfolio';
import { Button } from '../../components/Button';
import { FormMessage } from '../../components/FormMessage';
import { ReceiveIcon, RefreshIcon, SendIcon } from '../../components/icons';
import { Spinner } from '../../components/Spinner';
import { assetGroups, chainGroups, pricesTime } from '../../lib/portfolioView';
import { exactTime, timeAgo } from '../../lib/relativeTime';
import { useNow } from '../../lib/useNow';
import { useAccountsStore } from '../../stores/accountsStore';
import { useAppStore } from '../../stores/appStore';
import { useChainsStore } from '../../stores/chainsStore';
import { usePortfolioStore } from '../../stores/portfolioStore';
import { AssetList } from './AssetList';
import { ChainErrors } from './ChainErrors';
import { ChainList } from './ChainList';
import { EmptyPortfolio } from './EmptyPortfolio';
import { RefreshStatus } from './RefreshStatus';
import { TotalCard } from './TotalCard';

/** "Prices from 3 h ago — offline": the values use last known prices because the price service did not answer. */
function StaleChip({ at, now }: { at: number | null; now: number }) {
  return (
    <span className="stale-chip" title={at !== null ? `Last prices fetched ${exactTime(at)}` : undefined}>
      {at !== null ? `Prices from ${timeAgo(at, now)} — offline` : 'Prices not current — offline'}
    </span>
  );
}

/** What the wallet holds, in USD, across every chain: total, allocation, by asset and by chain. */
export function PortfolioPage() {
  const portfolio = usePortfolioStore((s) => s.portfolio);
  const progress = usePortfolioStore((s) => s.progress);
  const refreshingHere = usePortfolioStore((s) => s.refreshing);
  const error = usePortfolioStore((s) => s.error);
  const byId = useChainsStore((s) => s.byId);
  const accounts = useAccountsStore((s) => s.accounts);
  const openSend = useAppStore((s) => s.openSend);
  const setPage = useAppStore((s) => s.setPage);
  const now = useNow();
  // A refresh main started itself shows the same progress as one asked for here.
  const refreshing = refreshingHere || progress !== null;

  const groups = portfolio ? assetGroups(portfolio, byId, accounts ?? []) : [];
  const chains = portfolio ? chainGroups(portfolio, byId) : [];
  const neverRead = portfolio !== null && portfolio.updatedAt === null;

  return (
    <>
      <div className="page__header">
        <div>
          <h1 className="page__title" tabIndex={-1}>
            Portfolio
          </h1>
          <p className="page__subtitle portfolio__updated">
            {portfolio === null ? (
              'Loading…'
            ) : portfolio.updatedAt === null ? (
              'Balances not read yet'
            ) : (
              <span title={exactTime(portfolio.updatedAt)}>Updated {timeAgo(portfolio.updatedAt, now)}</span>
            )}
            {portfolio?.pricesStale ? <StaleChip at={pricesTime(portfolio)} now={now} /> : null}
          </p>
        </div>
        <div className="toolbar">
          <Button icon={<RefreshIcon />} onClick={() => void refreshPortfolio()} busy={refreshing} busyText="Refreshing…">
            Refresh
          </Button>
          <Button icon={<ReceiveIcon />} onClick={() => setPage('receive')}>
            Receive
          </Button>
          <Button variant="primary" icon={<SendIcon />} onClick={() => openSend()}>
            Send
          </Button>
        </div>
      </div>
      <RefreshStatus active={refreshing} progress={progress} />
      <FormMessage error={error} className="page__message" />

      {portfolio === null ? (
        error ? (
          <div className="actions actions--start">
            <Button onClick={() => void loadPortfolio()}>Try again</Button>
          </div>
        ) : (
          <div className="loading" role="status">
            <Spinner /> Loading your portfolio…
          </div>
        )
      ) : neverRead ? (
        <section className="card empty" aria-labelledby="never-read-title">
          <h2 id="never-read-title" className="empty__title">
            {refreshing ? 'Reading your balances…' : 'Your balances have not been read yet'}
          </h2>
          <p className="empty__text">
            Strata asks each network for your accounts’ balances and a price service for their value in US dollars.
          </p>
        </section>
      ) : (
        <div className="portfolio">
          {groups.length > 0 ? (
            <TotalCard totalUsd={portfolio.totalUsd} groups={groups} chainCount={chains.length} pricesStale={portfolio.pricesStale} />
          ) : null}
          <ChainErrors errors={portfolio.errors} holdings={portfolio.holdings} />
          {groups.length === 0 ? (
            <EmptyPortfolio />
          ) : (
            <div className="portfolio__lists">
              <AssetList groups={groups} />
              <ChainList groups={chains} />
            </div>
          )}
        </div>
      )}
    </>
  );
}
