import { useState } from 'react';

/** `what` names what is copied for screen readers when a page has several ("Copy" → "Copy the base URL"). */
export function CopyButton({ text, label = 'Copy', what }: { text: string; label?: string; what?: string }) {
  const [copied, setCopied] = useState<'idle' | 'done' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('done');
    } catch {
      setCopied('failed');
    }
    window.setTimeout(() => setCopied('idle'), 2500);
  };
  return (
    <button type="button" className="button button-small" onClick={copy}>
      {copied === 'done' ? 'Copied ✓' : copied === 'failed' ? 'Copy failed: select and copy' : label}
      {what && copied === 'idle' && <span className="visually-hidden"> {what}</span>}
      <span className="visually-hidden" aria-live="polite">
        {copied === 'done' ? 'Copied to clipboard' : ''}
      </span>
    </button>
  );
}
