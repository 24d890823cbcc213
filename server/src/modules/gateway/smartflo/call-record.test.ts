import { describe, expect, it } from 'vitest';
import { SMARTFLO_SAMPLES, callUsage, readCallRecord, readCallRecords, seconds, smartfloTime } from './call-record.js';

describe('Smartflo call records', () => {
  it('maps an answered hangup to its billed seconds, keyed by the call’s uuid, at its start in India time', () => {
    const record = readCallRecord(SMARTFLO_SAMPLES.answeredHangup);
    expect(record).toEqual({
      callId: 'a7f1c2e94b3d8',
      otherId: '1734331200.482913',
      billedSeconds: 145,
      occurredAt: new Date('2026-12-16T04:45:04.000Z'),
      status: 'answered',
      direction: 'inbound',
      hangupCause: 'NORMAL_CLEARING',
    });
    expect(callUsage(record as never)).toEqual({
      service: 'SMARTFLO',
      model: null,
      durationSeconds: 145,
      status: 'SUCCESS',
      requestId: 'a7f1c2e94b3d8',
      occurredAt: new Date('2026-12-16T04:45:04.000Z'),
      metadata: { callStatus: 'answered', direction: 'inbound', hangupCause: 'NORMAL_CLEARING', callId: '1734331200.482913' },
    });
  });

  it('keeps a missed call as a zero-second ERROR with its status, and never bills ringing time', () => {
    const usage = callUsage(readCallRecord(SMARTFLO_SAMPLES.missedHangup) as never);
    expect(usage).toMatchObject({ durationSeconds: 0, status: 'ERROR', requestId: 'c03b99d1e7a42', metadata: { callStatus: 'missed', hangupCause: 'NO_ANSWER', reason: 'no billed seconds (0)' } });
    // `duration` (30 s of ringing) is there and is not what is billed.
    const noBillsec = callUsage(readCallRecord({ uuid: 'u1', status: 'answered', duration: 30 }) as never);
    expect(noBillsec).toMatchObject({ durationSeconds: 0, status: 'ERROR', metadata: { callStatus: 'answered', reason: 'no billed seconds in the record' } });
  });

  it('reads a Call Detail Records row (answered_seconds, date + time)', () => {
    expect(callUsage(readCallRecord(SMARTFLO_SAMPLES.cdrRow) as never)).toMatchObject({
      durationSeconds: 41,
      status: 'SUCCESS',
      requestId: '48e0d4fbe3ad9',
      occurredAt: new Date('2026-12-16T05:32:09.000Z'),
      metadata: { callStatus: 'answered', direction: 'outbound', callId: '1715235734.129662' },
    });
  });

  it('takes call_id, then id, when there is no uuid', () => {
    expect(readCallRecord({ call_id: '1715.1', billsec: 3 })).toMatchObject({ callId: '1715.1', otherId: null });
    expect(readCallRecord({ id: 42, billsec: 3 })).toMatchObject({ callId: '42' });
  });

  it('reads seconds and times in the forms Smartflo sends', () => {
    expect([seconds(145), seconds('145'), seconds('00:02:25'), seconds('2:25'), seconds('1:00:00')]).toEqual([145, 145, 145, 145, 3600]);
    expect([seconds(undefined), seconds(''), seconds(null)]).toEqual([undefined, undefined, undefined]);
    expect([seconds(-1), seconds(1.5), seconds('ten'), seconds({})]).toEqual([null, null, null, null]);
    expect(smartfloTime('2026-12-16 10:15:04')).toEqual(new Date('2026-12-16T04:45:04Z'));
    expect(smartfloTime('2026-12-16T10:15:04Z')).toEqual(new Date('2026-12-16T10:15:04Z'));
    expect(smartfloTime('2026-12-16T10:15:04+05:30')).toEqual(new Date('2026-12-16T04:45:04Z'));
    expect(smartfloTime('')).toBeUndefined();
    expect(smartfloTime('16/12/2026 10:15')).toBeNull();
    expect(smartfloTime('2026-12-16T10:15:04')).toEqual(new Date('2026-12-16T04:45:04Z'));
  });

  it('refuses a shape it does not know, naming the record and the field, and takes none of a delivery with one bad record', () => {
    expect(readCallRecord('call')).toEqual({ problem: 'is not a call record object' });
    expect(readCallRecord({ billsec: 10 })).toEqual({ problem: 'has no call id (uuid, call_id or id)' });
    expect(readCallRecord({ uuid: 'u', billsec: 'lots' })).toEqual({ problem: 'has billsec that is not a whole number of seconds' });
    expect(readCallRecord({ uuid: 'u', start_stamp: 'yesterday' })).toMatchObject({ problem: expect.stringContaining('start time') });
    expect(readCallRecords([SMARTFLO_SAMPLES.answeredHangup, { foo: 1 }], 10)).toEqual({ problems: ['record 1 has no call id (uuid, call_id or id)'] });
    expect(readCallRecords([], 10)).toMatchObject({ problems: [expect.stringContaining('empty')] });
    expect(readCallRecords([SMARTFLO_SAMPLES.cdrRow, SMARTFLO_SAMPLES.cdrRow], 1)).toEqual({ problems: ['at most 1 call records per delivery'] });
    expect(readCallRecords(SMARTFLO_SAMPLES.missedHangup, 10)).toMatchObject({ records: [{ callId: 'c03b99d1e7a42' }] });
  });
});
