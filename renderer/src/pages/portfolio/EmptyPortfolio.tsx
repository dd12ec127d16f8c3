import { Button } from '../../components/Button';
import { CopyButton } from '../../components/CopyButton';
import { ReceiveIcon } from '../../components/icons';
import { truncateAddress } from '../../lib/format';
import { useAccountsStore } from '../../stores/accountsStore';
import { useAppStore } from '../../stores/appStore';
import { useChainsStore } from '../../stores/chainsStore';

/** No balances anywhere yet: say why the page is empty and hand over an address to receive funds on. */
export function EmptyPortfolio() {
  const accounts = useAccountsStore((s) => s.accounts);
  const byId = useChainsStore((s) => s.byId);
  const setPage = useAppStore((s) => s.setPage);
  const first = accounts?.[0];
  const evm = first?.addresses.find((a) => byId[a.chain]?.family === 'evm');
  return (
    <section className="card empty empty--portfolio" aria-labelledby="empty-portfolio-title">
      <div className="empty__icon">
        <ReceiveIcon />
      </div>
      <h2 id="empty-portfolio-title" className="empty__title">
        No balances yet
      </h2>
      <p className="empty__text">
        Strata looked on every network and found nothing in your accounts. Send funds to one of your addresses and
        refresh: they will show up here.
      </p>
      {first && evm ? (
        <div className="receive">
          <div className="receive__text">
            <span className="receive__label">{first.label} · every EVM network</span>
            <code className="address" title={evm.address}>
              <span aria-hidden="true">{truncateAddress(evm.address)}</span>
              <span className="sr-only">{evm.address}</span>
            </code>
          </div>
          <CopyButton value={evm.address} label={`Copy ${first.label} EVM address`} />
        </div>
      ) : null}
      <Button variant="ghost" onClick={() => setPage('accounts')}>
        See all addresses
      </Button>
    </section>
  );
}
