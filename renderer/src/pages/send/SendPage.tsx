import { useState } from 'react';
import type { ActivityEntry, SendReview } from '../../../../shared/domain/send';
import { sameAddress } from '../../lib/chainAddress';
import { useAccountsStore } from '../../stores/accountsStore';
import { useActivityStore } from '../../stores/activityStore';
import { useAppStore } from '../../stores/appStore';
import { useChainsStore } from '../../stores/chainsStore';
import { usePortfolioStore } from '../../stores/portfolioStore';
import { ReviewScreen } from './ReviewScreen';
import { SendForm, type KnownFees } from './SendForm';
import { SentScreen } from './SentScreen';
import { SendTips } from './SendTips';
import { chainsFor, holdingOf, richestChain, sendableAccounts } from './sendOptions';
import type { PrepareInput, SendDraft } from './sendTypes';

type Step = { kind: 'form' } | { kind: 'review'; review: SendReview; request: PrepareInput } | { kind: 'sent'; entry: ActivityEntry };

/** The first draft: the preset (from a holding's "Send") where it fits, else the richest chain's native asset. */
function initialDraft(): SendDraft {
  const { sendPreset } = useAppStore.getState();
  const accounts = sendableAccounts(useAccountsStore.getState().accounts);
  const { chains, byId } = useChainsStore.getState();
  const portfolio = usePortfolioStore.getState().portfolio;
  const account = accounts.find((a) => a.id === sendPreset?.accountId) ?? accounts[0];
  const accountChains = chainsFor(account, chains, byId);
  const chain = accountChains.find((c) => c.id === sendPreset?.chain)?.id ?? (account ? richestChain(portfolio, account.id, accountChains) : undefined);
  return {
    accountId: account?.id ?? '',
    chain: chain ?? '',
    asset: chain && chain === sendPreset?.chain && sendPreset.asset ? sendPreset.asset : 'native',
    to: '',
    amount: '',
    tier: 'normal',
  };
}

/** Send: form, then the review screen (always), then the sent state with a live status. */
export function SendPage() {
  const [draft, setDraft] = useState<SendDraft>(initialDraft);
  const [step, setStep] = useState<Step>({ kind: 'form' });
  const [knownFees, setKnownFees] = useState<KnownFees>(null);
  const accounts = useAccountsStore((s) => s.accounts);
  const byId = useChainsStore((s) => s.byId);
  const portfolio = usePortfolioStore((s) => s.portfolio);
  const entries = useActivityStore((s) => s.entries);

  function reviewed(review: SendReview, request: PrepareInput) {
    setKnownFees({ chain: request.chain, asset: request.asset, fees: review.fees });
    setDraft((d) => ({ ...d, tier: review.fee.tier }));
    setStep({ kind: 'review', review, request });
  }

  const subtitle =
    step.kind === 'form' ? 'Choose what to send and where. You will review everything before it is signed.' : step.kind === 'review' ? 'Step 2 of 2: review and confirm.' : 'Sent to the network.';

  return (
    <>
      <div className="page__header">
        <div>
          <h1 className="page__title" id="send-title" tabIndex={-1}>
            Send
          </h1>
          <p className="page__subtitle">{subtitle}</p>
        </div>
      </div>
      <div className="send">
        {step.kind === 'form' ? <SendForm draft={draft} onChange={setDraft} knownFees={knownFees} onReviewed={reviewed} /> : null}
        {step.kind === 'review' ? (
          <ReviewScreen
            review={step.review}
            request={step.request}
            accountLabel={accounts?.find((a) => a.id === step.review.accountId)?.label ?? 'Account'}
            chainName={byId[step.review.chain]?.name ?? step.review.chain}
            assetPrice={holdingOf(portfolio, step.review.accountId, step.review.chain, step.review.asset.ref)?.usdPrice ?? null}
            feePrice={holdingOf(portfolio, step.review.accountId, step.review.chain, step.review.fee.feeAsset.ref)?.usdPrice ?? null}
            firstTime={!(entries ?? []).some((e) => e.chain === step.review.chain && sameAddress(e.to, step.review.to))}
            onEdit={() => setStep({ kind: 'form' })}
            onReprepared={reviewed}
            onSent={(entry) => setStep({ kind: 'sent', entry })}
          />
        ) : null}
        {step.kind === 'sent' ? (
          <SentScreen
            sent={step.entry}
            onNew={() => {
              setDraft((d) => ({ ...d, to: '', amount: '' }));
              setStep({ kind: 'form' });
            }}
          />
        ) : null}
        {step.kind !== 'sent' ? <SendTips step={step.kind} /> : null}
      </div>
    </>
  );
}
