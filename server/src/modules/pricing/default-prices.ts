import type { Price } from './rate.js';

const since2000 = new Date('2000-01-01T00:00:00Z');
const row = (id: string, service: Price['service'], modelPrefix: string, rates: Partial<Price>): Price => ({
  id,
  service,
  modelPrefix,
  inputPer1kTokens: null,
  cachedInputPer1kTokens: null,
  outputPer1kTokens: null,
  per1kCharacters: null,
  perMinute: null,
  effectiveFrom: since2000,
  ...rates,
});

/** The contract's default table, for unit tests (the database gets it from a seed migration). */
export const DEFAULT_PRICES: Price[] = [
  row('gpt-4', 'OPENAI', 'gpt-4', { inputPer1kTokens: '0.03', outputPer1kTokens: '0.06' }),
  row('gpt-4-turbo', 'OPENAI', 'gpt-4-turbo', { inputPer1kTokens: '0.01', outputPer1kTokens: '0.03' }),
  row('gpt-4o', 'OPENAI', 'gpt-4o', { inputPer1kTokens: '0.005', cachedInputPer1kTokens: '0.0025', outputPer1kTokens: '0.015' }),
  row('gpt-4o-mini', 'OPENAI', 'gpt-4o-mini', { inputPer1kTokens: '0.00015', cachedInputPer1kTokens: '0.000075', outputPer1kTokens: '0.0006' }),
  row('gpt-3.5-turbo', 'OPENAI', 'gpt-3.5-turbo', { inputPer1kTokens: '0.0005', outputPer1kTokens: '0.0015' }),
  row('whisper-1', 'OPENAI', 'whisper-1', { perMinute: '0.006' }),
  row('tts-1', 'OPENAI', 'tts-1', { per1kCharacters: '0.015' }),
  row('tts-1-hd', 'OPENAI', 'tts-1-hd', { per1kCharacters: '0.03' }),
  row('elevenlabs', 'ELEVENLABS', '', { per1kCharacters: '0.03' }),
  row('smartflo', 'SMARTFLO', '', { perMinute: '0.02' }),
];
