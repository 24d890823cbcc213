import { describe, expect, it } from 'vitest';
import { withParams } from '@usage-monitor/web-kit/url';
import { exportQueryString, parseAlertFilters, parseUsageLogFilters, readChoice, readDate, toUsageLogFilterInput, usageLogFilterParams } from './urlFilters';

const params = (s: string) => new URLSearchParams(s);

describe('usage log filters ↔ URL', () => {
  it('parses known values and ignores the rest', () => {
    expect(parseUsageLogFilters(params('tenant=t1&service=openai&status=ERROR&from=2026-11-01&to=2026-11-30'))).toEqual({
      tenantId: 't1',
      service: 'OPENAI',
      status: 'ERROR',
      from: '2026-11-01',
      to: '2026-11-30',
    });
    expect(parseUsageLogFilters(params('service=AZURE&status=maybe&from=2026-02-31&to=yesterday&tenant='))).toEqual({});
  });

  it('turns the inclusive "to" day into a half-open bound', () => {
    expect(toUsageLogFilterInput({ from: '2026-11-01', to: '2026-11-30' })).toEqual({
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
    });
  });

  it('resets the page cursor when a filter changes and drops cleared filters', () => {
    const next = usageLogFilterParams(params('service=OPENAI&after=abc&size=25'), { service: undefined, status: 'ERROR' });
    expect(next.toString()).toBe('size=25&status=ERROR');
  });

  it('builds the CSV export query from the same filters', () => {
    expect(exportQueryString({ tenantId: 't1', service: 'SMARTFLO', to: '2026-11-30' })).toBe(
      'tenantId=t1&service=SMARTFLO&to=2026-12-01T00%3A00%3A00.000Z',
    );
    expect(exportQueryString({})).toBe('');
  });
});

describe('source filter of the usage logs', () => {
  it('reads the source from the URL, sends it to the API and the CSV, and resets the page when it changes', () => {
    const filters = parseUsageLogFilters(params('source=gateway_estimated&service=OPENAI'));
    expect(filters).toEqual({ service: 'OPENAI', source: 'GATEWAY_ESTIMATED' });
    expect(parseUsageLogFilters(params('source=EMAIL'))).toEqual({});
    expect(toUsageLogFilterInput(filters)).toEqual({ service: 'OPENAI', source: 'GATEWAY_ESTIMATED' });
    expect(exportQueryString({ tenantId: 't1', source: 'GATEWAY' })).toBe('tenantId=t1&source=GATEWAY');
    expect(usageLogFilterParams(params('source=API&after=c&size=25'), { source: 'WEBHOOK' }).toString()).toBe(
      'source=WEBHOOK&size=25',
    );
    expect(usageLogFilterParams(params('source=API'), { source: undefined }).toString()).toBe('');
  });
});

describe('end-user filter of the usage logs', () => {
  it('keeps an end user only with its tenant, sends it to the API and the CSV, and drops it when the tenant changes', () => {
    expect(parseUsageLogFilters(new URLSearchParams('user=u-1'))).toEqual({});
    const filters = parseUsageLogFilters(new URLSearchParams('tenant=t1&user=%20u-1%20'));
    expect(filters).toEqual({ tenantId: 't1', endUser: 'u-1' });
    expect(toUsageLogFilterInput(filters)).toEqual({ tenantId: 't1', endUser: 'u-1' });
    expect(exportQueryString(filters)).toBe('tenantId=t1&endUser=u-1');
    const params = new URLSearchParams('tenant=t1&user=u-1&after=c');
    expect(usageLogFilterParams(params, { tenantId: 't2' }).toString()).toBe('tenant=t2');
    expect(usageLogFilterParams(params, { endUser: 'u-2' }).toString()).toBe('tenant=t1&user=u-2');
  });
});

describe('alert filters', () => {
  it('parses status, type and customer', () => {
    expect(parseAlertFilters(params('status=ACTIVE&type=COST_SPIKE&tenant=t9'))).toEqual({
      status: 'ACTIVE',
      type: 'COST_SPIKE',
      tenantId: 't9',
    });
    expect(parseAlertFilters(params('status=OPEN&type=x'))).toEqual({});
  });
});

describe('helpers', () => {
  it('withParams sets and removes', () => {
    expect(withParams(params('a=1&b=2'), { a: null, c: 3 }).toString()).toBe('b=2&c=3');
  });

  it('readChoice falls back for unknown values', () => {
    expect(readChoice(params('days=90'), 'days', [7, 30, 90, 365], 30)).toBe(90);
    expect(readChoice(params('days=12'), 'days', [7, 30, 90, 365], 30)).toBe(30);
  });

  it('readDate rejects impossible dates', () => {
    expect(readDate(params('d=2028-02-29'), 'd')).toBe('2028-02-29');
    expect(readDate(params('d=2026-02-29'), 'd')).toBeUndefined();
  });
});
