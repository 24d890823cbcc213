import { Migration } from '@mikro-orm/migrations';

/**
 * The default price table of ../shared/api-contract.md, effective since 2000-01-01 so that any
 * accepted occurredAt finds a price. Admins add newer prices with later effective dates; these
 * rows are never rewritten.
 *
 * Cached input: OpenAI bills prompt tokens served from its cache at half the input rate for the
 * gpt-4o family; models without a cached rate price cached tokens at their input rate.
 */
export class Migration20261122000100_seed_prices extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
insert into prices (service, model_prefix, input_per_1k_tokens, cached_input_per_1k_tokens, output_per_1k_tokens, per_1k_characters, per_minute, effective_from) values
  ('OPENAI', 'gpt-4', 0.03, null, 0.06, null, null, '2000-01-01T00:00:00Z'),
  ('OPENAI', 'gpt-4-turbo', 0.01, null, 0.03, null, null, '2000-01-01T00:00:00Z'),
  ('OPENAI', 'gpt-4o', 0.005, 0.0025, 0.015, null, null, '2000-01-01T00:00:00Z'),
  ('OPENAI', 'gpt-4o-mini', 0.00015, 0.000075, 0.0006, null, null, '2000-01-01T00:00:00Z'),
  ('OPENAI', 'gpt-3.5-turbo', 0.0005, null, 0.0015, null, null, '2000-01-01T00:00:00Z'),
  ('OPENAI', 'whisper-1', null, null, null, null, 0.006, '2000-01-01T00:00:00Z'),
  ('OPENAI', 'tts-1', null, null, null, 0.015, null, '2000-01-01T00:00:00Z'),
  ('OPENAI', 'tts-1-hd', null, null, null, 0.03, null, '2000-01-01T00:00:00Z'),
  ('ELEVENLABS', '', null, null, null, 0.03, null, '2000-01-01T00:00:00Z'),
  ('SMARTFLO', '', null, null, null, null, 0.02, '2000-01-01T00:00:00Z');
`);
  }
}
