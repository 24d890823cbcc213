import { describe, expect, it } from 'vitest';
import { chatChunkText, chatCompletionUsage, embeddingsUsage, responsesEventText, responsesUsage } from './openai-usage.js';

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
