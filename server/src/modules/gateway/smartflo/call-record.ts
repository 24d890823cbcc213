import type { RecordUsageFields } from '../../usage/recording/usage-event.js';

/**
 * Smartflo (Tata Tele Business) call detail records → SMARTFLO usage events: the one place where
 * the gateway knows Smartflo's field names (api-contract-next.md, /gateway/smartflo/call-records).
 *
 * Written from:
 * - Smartflo's "Call Detail Records" API reference (docs.smartflo.tatatelebusiness.com/reference/v1callrecords):
 *   each record has `id`, `call_id` ("1715235734.129662"), `uuid` ("48e0d4fbe3ad9"), `direction`
 *   ("inbound"/"outbound"), `description` ("Call answered"), `status` ("answered", "missed").
 * - Smartflo's webhook guide (docs.smartflo.tatatelebusiness.com/docs/webhook): webhooks are set up
 *   per account with a URL, a method and a trigger, among them "Call hangup (Missed or Answered)";
 *   the body is a template of call variables.
 * - The variable names of hangup payloads and CDR rows as public integrations consume them (the
 *   official pages shown to us cut off before listing them): `uuid`, `call_id`, `start_stamp`,
 *   `answer_stamp`, `end_stamp` ("YYYY-MM-DD HH:MM:SS", India time), `billsec` (talk seconds:
 *   what is billed), `duration` (with ringing: not billed), `call_status`, `hangup_cause`,
 *   `direction`; CDR rows say `answered_seconds`, `call_duration`, `date` + `time` instead.
 * The samples below are those shapes with made-up numbers; the tests run every one of them.
 *
 * Rules:
 * - The call's id is `uuid` (present in every shape above, so a webhook delivery and a CDR row of
 *   one call agree), else `call_id`, else `id`. It is the requestId: a redelivery counts once.
 * - Billed seconds are `billsec`, else `answered_seconds`, else `billed_duration`: whole seconds, as
 *   a number, a digit string or "HH:MM:SS". Never `duration`/`call_duration` (ringing included).
 * - A record without billed seconds (a missed call, a hangup before answer) is kept, as a
 *   zero-second ERROR with the record's own status in metadata: nothing is billed, nothing lost.
 * - Times without an offset are India Standard Time (+05:30, Smartflo's only zone); ISO times with
 *   an offset are taken as they are. The call's start, else its end, is when it occurred.
 * - Phone numbers, agents and recording links are not copied: the log keeps what billing needs.
 */
export interface CallRecord {
  callId: string;
  /** The other id of the call when both were sent (call_id beside uuid), for matching with Smartflo's reports. */
  otherId: string | null;
  billedSeconds: number | null;
  occurredAt: Date | null;
  status: string | null;
  direction: string | null;
  hangupCause: string | null;
}

export const SMARTFLO_SAMPLES = {
  /** The "Call hangup" webhook of an answered inbound call, with a JSON body template. */
  answeredHangup: {
    uuid: 'a7f1c2e94b3d8',
    call_id: '1734331200.482913',
    direction: 'inbound',
    call_status: 'answered',
    caller_id_number: '+919000000001',
    call_to_number: '+918000000002',
    answered_agent_number: '+919000000003',
    start_stamp: '2026-12-16 10:15:04',
    answer_stamp: '2026-12-16 10:15:11',
    end_stamp: '2026-12-16 10:17:36',
    duration: '152',
    billsec: '145',
    hangup_cause: 'NORMAL_CLEARING',
    recording_url: 'https://recordings.example/a7f1c2e94b3d8.mp3',
  },
  /** The same trigger for a missed call: no talk time. */
  missedHangup: {
    uuid: 'c03b99d1e7a42',
    call_id: '1734331420.482977',
    direction: 'inbound',
    call_status: 'missed',
    caller_id_number: '+919000000004',
    start_stamp: '2026-12-16 10:23:40',
    answer_stamp: '',
    end_stamp: '2026-12-16 10:24:10',
    duration: '30',
    billsec: '0',
    hangup_cause: 'NO_ANSWER',
  },
  /** A row of the Call Detail Records API (`results[]`), as a CDR export or a replay would post it. */
  cdrRow: {
    id: '663c6bc92b66f80b611f8f40',
    call_id: '1715235734.129662',
    uuid: '48e0d4fbe3ad9',
    direction: 'outbound',
    description: 'Call answered',
    detailed_description: null,
    status: 'answered',
    date: '2026-12-16',
    time: '11:02:09',
    end_stamp: '2026-12-16 11:03:01',
    call_duration: 52,
    answered_seconds: 41,
    hangup_cause: 'NORMAL_CLEARING',
    client_number: '+919000000005',
  },
} as const;

type Json = Record<string, unknown>;

