import { useState } from 'react';

export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
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
      <span className="visually-hidden" aria-live="polite">
        {copied === 'done' ? 'Copied to clipboard' : ''}
      </span>
    </button>
  );
}
