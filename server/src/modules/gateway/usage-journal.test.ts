import { describe, expect, it } from 'vitest';
import { estimateFromIntent, parseJournal } from './usage-journal.js';

const line = (value: unknown) => JSON.stringify(value);
const fields = (requestId: string, extra: Record<string, unknown> = {}) => ({ service: 'OPENAI', requestId, model: 'gpt-4o-mini', inputTokens: 10, outputTokens: 0, ...extra });

describe('parseJournal', () => {
  it('keeps only calls without `done`, with their usage when known, and survives a torn last line', () => {
    const text = [
      line({ t: 'intent', at: '2026-12-04T10:00:00Z', tenantId: 't', source: 'GATEWAY_ESTIMATED', fields: fields('a') }),
      line({ t: 'intent', at: '2026-12-04T10:00:00Z', tenantId: 't', source: 'GATEWAY_ESTIMATED', fields: fields('b') }),
      line({ t: 'intent', at: '2026-12-04T10:00:00Z', tenantId: 't', source: 'GATEWAY_ESTIMATED', fields: fields('c') }),
      line({ t: 'usage', tenantId: 't', source: 'GATEWAY', fields: fields('b', { outputTokens: 30, occurredAt: '2026-12-04T10:00:00.000Z' }) }),
      line({ t: 'done', tenantId: 't', requestId: 'a' }),
      '{"t":"usage","tenantId":"t","sou',
    ].join('\n');
    const entries = parseJournal(text);
    expect([...entries.keys()]).toEqual(['t|b', 't|c']);
    expect(entries.get('t|b')!.usage).toMatchObject({ source: 'GATEWAY', fields: { outputTokens: 30 } });
    expect(entries.get('t|b')!.usage!.fields.occurredAt).toEqual(new Date('2026-12-04T10:00:00.000Z'));
    expect(entries.get('t|c')!.usage).toBeUndefined();
  });

  it('records an interrupted call from its intent as an estimated ERROR, saying so', () => {
    const estimate = estimateFromIntent({ tenantId: 't', source: 'GATEWAY_ESTIMATED', fields: fields('c', { metadata: { endpoint: '/chat/completions' } }) as never });
    expect(estimate).toMatchObject({ source: 'GATEWAY_ESTIMATED', fields: { status: 'ERROR', inputTokens: 10, metadata: { endpoint: '/chat/completions' } } });
    expect(String((estimate.fields.metadata as Record<string, unknown>).gateway)).toMatch(/interrupted/);
  });
});
