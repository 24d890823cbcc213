/**
 * Counting tokens when a provider reported none (a stream cut off, a call interrupted by a
 * restart): gpt-tokenizer's o200k_base, the encoding of the GPT-4o and later families, loaded on
 * first use so a server that never estimates never pays for its tables. An estimate is recorded
 * with source GATEWAY_ESTIMATED, never passed off as the provider's figure.
 */
let encoder: Promise<(text: string) => number> | undefined;

async function counter(): Promise<(text: string) => number> {
  encoder ??= import('gpt-tokenizer/encoding/o200k_base').then((module) => (text: string) => module.countTokens(text));
  return encoder;
}

export async function countTokens(text: string): Promise<number> {
  if (text.length === 0) return 0;
  return (await counter())(text);
}

/** Every string inside a request body's messages/input, joined: what the prompt's tokens are counted from. */
export function promptText(body: unknown): string {
  const parts: string[] = [];
  const visit = (value: unknown, depth: number) => {
    if (depth > 12) return;
    if (typeof value === 'string') parts.push(value);
    else if (Array.isArray(value)) for (const item of value) visit(item, depth + 1);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        // Images and audio are counted by the provider only; their base64 is not text.
        if (key === 'image_url' || key === 'input_audio' || key === 'file_data') continue;
        visit(inner, depth + 1);
      }
    }
  };
  const record = (body ?? {}) as Record<string, unknown>;
  visit(record.messages ?? record.input ?? record.prompt ?? '', 0);
  if (typeof record.instructions === 'string') parts.push(record.instructions);
  return parts.join('\n');
}
