import type { RefreshProgress } from '../../../../shared/domain/portfolio';
import { ProgressBar } from '../../components/ProgressBar';
import { Spinner } from '../../components/Spinner';

/** "Refreshing 3 of 9 chains…" and a bar while a refresh runs; the text is announced politely. */
export function RefreshStatus({ active, progress }: { active: boolean; progress: RefreshProgress | null }) {
  const known = progress !== null && progress.total > 0;
  const text = !active ? '' : known ? `Refreshing ${Math.min(progress.done, progress.total)} of ${progress.total} chains…` : 'Refreshing…';
  return (
    <div className={active ? 'refresh-status' : 'refresh-status is-idle'}>
      <p className="refresh-status__text" role="status">
        {active ? <Spinner /> : null}
        <span>{text}</span>
      </p>
      {active ? <ProgressBar value={known ? progress.done : null} max={known ? progress.total : 1} label="Refresh progress" /> : null}
    </div>
  );
}