const text = (value: unknown): string | null => {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' && value.trim().length > 0 ? value.trim() : null;
};

/** Whole seconds from 145, "145", "00:02:25" or "02:25"; undefined when absent, null when present but not seconds. */
export function seconds(value: unknown): number | null | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 && value <= 1e9 ? value : null;
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  if (/^\d{1,9}$/.test(trimmed)) return Number(trimmed);
  const clock = /^(?:(\d{1,4}):)?([0-5]?\d):([0-5]\d)$/.exec(trimmed);
  return clock ? Number(clock[1] ?? 0) * 3600 + Number(clock[2]) * 60 + Number(clock[3]) : null;
}

/** A Smartflo time: "YYYY-MM-DD HH:MM:SS" in India time, or ISO 8601 with an offset. Undefined when absent, null when unreadable. */
export function smartfloTime(value: unknown): Date | null | undefined {
  const raw = text(value);
  if (raw === null) return undefined;
  const local = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(raw);
  const date = local ? new Date(`${local[1]}-${local[2]}-${local[3]}T${local[4]}:${local[5]}:${local[6]}+05:30`) : /[zZ]|[+-]\d{2}:?\d{2}$/.test(raw) ? new Date(raw) : null;
  return date && !Number.isNaN(date.getTime()) ? date : null;
}

/** One record, or why it is not one (field names as sent, for the 400 answer). */
export function readCallRecord(value: unknown): CallRecord | { problem: string } {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { problem: 'is not a call record object' };
  const record = value as Json;
  const uuid = text(record.uuid);
  const callId = text(record.call_id);
  const id = uuid ?? callId ?? text(record.id);
  if (id === null) return { problem: 'has no call id (uuid, call_id or id)' };
  if (id.length > 255) return { problem: 'has a call id longer than 255 characters' };

  const billedField = (['billsec', 'answered_seconds', 'billed_duration'] as const).find((field) => record[field] !== undefined && record[field] !== null && record[field] !== '');
  const billed = billedField ? seconds(record[billedField]) : undefined;
  if (billed === null) return { problem: `has ${billedField} that is not a whole number of seconds` };

  const startText = record.start_stamp ?? (text(record.date) && text(record.time) ? `${text(record.date)} ${text(record.time)}` : record.start_time);
  const start = smartfloTime(startText);
  const end = smartfloTime(record.end_stamp ?? record.end_time);
  if (start === null) return { problem: 'has a start time that is not "YYYY-MM-DD HH:MM:SS" or ISO 8601 with an offset' };
  if (end === null) return { problem: 'has an end time that is not "YYYY-MM-DD HH:MM:SS" or ISO 8601 with an offset' };

  return {
    callId: id,
    otherId: uuid !== null && callId !== null ? callId : null,
    billedSeconds: billed ?? null,
    occurredAt: start ?? end ?? null,
    status: text(record.status ?? record.call_status)?.toLowerCase() ?? null,
    direction: text(record.direction)?.toLowerCase() ?? null,
    hangupCause: text(record.hangup_cause),
  };
}

/** A delivery: one record or an array of them. Every one must read, or none is taken. */
export function readCallRecords(body: unknown, maxRecords: number): { records: CallRecord[] } | { problems: string[] } {
  const items = Array.isArray(body) ? body : [body];
  if (items.length === 0) return { problems: ['the body is an empty array: send one call record or an array of them'] };
  if (items.length > maxRecords) return { problems: [`at most ${maxRecords} call records per delivery`] };
  const records: CallRecord[] = [];
  const problems: string[] = [];
  items.forEach((item, index) => {
    const read = readCallRecord(item);
    if ('problem' in read) problems.push(Array.isArray(body) ? `record ${index} ${read.problem}` : `the record ${read.problem}`);
    else records.push(read);
  });
  return problems.length > 0 ? { problems } : { records };
}

/** The usage event of a call: its billed seconds, or a zero-second ERROR that says why nothing was billed. */
export function callUsage(record: CallRecord): RecordUsageFields {
  const billed = record.billedSeconds !== null && record.billedSeconds > 0;
  const metadata: Json = { callStatus: record.status };
  if (record.direction) metadata.direction = record.direction;
  if (record.hangupCause) metadata.hangupCause = record.hangupCause;
  if (record.otherId) metadata.callId = record.otherId;
  if (!billed) metadata.reason = record.billedSeconds === 0 ? 'no billed seconds (0)' : 'no billed seconds in the record';
  return {
    service: 'SMARTFLO',
    model: null,
    durationSeconds: billed ? record.billedSeconds : 0,
    status: billed ? 'SUCCESS' : 'ERROR',
    requestId: record.callId,
    occurredAt: record.occurredAt,
    metadata,
  };
}
