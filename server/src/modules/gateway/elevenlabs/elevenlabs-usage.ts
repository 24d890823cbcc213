/**
 * What ElevenLabs bills for a text-to-speech call (api-contract-next.md's gateway table), as pure
 * functions. ElevenLabs states it in the `character-cost` response header; without one the
 * characters of `text` are what its price list counts.
 */

/** Characters as ElevenLabs counts them: code points, so an emoji or a CJK character is one. */
export function textCharacters(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** The `character-cost` header as a count; null when absent or not a whole number (never guessed from a malformed value). */
export function characterCost(header: string | null): number | null {
  if (header === null) return null;
  const value = header.trim();
  return /^\d{1,10}$/.test(value) ? Number(value) : null;
}

/**
 * The characters to record: the provider's figure when it gave one; otherwise the text's on a
 * success, and none on an error (a refused call is billed nothing unless the provider says so).
 */
export function billedCharacters(header: string | null, text: string, ok: boolean): { characters: number; from: 'character-cost' | 'text' | 'none' } {
  const stated = characterCost(header);
  if (stated !== null) return { characters: stated, from: 'character-cost' };
  return ok ? { characters: textCharacters(text), from: 'text' } : { characters: 0, from: 'none' };
}
