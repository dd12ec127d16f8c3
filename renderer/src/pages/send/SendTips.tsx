import { CheckIcon } from '../../components/icons';

const TIPS = {
  form: {
    title: 'Before you send',
    lines: [
      'Paste addresses rather than typing them, and compare the first and last characters.',
      'Send on the network the recipient expects: the same address elsewhere may not reach them.',
      'A confirmed transfer cannot be undone. The next screen shows everything first.',
    ],
  },
  review: {
    title: 'What happens next',
    lines: [
      'Strata signs exactly this transfer on this computer; your keys never leave it.',
      'The network includes it in a block, usually within a minute. The fee charged is often below the maximum.',
      'You can follow it in Activity, which updates by itself.',
    ],
  },
} as const;

/** A few calm lines beside the send form or the review (wide windows only). */
export function SendTips({ step }: { step: keyof typeof TIPS }) {
  const tips = TIPS[step];
  return (
    <aside className="send-tips" aria-labelledby="send-tips-title">
      <h2 id="send-tips-title" className="send-tips__title">
        {tips.title}
      </h2>
      <ul>
        {tips.lines.map((line) => (
          <li key={line}>
            <CheckIcon />
            <span>{line}</span>
          </li>
        ))}
      </ul>
    </aside>
  );
}
