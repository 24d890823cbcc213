import { describe, expect, it } from 'vitest';
import { Problems } from '../../../core/graphql/errors.js';
import { bodyFingerprint, canonicalJson, validateUsage, type RecordUsageFields } from './usage-event.js';

const now = new Date('2026-11-22T10:00:00Z');
const tenant = '00000000-0000-0000-0000-000000000001';

function check(fields: Partial<RecordUsageFields>) {
  const problems = new Problems();
  const event = validateUsage({ service: 'OPENAI', model: 'gpt-4', inputTokens: 1, outputTokens: 1, requestId: 'r1', ...fields } as RecordUsageFields, tenant, now, problems);
  return { event, fields: problems.list.map((p) => p.field) };
}

describe('validateUsage', () => {
  it('accepts a plain OpenAI event and defaults status and occurredAt', () => {
    const { event } = check({});
    expect(event?.status).toBe('SUCCESS');
    expect(event?.occurredAt).toEqual(now);
  });
  it('rejects negative and fractional counts', () => {
    expect(check({ inputTokens: -1 }).fields).toContain('inputTokens');
    expect(check({ outputTokens: 1.5 }).fields).toContain('outputTokens');
  });
  it('rejects non-finite or negative durations', () => {
    expect(check({ service: 'SMARTFLO', model: null, inputTokens: null, outputTokens: null, durationSeconds: -1 }).fields).toEqual(['durationSeconds']);
    expect(check({ service: 'SMARTFLO', model: null, inputTokens: null, outputTokens: null, durationSeconds: Number.NaN }).fields).toEqual(['durationSeconds']);
  });
  it('requires a unit the service and model use, and refuses units they do not', () => {
    expect(check({ inputTokens: null, outputTokens: null }).fields).toEqual(['inputTokens']);
    expect(check({ service: 'ELEVENLABS', model: null }).fields).toEqual(['inputTokens', 'outputTokens', 'characters']);
    expect(check({ model: 'tts-1', inputTokens: null, outputTokens: null, characters: 10 }).event).toBeDefined();
    expect(check({ model: 'whisper-1', inputTokens: null, outputTokens: null, durationSeconds: 3 }).event).toBeDefined();
  });
  it('bounds requestId, metadata and occurredAt', () => {
    expect(check({ requestId: '' }).fields).toEqual(['requestId']);
    expect(check({ requestId: 'x'.repeat(256) }).fields).toEqual(['requestId']);
    expect(check({ requestId: 'x'.repeat(255) }).event).toBeDefined();
    expect(check({ metadata: { blob: 'x'.repeat(16 * 1024) } }).fields).toEqual(['metadata']);
    expect(check({ occurredAt: new Date(now.getTime() + 5 * 60_000 + 1) }).fields).toEqual(['occurredAt']);
    expect(check({ occurredAt: new Date(now.getTime() + 5 * 60_000) }).event).toBeDefined();
    expect(check({ occurredAt: new Date(now.getTime() - 35 * 86_400_000 - 1) }).fields).toEqual(['occurredAt']);
    let deep: unknown = 1;
    for (let i = 0; i < 30; i++) deep = { deep };
    expect(check({ metadata: deep }).fields).toEqual(['metadata']);
  });
  it('fingerprints bodies: same body same hash, omitted occurredAt stays omitted', () => {
    const a = check({ metadata: { b: 1, a: 2 } }).event!;
    const b = check({ metadata: { a: 2, b: 1 } }).event!;
    expect(a.bodyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.bodyHash).toBe(b.bodyHash);
    expect(check({ inputTokens: 2 }).event!.bodyHash).not.toBe(a.bodyHash);
  });
  it('keeps cached input tokens within input tokens', () => {
    expect(check({ model: 'gpt-4o', inputTokens: 10, cachedInputTokens: 11 }).fields).toEqual(['cachedInputTokens']);
  });
});

describe('bodyFingerprint', () => {
  // The hashes of recorded events are stored (usage_request_keys.body_hash): the fast writer must
  // produce exactly the text canonicalJson did, or retries of old events would turn into conflicts.
  it('is exactly canonicalJson of the same ten fields', () => {
    const samples = [
      { service: 'OPENAI', model: 'gpt-4o-mini', inputTokens: 1200, cachedInputTokens: 200, outputTokens: 3, characters: null, durationSeconds: null, status: 'SUCCESS' },
      { service: 'ELEVENLABS', model: null, inputTokens: null, cachedInputTokens: null, outputTokens: null, characters: 0, durationSeconds: null, status: 'ERROR' },
      { service: 'SMARTFLO', model: 'a "quoted" \\ model ☎', inputTokens: null, cachedInputTokens: null, outputTokens: null, characters: null, durationSeconds: 185.25, status: 'SUCCESS' },
      { service: 'SMARTFLO', model: null, inputTokens: null, cachedInputTokens: null, outputTokens: null, characters: null, durationSeconds: 1e-7, status: 'SUCCESS' },
    ] as const;
    for (const event of samples) {
      for (const [occurredAt, metadata] of [[null, null], ['2026-12-01T10:00:00.000Z', canonicalJson({ b: [1, { c: 'ü\n' }], a: null })]] as const) {
        const expected = canonicalJson({ ...event, occurredAt, metadata });
        expect(bodyFingerprint(event, occurredAt, metadata)).toBe(expected);
        // With an end user: canonicalJson with it, in its sorted place; without one, as before.
        expect(bodyFingerprint(event, occurredAt, metadata, 'user "42" ☎')).toBe(canonicalJson({ ...event, occurredAt, metadata, endUser: 'user "42" ☎' }));
        expect(bodyFingerprint(event, occurredAt, metadata, null)).toBe(expected);
      }
    }
  });
});

describe('endUser', () => {
  it('is optional, 1-255 storable characters, and part of the body', () => {
    expect(check({}).event!.endUser).toBeNull();
    expect(check({ endUser: 'u-1' }).event!.endUser).toBe('u-1');
    expect(check({ endUser: '' }).fields).toEqual(['endUser']);
    expect(check({ endUser: 'x'.repeat(256) }).fields).toEqual(['endUser']);
    expect(check({ endUser: 'x'.repeat(255) }).event).toBeDefined();
    expect(check({ endUser: 'a\u0000b' }).fields).toEqual(['endUser']);
    expect(check({ endUser: 'a\ud800b' }).fields).toEqual(['endUser']);
    expect(check({ endUser: 'u-1' }).event!.bodyHash).not.toBe(check({ endUser: 'u-2' }).event!.bodyHash);
    expect(check({ endUser: null }).event!.bodyHash).toBe(check({}).event!.bodyHash);
  });
});
