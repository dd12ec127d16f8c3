import { ShieldIcon } from '../components/icons';

/** The one warning that matters: paper, offline, private. */
export function WriteDownWarning({ reveal = false }: { reveal?: boolean }) {
  return (
    <div className="warning" role="note">
      <ShieldIcon />
      <div>
        <p className="warning__title">{reveal ? 'Keep these words secret' : 'Write these words down, in order, on paper'}</p>
        <p className="warning__text">
          Anyone with these words can take everything in this wallet. Keep them offline and private: no photos,
          screenshots or cloud notes. Strata only ever shows or asks for them in this window.
        </p>
      </div>
    </div>
  );
}
