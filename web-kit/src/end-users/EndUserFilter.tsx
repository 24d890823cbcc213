import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useDebouncedValue } from '../ui/useDebouncedValue';
import { parseEndUser } from './end-user-rules';

/**
 * One end user to narrow a view to: a text box whose suggestions come from the app's endUsers
 * search (`onSearch` gets the typed text once typing pauses). A value is applied on Enter, on
 * leaving the box or on picking a suggestion, not on every key, so each change is one request.
 */
export function EndUserFilter({
  value,
  onChange,
  suggestions,
  onSearch,
  disabled = false,
  disabledHint = 'Choose a customer first',
  label = 'End user',
}: {
  value: string | undefined;
  onChange: (endUser: string | undefined) => void;
  suggestions: readonly string[];
  onSearch: (text: string) => void;
  disabled?: boolean;
  disabledHint?: string;
  label?: string;
}) {
  const id = useId();
  const [text, setText] = useState(value ?? '');
  const debounced = useDebouncedValue(text, 250);

  // The URL is the source of truth: Back and a cleared customer reset the box.
  useEffect(() => setText(value ?? ''), [value]);
  useEffect(() => {
    if (!disabled) onSearch(debounced.trim());
    // onSearch is the app's state setter wrapper; searching on text changes only is intended.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced, disabled]);

  const apply = (next: string) => {
    const endUser = parseEndUser(next);
    if (endUser !== value) onChange(endUser);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      apply(text);
    }
  };

  return (
    <div className="inline-field eu-filter">
      <label htmlFor={id}>{label}</label>
      <div className="eu-filter-box">
        <input
          id={id}
          type="search"
          list={`${id}-suggestions`}
          value={text}
          disabled={disabled}
          placeholder={disabled ? disabledHint : 'All end users'}
          title={disabled ? disabledHint : undefined}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => {
            setText(e.target.value);
            // Picking from the list fills the whole id at once: apply it like Enter.
            if (suggestions.includes(e.target.value)) apply(e.target.value);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => apply(text)}
        />
        <datalist id={`${id}-suggestions`}>
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        {value && !disabled && (
          <button type="button" className="icon-button eu-filter-clear" aria-label={`Show all end users, not only ${value}`} onClick={() => onChange(undefined)}>
            ×
          </button>
        )}
      </div>
    </div>
  );
}
