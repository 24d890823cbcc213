import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable, isRefusedAsData } from './db-errors.js';

describe('isDatabaseUnavailable', () => {
  it('recognises a database that is down, restarting or timing out', () => {
    expect(
      isDatabaseUnavailable(
        Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      ),
    ).toBe(true);
    expect(
      isDatabaseUnavailable(new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })])),
    ).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(
      isDatabaseUnavailable(
        Object.assign(new Error('terminating connection due to unexpected postmaster exit'), {
          code: '57P01',
        }),
      ),
    ).toBe(true);
    expect(
      isDatabaseUnavailable(
        Object.assign(new Error('the database system is in recovery mode'), { code: '57P03' }),
      ),
    ).toBe(true);
    expect(
      isDatabaseUnavailable(
        Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' }),
      ),
    ).toBe(true);
    expect(
      isDatabaseUnavailable(Object.assign(new Error('sorry, too many clients already'), { code: '53300' })),
    ).toBe(true);
    // wrapped, as MikroORM and Apollo do
    expect(
      isDatabaseUnavailable(
        new Error('wrapper', { cause: Object.assign(new Error('x'), { code: '08006' }) }),
      ),
    ).toBe(true);
    expect(
      isDatabaseUnavailable({
        message: 'resolver failed',
        originalError: new Error('Connection terminated due to connection timeout'),
      }),
    ).toBe(true);
  });

  it('leaves bugs and bad data alone', () => {
    expect(isDatabaseUnavailable(undefined)).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('duplicate key value'), { code: '23505' }))).toBe(
      false,
    );
    expect(isDatabaseUnavailable(Object.assign(new Error('syntax error'), { code: '42601' }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('deadlock detected'), { code: '40P01' }))).toBe(
      false,
    );
  });
});

describe('isRefusedAsData', () => {
  it('recognises values PostgreSQL refuses as data, wrapped or not', () => {
    expect(
      isRefusedAsData(Object.assign(new Error('invalid input syntax for type uuid: "x"'), { code: '22P02' })),
    ).toBe(true);
    expect(
      isRefusedAsData(
        Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' }),
      ),
    ).toBe(true);
    expect(
      isRefusedAsData(new Error('wrapped', { cause: Object.assign(new Error('x'), { code: '22P05' }) })),
    ).toBe(true);
  });
  it('leaves outages, conflicts and overflow (possibly ours) alone', () => {
    expect(isRefusedAsData(Object.assign(new Error('x'), { code: '57P01' }))).toBe(false);
    expect(isRefusedAsData(Object.assign(new Error('x'), { code: '23505' }))).toBe(false);
    expect(isRefusedAsData(Object.assign(new Error('numeric field overflow'), { code: '22003' }))).toBe(
      false,
    );
  });
});
