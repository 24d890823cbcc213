/** One audited field: what it was before the action and what it is after. */
export interface FieldChange {
  from: unknown;
  to: unknown;
}

/**
 * The before → after of the fields an action was asked to change, leaving out those it left as
 * they were, so an audit entry answers "what changed" without the reader replaying history.
 * `before` is null when the action created the row.
 */
export function fieldChanges<T extends object>(before: T | null, after: T, keys: readonly (keyof T & string)[]): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  for (const key of keys) {
    const from = before ? (before[key] ?? null) : null;
    const to = after[key] ?? null;
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from, to };
  }
  return changes;
}
