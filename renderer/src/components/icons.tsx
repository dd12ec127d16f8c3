/** Small line icons drawn with currentColor; all decorative (aria-hidden). */
export function LockIcon() {
  return (
    <svg viewBox="0 0 16 16" className="icon" aria-hidden="true" focusable="false">
      <rect x="3" y="7" width="10" height="7" rx="1.5" />
      <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" />
    </svg>
  );
}

export function PlusIcon() {
  return (
    <svg viewBox="0 0 16 16" className="icon" aria-hidden="true" focusable="false">
      <path d="M8 3v10M3 8h10" />
    </svg>
  );
}

export function KeyIcon() {
  return (
    <svg viewBox="0 0 16 16" className="icon" aria-hidden="true" focusable="false">
      <circle cx="5.5" cy="10.5" r="2.5" />
      <path d="M7.3 8.7 13 3M11 5l1.5 1.5M9.5 6.5 11 8" />
    </svg>
  );
}

export function EyeIcon() {
  return (
    <svg viewBox="0 0 16 16" className="icon" aria-hidden="true" focusable="false">
      <path d="M1.5 8S4 3.5 8 3.5 14.5 8 14.5 8 12 12.5 8 12.5 1.5 8 1.5 8Z" />
      <circle cx="8" cy="8" r="2" />
    </svg>
  );
}

export function WindowIcon() {
  return (
    <svg viewBox="0 0 48 48" className="icon icon--xl" aria-hidden="true" focusable="false">
      <rect x="5" y="9" width="38" height="30" rx="4" />
      <path d="M5 16h38" />
      <circle cx="10" cy="12.5" r="0.8" />
      <circle cx="14" cy="12.5" r="0.8" />
      <rect x="18" y="23" width="12" height="9" rx="1.5" />
      <path d="M20.5 23v-2.5a3.5 3.5 0 0 1 7 0V23" />
    </svg>
  );
}

export function CheckIcon({ large = false }: { large?: boolean }) {
  return (
    <svg viewBox="0 0 16 16" className={large ? 'icon icon--xl' : 'icon'} aria-hidden="true" focusable="false">
      <path d="M3.5 8.5 6.5 11.5 12.5 4.5" />
    </svg>
  );
}

export function ShieldIcon() {
  return (
    <svg viewBox="0 0 16 16" className="icon" aria-hidden="true" focusable="false">
      <path d="M8 1.5 13 3.5V8c0 3-2.2 5.3-5 6.5C5.2 13.3 3 11 3 8V3.5Z" />
    </svg>
  );
}

export function SeedIcon() {
  return (
    <svg viewBox="0 0 16 16" className="icon" aria-hidden="true" focusable="false">
      <rect x="2" y="3" width="12" height="10" rx="1.5" />
      <path d="M4.5 6h3M4.5 8h3M4.5 10h3M9 6h2.5M9 8h2.5M9 10h2.5" />
    </svg>
  );
}

export function SparkIcon() {
  return (
    <svg viewBox="0 0 16 16" className="icon" aria-hidden="true" focusable="false">
      <path d="M7 2.5c.4 2.6 1.4 3.6 4 4-2.6.4-3.6 1.4-4 4-.4-2.6-1.4-3.6-4-4 2.6-.4 3.6-1.4 4-4Z" />
      <path d="M12.5 9.5c.2 1.2.8 1.8 2 2-1.2.2-1.8.8-2 2-.2-1.2-.8-1.8-2-2 1.2-.2 1.8-.8 2-2Z" />
    </svg>
  );
}

export function ArrowLeftIcon() {
  return (
    <svg viewBox="0 0 16 16" className="icon" aria-hidden="true" focusable="false">
      <path d="M13 8H3M7 4 3 8l4 4" />
    </svg>
  );
}

export function ChevronRightIcon() {
  return (
    <svg viewBox="0 0 16 16" className="icon" aria-hidden="true" focusable="false">
      <path d="m6 3.5 4.5 4.5L6 12.5" />
    </svg>
  );
}

export function RefreshIcon() {
  return (
    <svg viewBox="0 0 16 16" className="icon" aria-hidden="true" focusable="false">
      <path d="M13.5 8a5.5 5.5 0 1 1-1.6-3.9" />
      <path d="M12.5 1.8v2.7H9.8" />
    </svg>
  );
}

export function SendIcon() {
  return (
    <svg viewBox="0 0 16 16" className="icon" aria-hidden="true" focusable="false">
      <path d="M4.5 11.5 11.5 4.5M6 4.5h5.5V10" />
    </svg>
  );
}

export function ReceiveIcon() {
  return (
    <svg viewBox="0 0 16 16" className="icon" aria-hidden="true" focusable="false">
      <path d="M11.5 4.5 4.5 11.5M10 11.5H4.5V6" />
    </svg>
  );
}

export function CopyIcon() {
  return (
    <svg viewBox="0 0 16 16" className="icon" aria-hidden="true" focusable="false">
      <rect x="5.5" y="5.5" width="8" height="8" rx="1.5" />
      <path d="M10.5 3.5v-.5A1.5 1.5 0 0 0 9 1.5H4A1.5 1.5 0 0 0 2.5 3v5A1.5 1.5 0 0 0 4 9.5h.5" />
    </svg>
  );
}

export function ChevronDownIcon() {
  return (
    <svg viewBox="0 0 16 16" className="icon chevron" aria-hidden="true" focusable="false">
      <path d="m3.5 6 4.5 4.5L12.5 6" />
    </svg>
  );
}

export function NetworkIcon() {
  return (
    <svg viewBox="0 0 16 16" className="icon" aria-hidden="true" focusable="false">
      <circle cx="8" cy="8" r="6" />
      <path d="M2 8h12M8 2c1.7 1.7 2.5 3.7 2.5 6S9.7 12.3 8 14C6.3 12.3 5.5 10.3 5.5 8S6.3 3.7 8 2Z" />
    </svg>
  );
}

export function AlertIcon() {
  return (
    <svg viewBox="0 0 16 16" className="icon" aria-hidden="true" focusable="false">
      <path d="M8 2 14.5 13.5h-13Z" />
      <path d="M8 6.5v3M8 11.5v.01" />
    </svg>
  );
}

export function ClockIcon() {
  return (
    <svg viewBox="0 0 16 16" className="icon" aria-hidden="true" focusable="false">
      <circle cx="8" cy="8" r="6" />
      <path d="M8 4.5V8l2.5 1.5" />
    </svg>
  );
}

export function CrossIcon() {
  return (
    <svg viewBox="0 0 16 16" className="icon" aria-hidden="true" focusable="false">
      <path d="M4.5 4.5l7 7M11.5 4.5l-7 7" />
    </svg>
  );
}
