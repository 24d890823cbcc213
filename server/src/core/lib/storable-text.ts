/**
 * Text PostgreSQL can store: no NUL, and no UTF-16 half without its pair (text stores a lone
 * surrogate as U+FFFD, so two different values could become one key; jsonb refuses it). The one
 * rule, used by the domain validation of usage events and by the GraphQL guard for every other
 * argument.
 */
const UNPAIRED_SURROGATE = /\p{Cs}/u;

export const UNSTORABLE_TEXT_MESSAGE = 'may not contain NUL characters or unpaired surrogates';

export function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && !UNPAIRED_SURROGATE.test(text);
}

/**
 * Where unstorable text sits inside a JSON-like value (a string, or an object key), as the path
 * of keys and list indexes leading to it; undefined when there is none. The path is built only
 * on the way back from a hit, so walking clean input allocates nothing.
 */
export function findUnstorableText(value: unknown): (string | number)[] | undefined {
  if (typeof value === 'string') return isStorableText(value) ? undefined : [];
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorableText(value[i]);
      if (found) return [i, ...found];
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const key in value) {
      if (!isStorableText(key)) return [key];
      const found = findUnstorableText((value as Record<string, unknown>)[key]);
      if (found) return [key, ...found];
    }
  }
  return undefined;
}
