import { describe, expect, it } from 'vitest';
import { billedCharacters, characterCost, textCharacters } from './elevenlabs-usage.js';

describe('ElevenLabs billed characters', () => {
  it('counts code points, not UTF-16 units', () => {
    expect(textCharacters('Hello')).toBe(5);
    expect(textCharacters('naïve 😀')).toBe(7);
    expect(textCharacters('')).toBe(0);
  });

  it('reads the character-cost header only when it is a whole number', () => {
    expect(characterCost('42')).toBe(42);
    expect(characterCost(' 7 ')).toBe(7);
    expect(characterCost(null)).toBeNull();
    expect(characterCost('-3')).toBeNull();
    expect(characterCost('1.5')).toBeNull();
    expect(characterCost('lots')).toBeNull();
  });

  it('prefers the provider’s figure, else the text’s on success and nothing on an error', () => {
    expect(billedCharacters('12', 'Hello there', true)).toEqual({ characters: 12, from: 'character-cost' });
    expect(billedCharacters(null, 'Hello there', true)).toEqual({ characters: 11, from: 'text' });
    expect(billedCharacters(null, 'Hello there', false)).toEqual({ characters: 0, from: 'none' });
    expect(billedCharacters('3', 'Hello there', false)).toEqual({ characters: 3, from: 'character-cost' });
  });
});
