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

/**
 * What a transcription answer says was billed: tokens (`usage.type` "tokens": gpt-4o-transcribe
 * and its kin), seconds (`usage.type` "duration", or verbose_json's `duration`: whisper-1), and
 * the text (for counting when nothing was said). Formats that are not JSON (text, srt, vtt) say
 * nothing but their text.
 */
export interface TranscriptionReport {
  tokens: { inputTokens: number | null; outputTokens: number | null } | null;
  seconds: number | null;
  text: string;
}

const seconds = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null);

export function transcriptionReport(body: unknown, rawText: string): TranscriptionReport {
  const record = object(body);
  if (!record) return { tokens: null, seconds: null, text: rawText };
  const usage = object(record.usage);
  const tokens = usage?.type === 'tokens' ? { inputTokens: count(usage.input_tokens), outputTokens: count(usage.output_tokens) } : null;
  const billedSeconds = usage?.type === 'duration' ? seconds(usage.seconds) : null;
  return { tokens, seconds: billedSeconds ?? seconds(record.duration), text: typeof record.text === 'string' ? record.text : '' };
}

/** The done event of a streamed transcription (`transcript.text.done`), as a report; null for any other event. */
export function transcriptionDoneReport(event: unknown): TranscriptionReport | null {
  const record = object(event);
  return record?.type === 'transcript.text.done' ? transcriptionReport(record, '') : null;
}

export type TranscriptionUnits =
  | { durationSeconds: number; source: 'GATEWAY' | 'GATEWAY_ESTIMATED'; from: 'provider' | 'measured' | 'unknown' }
  | { inputTokens: number; outputTokens: number; source: 'GATEWAY' | 'GATEWAY_ESTIMATED'; from: 'provider' | 'counted' };

/**
 * The units to record for a transcription (api-contract-next.md: "the audio's duration, from the
 * response's `duration`, else measured"). A model billed by the second records the provider's
 * seconds, else the audio's length measured from the upload (an exact reading of what is billed,
 * so GATEWAY), else 0 marked GATEWAY_ESTIMATED. A model billed by tokens records the provider's
 * tokens, else the text's tokens counted by the gateway (GATEWAY_ESTIMATED: the audio's tokens
 * are unknown).
 */
export function transcriptionUnits(billedBySeconds: boolean, report: TranscriptionReport | null, measuredSeconds: number | null, countedOutputTokens: number): TranscriptionUnits {
  if (billedBySeconds) {
    if (report?.seconds !== null && report?.seconds !== undefined) return { durationSeconds: report.seconds, source: 'GATEWAY', from: 'provider' };
    if (measuredSeconds !== null) return { durationSeconds: measuredSeconds, source: 'GATEWAY', from: 'measured' };
    return { durationSeconds: 0, source: 'GATEWAY_ESTIMATED', from: 'unknown' };
  }
  if (report?.tokens && report.tokens.inputTokens !== null && report.tokens.outputTokens !== null) {
    return { inputTokens: report.tokens.inputTokens, outputTokens: report.tokens.outputTokens, source: 'GATEWAY', from: 'provider' };
  }
  return { inputTokens: 0, outputTokens: countedOutputTokens, source: 'GATEWAY_ESTIMATED', from: 'counted' };
}
