/**
 * Where OpenAI reports what it billed, per endpoint (the mapping of api-contract-next.md's
 * gateway table), as pure functions over the provider's documented JSON. Counts that are absent
 * read as null, never as 0: "the provider said nothing" is not "the provider said zero".
 */
export interface TokenUnits {
  inputTokens: number | null;
  cachedInputTokens: number | null;
  outputTokens: number | null;
}

const count = (value: unknown): number | null => (typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null);

type Json = Record<string, unknown> | null | undefined;
const object = (value: unknown): Json => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null);

/** Chat completions (a whole answer, or the final chunk of a stream): prompt, its cached part, completion. */
export function chatCompletionUsage(body: unknown): TokenUnits | null {
  const usage = object(object(body)?.usage);
  if (!usage) return null;
  return {
    inputTokens: count(usage.prompt_tokens),
    cachedInputTokens: count(object(usage.prompt_tokens_details)?.cached_tokens),
    outputTokens: count(usage.completion_tokens),
  };
}

/** Responses API: a response object, or the `response` of a `response.completed` stream event. */
export function responsesUsage(body: unknown): TokenUnits | null {
  const usage = object(object(body)?.usage);
  if (!usage) return null;
  return {
    inputTokens: count(usage.input_tokens),
    cachedInputTokens: count(object(usage.input_tokens_details)?.cached_tokens),
    outputTokens: count(usage.output_tokens),
  };
}

/** Embeddings: the input's tokens; nothing is generated. */
export function embeddingsUsage(body: unknown): TokenUnits | null {
  const usage = object(object(body)?.usage);
  if (!usage) return null;
  return { inputTokens: count(usage.prompt_tokens), cachedInputTokens: null, outputTokens: 0 };
}

/** The text a chat stream chunk adds (its deltas' content), for counting a cut-off stream. */
export function chatChunkText(chunk: unknown): string {
  const choices = object(chunk)?.choices;
  if (!Array.isArray(choices)) return '';
  let text = '';
  for (const choice of choices) {
    const delta = object(object(choice)?.delta);
    if (typeof delta?.content === 'string') text += delta.content;
    if (typeof delta?.refusal === 'string') text += delta.refusal;
  }
  return text;
}

/** The text a Responses stream event adds (`response.output_text.delta`). */
export function responsesEventText(event: unknown): string {
  const record = object(event);
  return record?.type === 'response.output_text.delta' && typeof record.delta === 'string' ? record.delta : '';
}
