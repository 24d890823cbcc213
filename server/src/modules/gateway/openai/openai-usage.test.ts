import { describe, expect, it } from 'vitest';
import { chatChunkText, chatCompletionUsage, embeddingsUsage, responsesEventText, responsesUsage, transcriptionDoneReport, transcriptionReport, transcriptionUnits } from './openai-usage.js';

describe('OpenAI usage fields', () => {
  it('reads chat completions, with the cached part of the prompt', () => {
    expect(chatCompletionUsage({ usage: { prompt_tokens: 120, completion_tokens: 30, prompt_tokens_details: { cached_tokens: 100 } } })).toEqual({ inputTokens: 120, cachedInputTokens: 100, outputTokens: 30 });
    expect(chatCompletionUsage({ usage: null })).toBeNull();
    expect(chatCompletionUsage({ usage: { prompt_tokens: -1, completion_tokens: 1.5 } })).toEqual({ inputTokens: null, cachedInputTokens: null, outputTokens: null });
  });

  it('reads the Responses API and embeddings', () => {
    expect(responsesUsage({ usage: { input_tokens: 80, input_tokens_details: { cached_tokens: 10 }, output_tokens: 20 } })).toEqual({ inputTokens: 80, cachedInputTokens: 10, outputTokens: 20 });
    expect(embeddingsUsage({ usage: { prompt_tokens: 8, total_tokens: 8 } })).toEqual({ inputTokens: 8, cachedInputTokens: null, outputTokens: 0 });
  });

  it('collects generated text from stream chunks and events', () => {
    expect(chatChunkText({ choices: [{ delta: { content: 'Hel' } }, { delta: { refusal: 'no' } }] })).toBe('Helno');
    expect(chatChunkText({ choices: [] })).toBe('');
    expect(responsesEventText({ type: 'response.output_text.delta', delta: 'lo' })).toBe('lo');
    expect(responsesEventText({ type: 'response.created' })).toBe('');
  });
});

describe('transcription usage', () => {
  it('reads tokens, billed seconds and verbose_json’s duration; plain text formats say nothing', () => {
    expect(transcriptionReport({ text: 'hi', usage: { type: 'tokens', input_tokens: 45, output_tokens: 12, total_tokens: 57 } }, '')).toEqual({ tokens: { inputTokens: 45, outputTokens: 12 }, seconds: null, text: 'hi' });
    expect(transcriptionReport({ text: 'hi', usage: { type: 'duration', seconds: 9 } }, '')).toEqual({ tokens: null, seconds: 9, text: 'hi' });
    expect(transcriptionReport({ task: 'transcribe', duration: 8.47, text: 'hi', segments: [] }, '')).toMatchObject({ seconds: 8.47 });
    expect(transcriptionReport({ text: 'hi' }, '')).toEqual({ tokens: null, seconds: null, text: 'hi' });
    expect(transcriptionReport(null, 'plain words')).toEqual({ tokens: null, seconds: null, text: 'plain words' });
    expect(transcriptionReport({ duration: -1, text: 'x' }, '').seconds).toBeNull();
    expect(transcriptionDoneReport({ type: 'transcript.text.done', text: 'done', usage: { type: 'tokens', input_tokens: 3, output_tokens: 2 } })).toMatchObject({ tokens: { inputTokens: 3, outputTokens: 2 } });
    expect(transcriptionDoneReport({ type: 'transcript.text.delta', delta: 'd' })).toBeNull();
  });

  it('chooses the provider’s figure, else the measured length, else an honest estimate', () => {
    const said = transcriptionReport({ duration: 8.47, text: 'x' }, '');
    const silent = transcriptionReport({ text: 'x' }, '');
    expect(transcriptionUnits(true, said, 8.5, 0)).toEqual({ durationSeconds: 8.47, source: 'GATEWAY', from: 'provider' });
    expect(transcriptionUnits(true, silent, 8.5, 0)).toEqual({ durationSeconds: 8.5, source: 'GATEWAY', from: 'measured' });
    expect(transcriptionUnits(true, null, null, 0)).toEqual({ durationSeconds: 0, source: 'GATEWAY_ESTIMATED', from: 'unknown' });
    const tokens = transcriptionReport({ text: 'x', usage: { type: 'tokens', input_tokens: 45, output_tokens: 12 } }, '');
    expect(transcriptionUnits(false, tokens, 8.5, 99)).toEqual({ inputTokens: 45, outputTokens: 12, source: 'GATEWAY', from: 'provider' });
    expect(transcriptionUnits(false, silent, 8.5, 7)).toEqual({ inputTokens: 0, outputTokens: 7, source: 'GATEWAY_ESTIMATED', from: 'counted' });
  });
});
