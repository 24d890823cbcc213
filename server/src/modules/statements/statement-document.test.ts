import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { money } from '../../core/lib/money.js';
import { statementCsv } from './statement-csv.js';
import { amountText, statementDocument } from './statement-document.js';
import { drawable, statementPdf } from './statement-pdf.js';
import type { StatementRecord } from './statements.service.js';

const line = (i: number, adjustmentOf: string | null = null) => ({
  service: 'OPENAI' as never,
  model: `gpt-4o-a-very-long-model-name-${i}-with-a-suffix`,
  unit: 'tokens' as const,
  units: money(1000 * i),
  apiCalls: i,
  amountUsd: money(adjustmentOf ? '-0.5' : '0.000123456789'),
  adjustmentOf,
});

describe('statement documents', () => {
  it('writes amounts exactly with at least cents', () => {
    expect(amountText(money('12'))).toBe('12.00');
    expect(amountText(money('-0.1'))).toBe('-0.10');
    expect(amountText(money('0.000000000001'))).toBe('0.000000000001');
  });

  it('draws only what the standard fonts can: other characters become "?"', () => {
    expect(drawable('Ünïcode — “Ltd” €5')).toBe('Ünïcode — “Ltd” €5');
    expect(drawable('株式会社 Acme 🚀')).toBe('???? Acme ?');
  });

  it('a long statement runs over pages, one line per row (long models cut, the corrected month kept), totals last', async () => {
    const lines = [...Array.from({ length: 70 }, (_, i) => line(i)), line(1, '2026-10'), line(2, '2026-10')];
    const record: StatementRecord = { tenantId: 't', period: '2026-11', status: 'FINAL', number: 'UM-2026-11-0042', lines, totalUsd: lines.reduce((s, l) => s.plus(l.amountUsd), money(0)), finalizedAt: new Date('2026-12-01T08:00:00Z') };
    const doc = statementDocument(record, '株式会社 Acme');
    const pdf = await statementPdf(doc);
    const { text, totalPages } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: false });
    expect(totalPages).toBe(2);
    expect(text[0]).toContain('Customer ???? Acme');
    expect(text[0]).toContain('Statement number UM-2026-11-0042');
    expect(text[0]).toContain('Finalized 2026-12-01');
    const rows = text.join('\n').split('\n').filter((row) => row.startsWith('OPENAI'));
    expect(rows).toHaveLength(72);
    expect(rows[69]).toMatch(/^OPENAI gpt-4o-a-very-long-model-n[a-z]*… 69000 tokens 69 0\.000123456789$/);
    expect(rows[71]).toMatch(/^OPENAI gpt-4o-a-very-long-m[a-z]*… \(2026-10\) 2000 tokens 2 -0\.50$/);
    expect(text[1]).toContain(`Month ${doc.monthTotalUsd}`);
    expect(text[1]).toContain('Adjustments -1.00');
    expect(text[1]).toContain(`Total (USD) ${doc.totalUsd}`);
    // The CSV keeps every character and the whole model.
    const csv = statementCsv(doc).split('\r\n');
    expect(csv[1]).toBe('UM-2026-11-0042,株式会社 Acme,2026-11,FINAL,OPENAI,gpt-4o-a-very-long-model-name-0-with-a-suffix,0,tokens,0,0.000123456789,');
    expect(csv[72]).toBe('UM-2026-11-0042,株式会社 Acme,2026-11,FINAL,OPENAI,gpt-4o-a-very-long-model-name-2-with-a-suffix,2000,tokens,2,-0.50,2026-10');
    expect(csv[73]).toBe(`UM-2026-11-0042,株式会社 Acme,2026-11,FINAL,TOTAL,,,,,${doc.totalUsd},`);
    // Text that a spreadsheet would run is guarded; our negative amounts stay numbers.
    const risky = statementCsv(statementDocument({ ...record, lines: [{ ...line(1, '2026-10'), model: '=HYPERLINK("x")' }] }, '+Evil, "Inc"'));
    expect(risky.split('\r\n')[1]).toBe(`UM-2026-11-0042,"'+Evil, ""Inc""",2026-11,FINAL,OPENAI,"'=HYPERLINK(""x"")",1000,tokens,1,-0.50,2026-10`);
  });
});
