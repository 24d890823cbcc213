import { describe, expect, it } from 'vitest';
import { money } from '../../core/lib/money.js';
import { adjustmentLines, adjustmentTargets, firstMonthStillInWindow, isOver, statementNumber, totalOf, unitOf, windowClosesAt, type LineTotals } from './statement-rules.js';

const totals = (month: string, model: string, units: string, apiCalls: number, amount: string): LineTotals => ({ month, service: 'OPENAI' as never, model, units: money(units), apiCalls, amountUsd: money(amount) });

describe('statement rules', () => {
  it('names the unit each rollup counts', () => {
    expect(unitOf('OPENAI' as never, 'gpt-4o')).toBe('tokens');
    expect(unitOf('OPENAI' as never, 'tts-1-hd')).toBe('characters');
    expect(unitOf('OPENAI' as never, 'whisper-1')).toBe('minutes');
    expect(unitOf('ELEVENLABS' as never, '')).toBe('characters');
    expect(unitOf('SMARTFLO' as never, '')).toBe('minutes');
  });

  it('numbers statements per month, four digits at least', () => {
    expect(statementNumber('2026-11', 1)).toBe('UM-2026-11-0001');
    expect(statementNumber('2026-11', 12345)).toBe('UM-2026-11-12345');
  });

  it('a month is over on the first instant of the next one, and its window closes 35 days later', () => {
    expect(isOver('2026-11', new Date('2026-11-30T23:59:59.999Z'))).toBe(false);
    expect(isOver('2026-11', new Date('2026-12-01T00:00:00Z'))).toBe(true);
    expect(windowClosesAt('2026-11').toISOString()).toBe('2027-01-05T00:00:00.000Z');
    expect(firstMonthStillInWindow(new Date('2027-01-04T23:59:59Z'))).toBe('2026-11');
    expect(firstMonthStillInWindow(new Date('2027-01-05T00:00:00Z'))).toBe('2026-12');
  });

  it("gives each FINAL month's corrections to the tenant's earliest open statement after it", () => {
    const targets = adjustmentTargets(['2026-08', '2026-09', '2026-11'], ['2026-10', '2026-12']);
    expect(Object.fromEntries(targets)).toEqual({ '2026-10': ['2026-08', '2026-09'], '2026-12': ['2026-11'] });
    // None after it yet: pending until the tenant has one.
    expect(Object.fromEntries(adjustmentTargets(['2026-12'], ['2026-10']))).toEqual({ '2026-10': [] });
  });

  it('adjustment = rollups now − what was frozen for the month, nonzero only, exact', () => {
    const lines = adjustmentLines(
      [totals('2026-10', 'gpt-4', '300', 3, '0.1'), totals('2026-10', 'gpt-4o', '50', 1, '0.000000000001'), totals('2026-11', 'gpt-4', '10', 1, '0.2')],
      [totals('2026-10', 'gpt-4', '200', 2, '0.07'), totals('2026-10', 'gpt-4', '100', 1, '0.03'), totals('2026-11', 'gpt-4', '20', 2, '0.3'), totals('2026-11', 'tts-1', '7', 1, '0.5')],
    );
    expect(lines.map((l) => [l.adjustmentOf, l.model, l.unit, l.units.toFixed(), l.apiCalls, l.amountUsd.toFixed()])).toEqual([
      ['2026-10', 'gpt-4o', 'tokens', '50', 1, '0.000000000001'],
      ['2026-11', 'gpt-4', 'tokens', '-10', -1, '-0.1'],
      ['2026-11', 'tts-1', 'characters', '-7', -1, '-0.5'],
    ]);
    expect(totalOf(lines).toFixed()).toBe('-0.599999999999');
  });
});
