import { useEffect, useId, useState } from 'react';
import { useDebouncedValue } from './useDebouncedValue';

/** A search input whose value is committed (to the URL) after typing pauses. */
export function SearchBox({
  value,
  onCommit,
  label,
  placeholder,
  visibleLabel = false,
}: {
  value: string;
  onCommit: (value: string) => void;
  label: string;
  placeholder?: string;
  /** Shows the label above the box, as the toolbar's other fields do. */
  visibleLabel?: boolean;
}) {
  const id = useId();
  const [text, setText] = useState(value);
  const debounced = useDebouncedValue(text, 300);

  // The URL is the source of truth: back/forward navigation must update the box.
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (debounced.trim() !== value) onCommit(debounced.trim());
    // onCommit changes identity on every render; committing on text changes only is intended.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  return (
    <div className={`search-box${visibleLabel ? ' inline-field' : ''}`}>
      <label htmlFor={id} className={visibleLabel ? undefined : 'visually-hidden'}>
        {label}
      </label>
      <input id={id} type="search" value={text} placeholder={placeholder ?? label} onChange={(e) => setText(e.target.value)} />
    </div>
  );
}
