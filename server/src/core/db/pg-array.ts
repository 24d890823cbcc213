/**
 * PostgreSQL array literals for the recorder's `unnest($n::type[])` parameters, built directly.
 * The driver turns a JS array into the same text, but quotes every element and escapes it with
 * two regular-expression passes, which was the largest part of sending a 500-event batch.
 */

/**
 * For values whose text never needs quoting: numbers, uuids, ISO timestamps, "YYYY-MM-DD" days,
 * decimal strings we formatted, and enum names. Never for text an integrator chose (a model, a
 * requestId, metadata): use `textArray`.
 */
export function plainArray(values: readonly (string | number | null)[]): string {
  let literal = '{';
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (i > 0) literal += ',';
    literal += value === null ? 'NULL' : value;
  }
  return `${literal}}`;
}

/** For any text: each element double-quoted, with backslashes and quotes escaped (as the driver does). */
export function textArray(values: readonly (string | null)[]): string {
  let literal = '{';
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (i > 0) literal += ',';
    literal += value === null ? 'NULL' : `"${escapeArrayText(value)}"`;
  }
  return `${literal}}`;
}

function escapeArrayText(text: string): string {
  // Most text has neither character: skip the replace (and its copy) then.
  if (!text.includes('\\') && !text.includes('"')) return text;
  return text.replace(/[\\"]/g, '\\$&');
}
