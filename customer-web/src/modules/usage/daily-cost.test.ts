import { describe, expect, it } from 'vitest';
import { dailyCostOfPeriod } from './daily-cost';

describe('dailyCostOfPeriod', () => {
  const point = (date: string, key: string, costUsd: string) => ({ date, key, costUsd, apiCalls: 1 });

  it('keeps only the days of the month, zero-filled, one series per service', () => {
    const { days, series } = dailyCostOfPeriod(
      {
        from: '2026-10-06T00:00:00.000Z',
        to: '2026-11-04T00:00:00.000Z',
        points: [
          point('2026-10-31', 'OPENAI', '99'),
          point('2026-11-01', 'OPENAI', '0.1'),
          point('2026-11-03', 'OPENAI', '0.2'),
          point('2026-11-03', 'SMARTFLO', '0.0616666'),
        ],
      },
      '2026-11',
    );
    expect(days).toEqual(['2026-11-01', '2026-11-02', '2026-11-03']);
    expect(series).toEqual([
      { label: 'OpenAI', colour: expect.any(String), values: ['0.1', '0', '0.2'] },
      { label: 'Smartflo', colour: expect.any(String), values: ['0', '0', '0.0616666'] },
    ]);
  });

  it('orders the series OpenAI, ElevenLabs, Smartflo whatever order the API sends', () => {
    const { series } = dailyCostOfPeriod(
      {
        from: '2026-11-01T00:00:00.000Z',
        to: '2026-11-02T00:00:00.000Z',
        points: [point('2026-11-01', 'SMARTFLO', '1'), point('2026-11-01', 'ELEVENLABS', '2'), point('2026-11-01', 'OPENAI', '3')],
      },
      '2026-11',
    );
    expect(series.map((s) => s.label)).toEqual(['OpenAI', 'ElevenLabs', 'Smartflo']);
  });

  it('does not invent a zero for a day before the window starts', () => {
    const { days } = dailyCostOfPeriod(
      { from: '2026-12-02T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z', points: [] },
      '2026-12',
    );
    expect(days[0]).toBe('2026-12-02');
    expect(days.at(-1)).toBe('2026-12-31');
  });
});
