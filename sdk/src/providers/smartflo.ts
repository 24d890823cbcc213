import type { UsageEvent } from '../client.js';
import { readCount, withOverrides, type EventOverrides } from './common.js';

/**
 * A Smartflo call detail record (GET /v1/call/records `results[]`) or call webhook payload; only
 * the fields we read. Durations are seconds, sent as numbers or numeric strings.
 */
export interface SmartfloCallRecord {
  id?: string | number;
  call_id?: string;
  uuid?: string;
  /** Call records: the whole call, in seconds. */
  call_duration?: number | string;
  /** Call records: the answered (talk) part, in seconds. */
  answered_seconds?: number | string;
  /** Webhooks: the whole call. */
  duration?: number | string;
  /** Webhooks: the billed (answered) part. */
  billsec?: number | string;
}

/**
 * An event for a Smartflo call: `durationSeconds` of the call (`call_duration`, or the webhook's
 * `duration`); `billOn: 'answered'` uses the answered seconds instead. requestId is
 * "smartflo:" + the call's uuid (else call_id, else id), so a call seen twice counts once.
 */
export function fromSmartfloCallRecord(
  record: SmartfloCallRecord,
  options: EventOverrides & { billOn?: 'call' | 'answered' } = {},
): UsageEvent {
  const { billOn = 'call', ...overrides } = options;
  const seconds =
    billOn === 'answered'
      ? readCount(record.answered_seconds ?? record.billsec, 'Smartflo answered_seconds')
      : readCount(record.call_duration ?? record.duration, 'Smartflo call_duration');
  if (seconds === undefined)
    throw new TypeError(
      `Smartflo call record has no ${billOn === 'answered' ? 'answered_seconds' : 'call_duration'}`,
    );
  const id = record.uuid ?? record.call_id ?? (record.id === undefined ? undefined : String(record.id));
  return withOverrides(
    { service: 'SMARTFLO', durationSeconds: seconds, ...(id ? { requestId: `smartflo:${id}` } : {}) },
    overrides,
  );
}
